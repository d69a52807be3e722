import * as path from 'path';
import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { Environment, EnvironmentSource } from '../../lib/assets/environment';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { Principal } from '../../lib/core/rbac';
import { Registry, RegistryStorageAccountType } from '../../lib/registry/registry';
import { FIXTURES, RG_ID, registryIn, synthValid, workspaceStack } from '../assets/support';

const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04@sha256:' + 'a'.repeat(64);

describe('Registry', () => {
  test('by default: public network access disabled, system identity, ZRS storage without HNS or public blobs, Premium ACR, prevent_destroy', () => {
    const { stack } = workspaceStack();
    registryIn(stack);
    const t = synthValid(stack);
    const r = t.resourceWithProperties('azapi_resource', { type: 'Microsoft.MachineLearningServices/registries@2026-05-01' });
    expect(r.attributes).toMatchObject({
      name: 'mlr-shared', parent_id: RG_ID, location: 'westeurope', identity: [{ type: 'SystemAssigned' }],
      lifecycle: { prevent_destroy: true },
    });
    expect(r.attributes.body.properties).toEqual({
      publicNetworkAccess: 'Disabled',
      regionDetails: [{
        location: 'westeurope',
        storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType: 'Standard_GZRS', storageAccountHnsEnabled: false, allowBlobPublicAccess: false } }],
        acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: 'Premium' } }],
      }],
    });
  });

  test('replication regions get their own storage and ACR; options relax what they say', () => {
    const { stack } = workspaceStack();
    new Registry(stack, 'Registry', {
      name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope', replicationLocations: ['northeurope', 'swedencentral'],
      storageAccountType: RegistryStorageAccountType.STANDARD_GZRS, publicNetworkAccessEnabled: true, preventDestroy: false,
    });
    const r = synthValid(stack).resourceWithProperties('azapi_resource', { name: 'mlr-shared' });
    const regions = r.attributes.body.properties.regionDetails;
    expect(regions.map((d: any) => d.location)).toEqual(['westeurope', 'northeurope', 'swedencentral']);
    expect(regions.every((d: any) => d.storageAccountDetails[0].systemCreatedStorageAccount.storageAccountType === 'Standard_GZRS')).toBe(true);
    expect(r.attributes.body.properties.publicNetworkAccess).toBe('Enabled');
    expect(r.attributes.lifecycle).toBeUndefined();
  });

  test('a private endpoint targets the amlregistry subresource with the DNS zone', () => {
    const { stack } = workspaceStack();
    const subnetId = `${RG_ID}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;
    const zone = `${RG_ID}/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
    new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope', privateEndpoint: { subnetId, privateDnsZoneIds: [zone] } });
    const t = synthValid(stack);
    const pe = t.resources('azurerm_private_endpoint')[0].attributes;
    expect(pe).toMatchObject({
      name: 'pe-mlr-shared', location: 'westeurope', resource_group_name: 'rg-ml', subnet_id: subnetId,
      private_service_connection: { subresource_names: ['amlregistry'], is_manual_connection: false },
      private_dns_zone_group: { private_dns_zone_ids: [zone] },
    });
    expect(pe.private_service_connection.private_connection_resource_id).toMatch(/^\$\{azapi_resource\.Registry_[A-F0-9]+\.id\}$/);
  });

  test('grantRead gives AzureML Registry User on the registry; grants are idempotent', () => {
    const { stack } = workspaceStack();
    const registry = registryIn(stack);
    const p = Principal.servicePrincipal('11111111-1111-1111-1111-111111111111');
    registry.grantRead(p);
    registry.grantRead(p);
    const t = synthValid(stack);
    t.resourceCountIs('azurerm_role_assignment', 1);
    expect(t.resources('azurerm_role_assignment')[0].attributes).toMatchObject({
      principal_id: '11111111-1111-1111-1111-111111111111',
      role_definition_id: expect.stringMatching(/roleDefinitions\/1823dd4f-9b8c-4ab6-ab4e-7397a3684615$/),
    });
  });

  test('an imported registry has the ARM id and URIs of the named registry', () => {
    const { stack, workspace } = workspaceStack();
    const registry = Registry.fromRegistryName(stack, 'Shared', 'mlr-shared', RG_ID, 'westeurope');
    expect(registry.registryId).toBe(`${RG_ID}/providers/Microsoft.MachineLearningServices/registries/mlr-shared`);
    const ws = Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromJobOutput('j') });
    const v = Model.inRegistry(registry, 'churn').addVersion('1', { source: ModelSource.fromWorkspaceModel(ws) });
    expect(v.assetId).toBe('azureml://registries/mlr-shared/models/churn/versions/1');
    expect(v.registryId).toBe(registry.registryId);
    synthValid(stack);
  });

  test('when the replication list repeats the primary region or itself, synth fails naming each entry', () => {
    const { stack } = workspaceStack();
    expect(() => new Registry(stack, 'Registry', {
      name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope', replicationLocations: ['WestEurope', 'northeurope', 'northeurope'],
    })).toThrow(/Invalid props for Registry for 'test\/Registry' \(2 problems\):\n  1\. replicationLocations\[0\] \(value: "WestEurope"\) repeats location \(the primary region\)[\s\S]*2\. replicationLocations\[2\] \(value: "northeurope"\) repeats replicationLocations\[1\]/);
  });

  test('when the name or resource group id is invalid, synth fails with the rule', () => {
    const { stack } = workspaceStack();
    expect(() => new Registry(stack, 'Registry', { name: 'r', resourceGroupId: 'rg-ml', location: 'westeurope' }))
      .toThrow(/name \(value: "r"\) is 1 characters long; an ML registry name must be 3-32[\s\S]*resourceGroupId \(value: "rg-ml"\) must be the ARM id of a resource group/);
  });
});

