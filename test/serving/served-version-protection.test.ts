import { AnnotationMetadataEntryType } from 'cdktf';
import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { Registry } from '../../lib/registry/registry';
import { DeploymentModel, OnlineEndpoint, Traffic } from '../../lib/serving';
import { Template } from '../support/template';
import { expectValidAzapiBodies, FakeModelVersion, RG_ID, servingStack } from './fixtures';

/** A workspace model with versions 3 (blue) and 4 (green, 0% traffic), both at stage Staging, behind one endpoint. */
function served(production: boolean, v4Options: { preventDestroy?: boolean } = {}) {
  const { stack, workspace } = servingStack();
  const churn = Model.inWorkspace(workspace, 'churn');
  const add = (v: string, extra: { preventDestroy?: boolean } = {}) => churn.addVersion(v, {
    source: ModelSource.fromJobOutput(`train-churn-${v}`, { path: 'model' }), modelType: ModelType.MLFLOW, stage: ModelStage.STAGING, ...extra,
  });
  const v3 = add('3');
  const v4 = add('4', v4Options);
  const v5 = add('5');
  const endpoint = new OnlineEndpoint(stack, 'endpoint', { workspace, endpointName: 'churn-prod', production });
  const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
  endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
  endpoint.routeTraffic(Traffic.allTo(blue));
  return { stack, v3, v4, v5 };
}

const versionLifecycle = (t: Template, v: string) => t.resourceAt('azapi_resource', `churn/${v}/Resource`).attributes.lifecycle;

describe('a model version a production endpoint serves', () => {
  test('gets prevent_destroy, whatever its traffic share; a version no deployment uses does not', () => {
    const { stack, v3 } = served(true);
    const t = Template.synth(stack);
    expect(versionLifecycle(t, '3')).toEqual({ prevent_destroy: true });
    expect(versionLifecycle(t, '4')).toEqual({ prevent_destroy: true });
    expect(versionLifecycle(t, '5')).toBeUndefined();
    const warned = v3.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warned).toEqual([expect.stringMatching(/^Model version churn:3 has prevent_destroy \(deployment 'blue' of production endpoint 'churn-prod' serves it\)/)]);
    expectValidAzapiBodies(t);
  });

  test('outside production, serving protects nothing', () => {
    const { stack } = served(false);
    const t = Template.synth(stack);
    expect(versionLifecycle(t, '3')).toBeUndefined();
    expect(versionLifecycle(t, '4')).toBeUndefined();
  });

  test('preventDestroy: false on the version is the opt-out', () => {
    const { stack, v4 } = served(true, { preventDestroy: false });
    const t = Template.synth(stack);
    expect(versionLifecycle(t, '3')).toEqual({ prevent_destroy: true });
    expect(versionLifecycle(t, '4')).toBeUndefined();
    expect(v4.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });

  test('a promoted registry version opted out with preventDestroy: false stays unprotected when served', () => {
    const { stack, workspace } = servingStack();
    const dev = Model.inWorkspace(workspace, 'churn').addVersion('3', { source: ModelSource.fromJobOutput('j'), modelType: ModelType.MLFLOW });
    const registry = new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope' });
    const promoted = registry.addModel('churn').addVersion('3', { source: ModelSource.fromWorkspaceModel(dev), preventDestroy: false });
    const endpoint = new OnlineEndpoint(stack, 'endpoint', { workspace, endpointName: 'churn-prod', production: true });
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(promoted) })));
    const t = Template.synth(stack);
    expect(t.resources('azapi_update_resource').find((r) => r.attributes.type.includes('registries/models/versions'))!.attributes.lifecycle).toBeUndefined();
    expect(t.resources('azapi_resource_action')[0].attributes.lifecycle).toBeUndefined();
  });

  test('an imported version (any other IModelVersion) has nothing to protect, and serving it still works', () => {
    const { stack, workspace } = servingStack();
    const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
    const endpoint = new OnlineEndpoint(stack, 'endpoint', { workspace, endpointName: 'churn-prod', production: true });
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) })));
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body.properties.model).toBe(v3.assetId);
  });
});
