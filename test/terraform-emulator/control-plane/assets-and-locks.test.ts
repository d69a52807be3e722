import { azapi, create, estate, ML, refusal, V } from './fixtures';

function withRegistry() {
  const e = estate();
  const registry = azapi(e.ctx, `${ML}/registries`, String(e.rg.id), 'mlr-churn', { properties: {} }, { location: 'westeurope' });
  const container = azapi(e.ctx, `${ML}/workspaces/models`, String(e.ws.id), 'churn', { properties: {} });
  const version = (name: string, uri: string, extra: object = {}) => azapi(e.ctx, `${ML}/workspaces/models/versions`, String(container.id), name,
    { properties: { modelType: 'mlflow_model', modelUri: uri, ...extra } });
  return { ...e, registry, container, version };
}

describe('asset versions', () => {
  test('changing the content of a version is refused; changing tags, stage and archive is not', () => {
    const e = withRegistry();
    const v1 = e.version('1', 'azureml://jobs/a/outputs/model');
    const type = `${ML}/workspaces/models/versions`;
    expect(refusal(() => e.cloud.put({ id: String(v1.id), type, body: { properties: { modelType: 'mlflow_model', modelUri: 'azureml://jobs/b/outputs/model' } } })).status).toBe(409);
    e.cloud.put({ id: String(v1.id), type, body: { properties: { modelType: 'mlflow_model', modelUri: 'azureml://jobs/a/outputs/model', tags: { stage: 'prod' }, stage: 'Production', isArchived: true } } });
  });

  test('publish creates the registry version; a deleted registry version can never be created again', () => {
    const e = withRegistry();
    const v3 = e.version('3', 'azureml://jobs/a/outputs/model');
    create(e.ctx, 'azapi_resource_action', { type: `${ML}/workspaces/models/versions${V}`, resource_id: v3.id, action: 'publish', method: 'POST',
      body: { registryName: 'mlr-churn', destinationName: 'churn', destinationVersion: '3' } });
    const published = `${e.registry.id}/models/churn/versions/3`;
    expect(e.cloud.get(published)!.body.properties).toMatchObject({ modelUri: 'azureml://jobs/a/outputs/model' });
    // The library then sets stage and tags on the registry version with azapi_update_resource.
    create(e.ctx, 'azapi_update_resource', { type: `${ML}/registries/models/versions${V}`, parent_id: `${e.registry.id}/models/churn`, name: '3', body: { properties: { stage: 'Production' } } });
    e.cloud.delete(published);
    const again = () => azapi(e.ctx, `${ML}/registries/models/versions`, `${e.registry.id}/models/churn`, '3', { properties: { modelType: 'mlflow_model', modelUri: 'azureml://jobs/a/outputs/model' } });
    expect(refusal(again).message).toMatch(/can never be created again/);
    azapi(e.ctx, `${ML}/registries/models/versions`, `${e.registry.id}/models/churn`, '4', { properties: { modelType: 'mlflow_model', modelUri: 'azureml://jobs/a/outputs/model' } });
  });

  test('a workspace version deleted may be created again', () => {
    const e = withRegistry();
    const v1 = e.version('1', 'azureml://x');
    e.cloud.delete(String(v1.id));
    e.version('1', 'azureml://x');
  });
});

