import { azapi, context, create, ML, refusal, V } from './fixtures';

/** A workspace over `storage` (Terraform attributes), a registry, and a workspace model version to publish. */
function publishing(storage: object, registryBody: object = { properties: { publicNetworkAccess: 'Disabled' } }) {
  const ctx = context();
  const rg = create(ctx, 'azurerm_resource_group', { name: 'rg', location: 'westeurope' });
  const registry = azapi(ctx, `${ML}/registries`, String(rg.id), 'mlr-churn', registryBody, { location: 'westeurope' });
  const st = create(ctx, 'azurerm_storage_account', { name: 'stml', resource_group_name: 'rg', location: 'westeurope', ...storage });
  const ws = azapi(ctx, `${ML}/workspaces`, String(rg.id), 'mlw', { properties: { storageAccount: st.id } }, { location: 'westeurope', identity: [{ type: 'SystemAssigned' }] });
  const container = azapi(ctx, `${ML}/workspaces/models`, String(ws.id), 'churn', { properties: {} });
  const v1 = azapi(ctx, `${ML}/workspaces/models/versions`, String(container.id), '1', { properties: { modelType: 'mlflow_model', modelUri: 'azureml://datastores/d/paths/m' } });
  const publish = () => create(ctx, 'azapi_resource_action', { type: `${ML}/workspaces/models/versions${V}`, resource_id: v1.id, action: 'publish', method: 'POST',
    body: { registryName: 'mlr-churn', destinationName: 'churn', destinationVersion: '1' } });
  return { ctx, cloud: ctx.cloud, rg, registry, st, ws, publish };
}

describe('sharing into a registry from a workspace whose storage refuses public access', () => {
  test('publish from storage with public network access disabled is refused, citing the doc', () => {
    const e = publishing({ public_network_access_enabled: false, network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'] }] });
    const r = refusal(e.publish);
    expect(r.status).toBe(403);
    expect(r.message).toMatch(/public network access disabled.*resource instance rule/);
    expect(r.source).toBe('https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry');
    expect(e.cloud.get(`${e.registry.id}/models/churn/versions/1`)).toBeUndefined();
  });

  test('a resource instance rule is not enough while public network access stays disabled', () => {
    const e = publishing({ public_network_access_enabled: false, network_rules: [{ default_action: 'Deny', private_link_access: [{ endpoint_resource_id: '' }] }] });
    const reg = String(e.registry.id);
    e.cloud.patch(String(e.st.id), { properties: { network_rules: [{ default_action: 'Deny', private_link_access: [{ endpoint_resource_id: reg }] }] } });
    expect(refusal(e.publish).status).toBe(403);
  });

  test('selected networks without a rule for this registry is refused', () => {
    const e = publishing({ public_network_access_enabled: true, network_rules: [{ default_action: 'Deny', private_link_access: [{ endpoint_resource_id: '/subscriptions/x/resourceGroups/y/providers/Microsoft.MachineLearningServices/registries/other' }] }] });
    expect(refusal(e.publish).message).toMatch(/no resource instance rule for the registry/);
  });

  test('selected networks with a resource instance rule for the registry lets the share through', () => {
    const ctx0 = publishing({ public_network_access_enabled: true, network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'] }] });
    const reg = String(ctx0.registry.id).toUpperCase(); // ids compare without case, as in ARM
    ctx0.cloud.patch(String(ctx0.st.id), { properties: { network_rules: [{ default_action: 'Deny', bypass: ['AzureServices'], private_link_access: [{ endpoint_resource_id: reg }] }] } });
    ctx0.publish();
    expect(ctx0.cloud.get(`${ctx0.registry.id}/models/churn/versions/1`)).toBeDefined();
  });

  test('storage open to every network lets the share through', () => {
    const e = publishing({ public_network_access_enabled: true });
    e.publish();
    expect(e.cloud.get(`${e.registry.id}/models/churn/versions/1`)).toBeDefined();
  });
});

/** A managed-network workspace (outbound rules given), a registry, an endpoint; `deploy` serves a registry URI. */
function serving(outboundRules: object, registryAccess = 'Disabled') {
  const ctx = context();
  const rg = create(ctx, 'azurerm_resource_group', { name: 'rg', location: 'westeurope' });
  const registry = azapi(ctx, `${ML}/registries`, String(rg.id), 'mlr-churn', { properties: { publicNetworkAccess: registryAccess } }, { location: 'westeurope' });
  const ws = azapi(ctx, `${ML}/workspaces`, String(rg.id), 'mlw', {
    properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', outboundRules, status: { status: 'Active' } } },
  }, { location: 'westeurope', identity: [{ type: 'SystemAssigned' }] });
  create(ctx, 'azapi_resource_action', { type: `${ML}/workspaces${V}`, resource_id: ws.id, action: 'provisionManagedNetwork', method: 'POST', body: {} });
  const endpoint = azapi(ctx, `${ML}/workspaces/onlineEndpoints`, String(ws.id), 'churn', { properties: { authMode: 'AADToken' } },
    { location: 'westeurope', identity: [{ type: 'SystemAssigned' }] });
  const deploy = () => azapi(ctx, `${ML}/workspaces/onlineEndpoints/deployments`, String(endpoint.id), 'blue',
    { properties: { endpointComputeType: 'Managed', model: 'azureml://registries/mlr-churn/models/churn/versions/1' }, sku: { name: 'Default', capacity: 1 } }, { location: 'westeurope' });
  return { ctx, cloud: ctx.cloud, registry, ws, deploy };
}

const peRule = (id: string, sub = 'amlregistry') => ({ type: 'PrivateEndpoint', category: 'UserDefined', destination: { serviceResourceId: id, subresourceTarget: sub, sparkEnabled: false } });
const REGISTRY_ID = '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg/providers/Microsoft.MachineLearningServices/registries/mlr-churn';

describe('serving a private registry\'s version from a managed-network workspace', () => {
  test('without a PrivateEndpoint outbound rule to the registry, the deployment is refused, citing the doc', () => {
    const e = serving({ pypi: { type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' } });
    const r = refusal(e.deploy);
    expect(r.status).toBe(400);
    expect(r.message).toMatch(/closed to the public network.*no PrivateEndpoint outbound rule.*amlregistry/);
    expect(r.source).toBe('https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#use-assets-from-registry-in-workspace');
  });

  test('a PrivateEndpoint rule to another subresource or another registry does not count', () => {
    expect(refusal(serving({ r: peRule(REGISTRY_ID, 'blob') }).deploy).status).toBe(400);
    expect(refusal(serving({ r: peRule(REGISTRY_ID.replace('mlr-churn', 'mlr-other')) }).deploy).status).toBe(400);
  });

  test('with the rule (ids compared without case), the deployment is created', () => {
    const e = serving({ 'registry-mlr-churn': peRule(REGISTRY_ID.toLowerCase()) });
    e.deploy();
    expect(e.cloud.list().some((r) => r.name === 'blue')).toBe(true);
  });

  test('a public registry needs no rule', () => {
    serving({}, 'Enabled').deploy();
  });
});
