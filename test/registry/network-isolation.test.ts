// Issue 9, fact 7: promoting into a registry needs the registry let into the workspace's storage; serving a private
// registry's version from a managed network needs an outbound PrivateEndpoint rule to it.
// https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ModelType } from '../../lib/assets/asset-refs';
import { ModelSource } from '../../lib/assets/model-source';
import { MlopsProviders } from '../../lib/core/providers';
import { Registry } from '../../lib/registry/registry';
import { BatchEndpoint, DeploymentModel, OnlineEndpoint, Traffic } from '../../lib/serving';
import { Protection } from '../../lib/workspace/protection';
import { IsolationMode } from '../../lib/workspace/network';
import { Workspace } from '../../lib/workspace/workspace';
import { FIXTURES, RG_ID, synthValid, WS_ID } from '../assets/support';
import { testStack } from '../support/template';
import { freshApp, synthStacks } from '../support/stacks';

const MLFLOW = path.join(FIXTURES, 'churn-mlflow');

function createdWorkspace(stack: TerraformStack, props: Partial<ConstructorParameters<typeof Workspace>[2]> = {}): Workspace {
  return new Workspace(stack, 'Workspace', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', environment: 'dev', protection: Protection.DEVELOPMENT, ...props });
}

function promote(workspace: Workspace, registry: Registry) {
  const v = workspace.addModel('churn').addVersion('1', { source: ModelSource.fromLocalPath(MLFLOW), modelType: ModelType.MLFLOW });
  return registry.addModel('churn').addVersion('1', { source: ModelSource.fromWorkspaceModel(v) });
}

function storageOf(json: any): any {
  return Object.values(json.resource.azurerm_storage_account)[0];
}

describe('promoting a workspace version into a registry', () => {
  test('the workspace lets the registry into its storage: selected networks, deny by default, a resource instance rule', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = createdWorkspace(stack);
    const registry = new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope' });
    promote(workspace, registry);
    const t = synthValid(stack);
    const storage = t.resourceAt('azurerm_storage_account', 'Workspace/Storage');
    expect(storage.attributes).toMatchObject({
      public_network_access_enabled: true,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], private_link_access: [{ endpoint_resource_id: t.ref(t.resourceAt('azapi_resource', 'Registry/Resource')) }] },
    });
  });

  test('without a promotion, the storage stays closed to every public network', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    createdWorkspace(stack);
    const storage = storageOf(synthValid(stack).json);
    expect(storage.public_network_access_enabled).toBe(false);
    expect(storage.network_rules.private_link_access).toBeUndefined();
  });

  test('two versions into one registry add one rule; two registries add two', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = createdWorkspace(stack);
    const a = new Registry(stack, 'A', { name: 'mlr-a', resourceGroupId: RG_ID, location: 'westeurope' });
    const b = new Registry(stack, 'B', { name: 'mlr-b', resourceGroupId: RG_ID, location: 'westeurope' });
    const model = workspace.addModel('churn');
    const v1 = model.addVersion('1', { source: ModelSource.fromLocalPath(MLFLOW), modelType: ModelType.MLFLOW });
    const v2 = model.addVersion('2', { source: ModelSource.fromLocalPath(MLFLOW), modelType: ModelType.MLFLOW });
    const ra = a.addModel('churn');
    ra.addVersion('1', { source: ModelSource.fromWorkspaceModel(v1) });
    ra.addVersion('2', { source: ModelSource.fromWorkspaceModel(v2) });
    b.addModel('churn').addVersion('1', { source: ModelSource.fromWorkspaceModel(v1) });
    expect(storageOf(synthValid(stack).json).network_rules.private_link_access).toHaveLength(2);
  });

  test('when the workspace\'s storage is brought by id, synth fails naming the rule Azure needs and how to add it', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = createdWorkspace(stack, { storageAccountId: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stbrought` });
    const registry = new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope' });
    expect(() => promote(workspace, registry)).toThrow(
      /Invalid promotion into a registry for 'test\/Workspace'.*storageAccountId.*brought storage account.*how-to-registry-network-isolation.*Fix:.*Enabled from selected virtual networks.*private_link_access/s);
  });

  test('across stacks (registry in shared, workspace in dev): the rule is in dev, names the registry by its literal id, and dev reads nothing of shared', () => {
    const app = freshApp('fact7');
    const shared = new TerraformStack(app, 'shared');
    MlopsProviders.configure(shared, { subscriptionId: '00000000-0000-0000-0000-0000000000aa' });
    const rg = new ResourceGroup(shared, 'rg', { name: 'rg-shared', location: 'westeurope' });
    const registry = new Registry(shared, 'Registry', { name: 'mlr-shared', resourceGroupId: rg.id, location: 'westeurope' });
    const dev = new TerraformStack(app, 'dev');
    MlopsProviders.configure(dev);
    promote(createdWorkspace(dev), registry);
    const { stacks } = synthStacks(app);
    expect(storageOf(stacks.dev).network_rules.private_link_access).toEqual([{
      endpoint_resource_id: '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups/rg-shared/providers/Microsoft.MachineLearningServices/registries/mlr-shared',
    }]);
    expect(JSON.stringify(stacks.dev)).not.toMatch(/terraform_remote_state/);
  });
});

describe('serving a private registry\'s version from a managed-network workspace', () => {
  function servingStack(registryPublic: boolean, isolationMode = IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND) {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = createdWorkspace(stack, { managedNetwork: { isolationMode } });
    workspace.addComputeCluster('cpu', { maxNodes: 1 });
    const registry = new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope', publicNetworkAccessEnabled: registryPublic });
    const released = promote(workspace, registry);
    const endpoint = new OnlineEndpoint(stack, 'Endpoint', { workspace, endpointName: 'churn-fact7' });
    endpoint.routeTraffic(Traffic.allTo(endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(released) })));
    const batch = new BatchEndpoint(stack, 'Batch', { workspace, endpointName: 'churn-fact7-batch' });
    batch.addDeployment('nightly', { model: DeploymentModel.fromModelVersion(released), computeId: `${WS_ID}/computes/cpu` });
    return { stack, workspace, registry };
  }

  test('the workspace gets one PrivateEndpoint outbound rule to the registry (amlregistry), valid against Azure\'s types', () => {
    const { stack } = servingStack(false);
    const t = synthValid(stack); // checks every azapi body, the workspace's managedNetwork.outboundRules included
    const ws = t.resourceAt('azapi_resource', 'Workspace/Resource');
    expect(ws.attributes.body.properties.managedNetwork.outboundRules).toEqual({
      'registry-mlr-shared': {
        type: 'PrivateEndpoint', category: 'UserDefined',
        destination: { serviceResourceId: t.ref(t.resourceAt('azapi_resource', 'Registry/Resource')), subresourceTarget: 'amlregistry', sparkEnabled: false },
      },
    });
  });

  test('a public registry needs no rule', () => {
    const t = synthValid(servingStack(true).stack);
    expect(t.resourceAt('azapi_resource', 'Workspace/Resource').attributes.body.properties.managedNetwork.outboundRules).toBeUndefined();
  });

  test('an imported workspace with a managed network cannot take the rule: synth fails with the fix', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = Workspace.fromWorkspaceAttributes(stack, 'Prod', { workspaceId: WS_ID, location: 'westeurope', managedNetworkIsolationMode: 'AllowInternetOutbound' });
    const endpoint = new OnlineEndpoint(stack, 'Endpoint', { workspace, endpointName: 'churn-fact7' });
    expect(() => endpoint.addDeployment('blue', {
      model: DeploymentModel.fromUri('azureml://registries/mlr-shared/models/churn/versions/1', { modelType: ModelType.MLFLOW }),
    })).not.toThrow(); // a URI names no registry object: nothing is known about its network
    const registry = new Registry(stack, 'Registry', { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope' });
    const dev = createdWorkspace(stack);
    const released = promote(dev, registry);
    expect(() => endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(released) }))
      .toThrow(/Invalid call to addOutboundRule for 'test\/Prod'.*registry-mlr-shared.*imported workspace.*Fix:.*OutboundRule.privateEndpoint/s);
  });
});