describe('management locks', () => {
  test('a CanNotDelete lock on the workspace blocks deleting a model version under it, until removed', () => {
    const e = withRegistry();
    const v1 = e.version('1', 'azureml://x');
    const lock = create(e.ctx, 'azurerm_management_lock', { name: 'do-not-delete', scope: e.ws.id, lock_level: 'CanNotDelete' });
    expect(String(lock.id)).toBe(`${e.ws.id}/providers/Microsoft.Authorization/locks/do-not-delete`);
    expect(refusal(() => e.cloud.delete(String(v1.id))).code).toBe('ScopeLocked');
    expect(refusal(() => e.cloud.delete(String(e.rg.id))).code).toBe('ScopeLocked');
    e.version('2', 'azureml://y');
    e.cloud.delete(String(lock.id));
    e.cloud.delete(String(v1.id));
  });

  test('a CanNotDelete lock on a registry lets versions be published into it and blocks deleting them, or the registry', () => {
    const e = withRegistry();
    const lock = create(e.ctx, 'azurerm_management_lock', { name: 'do-not-delete', scope: e.registry.id, lock_level: 'CanNotDelete' });
    const v3 = e.version('3', 'azureml://jobs/a/outputs/model');
    create(e.ctx, 'azapi_resource_action', { type: `${ML}/workspaces/models/versions${V}`, resource_id: v3.id, action: 'publish', method: 'POST',
      body: { registryName: 'mlr-churn', destinationName: 'churn', destinationVersion: '3' } });
    const published = `${e.registry.id}/models/churn/versions/3`;
    create(e.ctx, 'azapi_update_resource', { type: `${ML}/registries/models/versions${V}`, parent_id: `${e.registry.id}/models/churn`, name: '3', body: { properties: { stage: 'Production' } } });
    expect(refusal(() => e.cloud.delete(published)).code).toBe('ScopeLocked');
    expect(refusal(() => e.cloud.delete(String(e.registry.id))).code).toBe('ScopeLocked');
    // The workspace version it was published from is not under the registry's lock.
    e.cloud.delete(String(v3.id));
    e.cloud.delete(String(lock.id));
    e.cloud.delete(published);
  });

  test('a ReadOnly lock blocks writes under its scope', () => {
    const e = withRegistry();
    create(e.ctx, 'azurerm_management_lock', { name: 'ro', scope: e.ws.id, lock_level: 'ReadOnly' });
    expect(refusal(() => e.version('1', 'azureml://x')).code).toBe('ScopeLocked');
  });
});

describe('azurerm ids', () => {
  test('ids are formed as azurerm forms them and compare case-insensitively', () => {
    const e = estate();
    expect(e.rg.id).toBe('/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg');
    expect(e.st.id).toBe(`${e.rg.id}/providers/Microsoft.Storage/storageAccounts/stml`);
    const container = create(e.ctx, 'azurerm_storage_container', { name: 'models', storage_account_id: e.st.id });
    expect(container.id).toBe(`${e.st.id}/blobServices/default/containers/models`);
    const diag = create(e.ctx, 'azurerm_monitor_diagnostic_setting', { name: 'to-law', target_resource_id: e.acr.id });
    expect(diag.id).toBe(`${e.acr.id}|to-law`);
    expect(e.cloud.get(String(e.ws.id).toUpperCase())).toBeDefined();
    const blob = create(e.ctx, 'azurerm_storage_blob', { name: 'a/b.txt', storage_account_name: 'stml', storage_container_name: 'models', type: 'Block', source_content: 'hi' });
    expect(blob.id).toBe('https://stml.blob.core.windows.net/models/a/b.txt');
  });
});

describe('azurerm identities and custom roles', () => {
  test('user-assigned identities get distinct principals, and a custom role lives at its scope for assignments to name', () => {
    const { Cloud } = jest.requireActual('../../../tools/terraform-emulator/src/control-plane/cloud');
    const { AZURERM_RESOURCES } = jest.requireActual('../../../tools/terraform-emulator/src/providers/azurerm-handlers');
    const cloud = new Cloud();
    const sub = '00000000-0000-0000-0000-000000000000';
    const ctx = { cloud, subscriptionId: sub, tenantId: 't', providerConfig: {} };
    AZURERM_RESOURCES.azurerm_resource_group.create(ctx, { name: 'rg-id', location: 'westeurope' });
    const a = AZURERM_RESOURCES.azurerm_user_assigned_identity.create(ctx, { name: 'id-a', resource_group_name: 'rg-id', location: 'westeurope' });
    const b = AZURERM_RESOURCES.azurerm_user_assigned_identity.create(ctx, { name: 'id-b', resource_group_name: 'rg-id', location: 'westeurope' });
    expect(a.principal_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.principal_id).not.toBe(b.principal_id);
    const role = AZURERM_RESOURCES.azurerm_role_definition.create(ctx, { name: 'lock operator', scope: `/subscriptions/${sub}` });
    expect(role.role_definition_resource_id).toMatch(new RegExp(`^/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/[0-9a-f-]{36}$`));
    const assign = (principal: unknown) => AZURERM_RESOURCES.azurerm_role_assignment.create(ctx, { scope: `/subscriptions/${sub}/resourceGroups/rg-id`, role_definition_id: role.role_definition_resource_id, principal_id: principal });
    assign(a.principal_id);
    assign(b.principal_id);
    expect(() => assign(a.principal_id)).toThrow(/already exists/);
  });
});
