import { ModelType } from '../../lib/assets/asset-refs';
import { CodeReference, DeploymentModel, EnvironmentReference, OnlineEndpoint } from '../../lib/serving';
import { Template } from '../support/template';
import { expectValidAzapiBodies, REGISTRY_ID, servingStack, thrownMessage, WORKSPACE_ID } from './fixtures';

const REGISTRY_ENV = 'azureml://registries/mlr-shared/environments/sklearn-1.5/versions/21';
const WORKSPACE_CODE = `${WORKSPACE_ID}/codes/score/versions/3`;

describe('existing environments, code and models by id or URI', () => {
  test('a deployment runs an existing model in an existing environment and code; the registry is granted; the body validates', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const environment = EnvironmentReference.fromAssetId(stack, 'Env', REGISTRY_ENV, { registryId: REGISTRY_ID });
    const code = CodeReference.fromAssetId(stack, 'Code', WORKSPACE_CODE);
    expect([environment.environmentName, environment.version, code.codeName, code.version]).toEqual(['sklearn-1.5', '21', 'score', '3']);
    endpoint.addDeployment('blue', {
      model: DeploymentModel.fromUri(`${WORKSPACE_ID}/models/churn/versions/7`, { modelType: ModelType.CUSTOM }),
      environment, code, scoringScript: 'score.py', requestSettings: { maxQueueWaitMs: 500 },
    });
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body.properties).toMatchObject({
      model: `${WORKSPACE_ID}/models/churn/versions/7`,
      environmentId: REGISTRY_ENV,
      codeConfiguration: { codeId: WORKSPACE_CODE, scoringScript: 'score.py' },
      requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: 'PT5S', maxQueueWait: 'PT0.5S' },
    });
    expect(t.resources('azurerm_role_assignment').map(r => r.attributes.scope)).toEqual([REGISTRY_ID]);
    expectValidAzapiBodies(t);
  });

  test('a label or a bare name is not a pinned version: refused with the forms that are', () => {
    const { stack } = servingStack();
    expect(thrownMessage(() => EnvironmentReference.fromAssetId(stack, 'Latest', 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest')))
      .toMatch(/assetId \(value: ".*labels\/latest"\) must name one version of an environment\. Fix: use an ARM id/);
    expect(thrownMessage(() => CodeReference.fromAssetId(stack, 'Bare', 'score')))
      .toContain('assetId (value: "score") must name one version of a code asset');
  });
});