describe('registry assets', () => {
  test('a workspace version is promoted by publish, then tagged; everything is protected from destroy', () => {
    const { stack, workspace } = workspaceStack();
    const registry = registryIn(stack);
    const dev = Model.inWorkspace(workspace, 'churn').addVersion('3', {
      source: ModelSource.fromLocalPath(path.join(FIXTURES, 'churn-mlflow')), modelType: ModelType.MLFLOW,
      metrics: { auc: 0.91 }, stage: ModelStage.STAGING,
    });
    const promoted = registry.addModel('churn').addVersion('3', { source: ModelSource.fromWorkspaceModel(dev), stage: ModelStage.PRODUCTION });
    const t = synthValid(stack);

    const container = t.resourceWithProperties('azapi_resource', { type: 'Microsoft.MachineLearningServices/registries/models@2026-05-01' });
    expect(container.attributes.lifecycle).toEqual({ prevent_destroy: true });
    const publish = t.resources('azapi_resource_action')[0];
    expect(publish.attributes).toMatchObject({
      type: 'Microsoft.MachineLearningServices/workspaces/models/versions@2026-05-01', action: 'publish', method: 'POST',
      resource_id: t.ref(t.resourceAt('azapi_resource', 'Workspace/churn/3/Resource')),
      body: { registryName: 'mlr-shared', destinationName: 'churn', destinationVersion: '3' },
      lifecycle: { prevent_destroy: true },
    });
    const update = t.resources('azapi_update_resource')[0];
    expect(update.attributes).toMatchObject({
      type: 'Microsoft.MachineLearningServices/registries/models/versions@2026-05-01', name: '3',
      parent_id: t.ref(container), depends_on: [`azapi_resource_action.${publish.logicalId}`],
      lifecycle: { prevent_destroy: true },
      body: { properties: { stage: 'Production', isArchived: false, tags: { 'mlops.stage': 'Production', 'mlops.metric.auc': '0.91' } } },
    });
    expect(promoted).toMatchObject({
      assetId: 'azureml://registries/mlr-shared/models/churn/versions/3', uri: 'azureml://registries/mlr-shared/models/churn/versions/3',
      modelType: ModelType.MLFLOW, metrics: { auc: 0.91 }, stage: ModelStage.PRODUCTION,
    });
  });

  test('removing a registry version takes an explicit opt-out of prevent_destroy', () => {
    const { stack, workspace } = workspaceStack();
    const dev = Model.inWorkspace(workspace, 'churn').addVersion('3', { source: ModelSource.fromJobOutput('j') });
    registryIn(stack).addModel('churn').addVersion('3', { source: ModelSource.fromWorkspaceModel(dev), preventDestroy: false });
    const t = synthValid(stack);
    expect(t.resources('azapi_resource_action')[0].attributes.lifecycle).toBeUndefined();
    expect(t.resources('azapi_update_resource')[0].attributes.lifecycle).toBeUndefined();
  });

  test('an environment version from an image is created in the registry directly, protected from destroy', () => {
    const { stack } = workspaceStack();
    const env = registryIn(stack).addEnvironment('sklearn');
    const v = env.addVersion('1', { source: EnvironmentSource.fromImage(IMAGE) });
    const t = synthValid(stack);
    const r = t.resourceAt('azapi_resource', 'sklearn/1/Resource');
    expect(r.attributes).toMatchObject({
      type: 'Microsoft.MachineLearningServices/registries/environments/versions@2026-05-01',
      lifecycle: { prevent_destroy: true },
      body: { properties: { image: IMAGE, osType: 'Linux', autoRebuild: 'Disabled', isArchived: false } },
    });
    expect(v.assetId).toBe('azureml://registries/mlr-shared/environments/sklearn/versions/1');
  });

  test.each([
    ['a local path', () => ModelSource.fromLocalPath(path.join(FIXTURES, 'churn-mlflow')), /fromLocalPath.*cannot be registered in a registry.*startPendingUpload/],
    ['a datastore path', () => ModelSource.fromDatastore('workspaceblobstore', 'm'), /cannot back a registry version/],
    ['a URI', () => ModelSource.fromUri('https://st.blob.core.windows.net/c/m'), /cannot back a registry version/],
    ['a job output', () => ModelSource.fromJobOutput('train-1'), /cannot be registered in a registry directly: job outputs live in the job's workspace/],
  ])('when a registry version comes from %s, synth fails naming promotion as the alternative', (_what, source, rule) => {
    const { stack } = workspaceStack();
    const model = registryIn(stack).addModel('churn');
    expect(() => model.addVersion('1', { source: source() })).toThrow(rule);
    expect(() => model.addVersion('2', { source: source() })).toThrow(/Fix: .*(fromWorkspaceModel|registryModel\.addVersion)/);
  });

  test('when a registry version is promoted from another registry version, synth fails', () => {
    const { stack, workspace } = workspaceStack();
    const registry = registryIn(stack);
    const dev = Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromJobOutput('j') });
    const reg = registry.addModel('churn').addVersion('1', { source: ModelSource.fromWorkspaceModel(dev) });
    expect(() => registry.addModel('churn2').addVersion('1', { source: ModelSource.fromWorkspaceModel(reg) }))
      .toThrow(/is already a registry version: only workspace versions can be promoted/);
  });

  test('when a registry environment comes from a build context, synth fails naming fromImage', () => {
    const { stack } = workspaceStack();
    const env = new Environment(stack, 'env', { registry: registryIn(stack) });
    expect(() => env.addVersion('1', { source: EnvironmentSource.fromBuildContext(path.join(__dirname, '..', 'assets', 'fixtures', 'envs', 'train-context')) }))
      .toThrow(/cannot be registered in a registry.*Fix: build and push the image in CI.*EnvironmentSource\.fromImage/);
  });
});
