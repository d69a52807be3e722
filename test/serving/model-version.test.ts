import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { DeploymentModel, MetricThreshold, OnlineEndpoint, PromotionPolicy, Traffic } from '../../lib/serving';
import { Template } from '../support/template';
import { expectValidAzapiBodies, servingStack, thrownMessage } from './fixtures';

describe('serving a real ModelVersion from the assets layer', () => {
  function rollout(v4Metrics: { [k: string]: number }) {
    const { stack, workspace } = servingStack();
    const churn = Model.inWorkspace(workspace, 'churn');
    const v3 = churn.addVersion('3', {
      source: ModelSource.fromJobOutput('train-churn-41', { path: 'model' }), modelType: ModelType.MLFLOW,
      stage: ModelStage.PRODUCTION, metrics: { auc: 0.87 },
    });
    const v4 = churn.addVersion('4', {
      source: ModelSource.fromJobOutput('train-churn-42', { path: 'model' }), modelType: ModelType.MLFLOW,
      stage: ModelStage.STAGING, metrics: v4Metrics,
    });
    const endpoint = new OnlineEndpoint(stack, 'endpoint', {
      workspace, endpointName: 'churn-prod',
      promotionPolicy: new PromotionPolicy({ minimumStage: ModelStage.STAGING, thresholds: [MetricThreshold.atLeast('auc', 0.85)] }),
    });
    const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
    const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    return { stack, v3, v4 };
  }

  test('the deployment references the version\'s asset id and is created after it', () => {
    const { stack, v4 } = rollout({ auc: 0.9 });
    const t = Template.synth(stack);
    const green = t.resourceWithProperties('azapi_resource', { name: 'green' });
    const versionResource = t.resources('azapi_resource').find(r => r.attributes.type?.includes('/models/versions@') && r.attributes.name === '4');
    expect(versionResource).toBeDefined();
    expect(green.attributes.depends_on).toEqual(expect.arrayContaining([`azapi_resource.${versionResource!.logicalId}`]));
    // The version's id is a reference, so the deployment also waits for it implicitly.
    expect(green.attributes.body.properties.model).toBe(t.ref(versionResource!));
    expect(v4.version).toBe('4');
    expectValidAzapiBodies(t);
  });

  test('the version\'s recorded metrics feed the promotion gate', () => {
    const { stack } = rollout({ auc: 0.8 });
    expect(thrownMessage(() => Template.synth(stack))).toMatch(/traffic\.green \(value: churn:4 auc=0\.8\) breaks the promotion policy: auc >= 0\.85/);
  });
});
