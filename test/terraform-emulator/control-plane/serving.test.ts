import { create, estate, ML, refusal, V } from './fixtures';

describe('online endpoint traffic', () => {
  test('traffic set before the deployment exists is refused; after it, accepted', () => {
    const e = estate();
    expect(refusal(() => e.traffic({ traffic: { blue: 100 } })).message).toMatch(/Deployment 'blue' does not exist/);
    e.deploy('blue');
    e.traffic({ traffic: { blue: 100 } });
    expect(e.cloud.get(String(e.endpoint.id))!.body.properties).toMatchObject({ traffic: { blue: 100 } });
  });

  test('traffic that does not sum to 100 is refused', () => {
    const e = estate();
    e.deploy('blue');
    e.deploy('green');
    expect(refusal(() => e.traffic({ traffic: { blue: 90, green: 20 } })).status).toBe(400);
  });

  test('mirror traffic over 50, or to a live deployment, is refused; 20 to an idle one is accepted', () => {
    const e = estate();
    e.deploy('blue');
    e.deploy('shadow');
    expect(refusal(() => e.traffic({ traffic: { blue: 100 }, mirrorTraffic: { shadow: 60 } })).message).toMatch(/at most 50/);
    expect(refusal(() => e.traffic({ traffic: { blue: 100 }, mirrorTraffic: { blue: 10 } })).message).toMatch(/takes live traffic/);
    e.traffic({ traffic: { blue: 100, shadow: 0 }, mirrorTraffic: { shadow: 20 } });
  });

  test('deleting a deployment that takes traffic is refused; retiring in two steps works', () => {
    const e = estate();
    const blue = e.deploy('blue');
    e.deploy('green');
    e.traffic({ traffic: { blue: 90, green: 10 } });
    expect(refusal(() => e.cloud.delete(String(blue.id))).message).toMatch(/set its traffic to 0/);
    e.traffic({ traffic: { blue: 0, green: 100 } });
    e.cloud.delete(String(blue.id));
    expect(e.cloud.get(String(blue.id))).toBeUndefined();
  });

  test('a deleted deployment leaves the endpoint\'s traffic and mirror maps, so later traffic changes need not name it', () => {
    const e = estate();
    e.deploy('blue');
    const shadow = e.deploy('shadow');
    e.traffic({ traffic: { blue: 100, shadow: 0 }, mirrorTraffic: { shadow: 20 } });
    e.traffic({ traffic: { blue: 100, shadow: 0 }, mirrorTraffic: { shadow: 0 } });
    e.cloud.delete(String(shadow.id));
    const properties = e.cloud.get(String(e.endpoint.id))!.body.properties as Record<string, Record<string, number>>;
    expect(properties.traffic).toEqual({ blue: 100 });
    expect(properties.mirrorTraffic).toEqual({});
  });

  test('egressPublicNetworkAccess cannot change after creation', () => {
    const e = estate();
    const blue = e.deploy('blue', { egressPublicNetworkAccess: 'Disabled' });
    expect(refusal(() => e.cloud.put({ id: String(blue.id), type: `${ML}/workspaces/onlineEndpoints/deployments`, body: { properties: { egressPublicNetworkAccess: 'Enabled' } } })).message)
      .toMatch(/cannot change after creation/);
    e.cloud.put({ id: String(blue.id), type: `${ML}/workspaces/onlineEndpoints/deployments`, body: { properties: { egressPublicNetworkAccess: 'Disabled', instanceType: 'Standard_DS3_v2' } } });
  });

  test('endpoint names follow the naming rule and are unique per region', () => {
    const e = estate();
    expect(refusal(() => e.deploy('9blue')).message).toMatch(/name '9blue' is invalid/);
    const other = create(e.ctx, 'azurerm_resource_group', { name: 'rg2', location: 'westeurope' });
    const ws2 = create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces${V}`, parent_id: other.id, name: 'mlw2', body: {}, location: 'westeurope' });
    expect(refusal(() => create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces/onlineEndpoints${V}`, parent_id: ws2.id, name: 'CHURN', body: {}, location: 'West Europe' })).status).toBe(409);
    create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces/onlineEndpoints${V}`, parent_id: ws2.id, name: 'churn', body: {}, location: 'northeurope' });
  });

  test('the endpoint output carries the scoring URI and its identity a principal', () => {
    const e = estate();
    expect(e.endpoint.output).toEqual({ properties: { scoringUri: 'https://churn.westeurope.inference.ml.azure.com/score' } });
    expect((e.endpoint.identity as Array<{ principal_id: string }>)[0].principal_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('managed network and image builds', () => {
  test('a deployment before the managed network is provisioned is refused; after provisionManagedNetwork it works', () => {
    const e = estate({ managedNetwork: true });
    expect(refusal(() => e.deploy('blue')).message).toMatch(/managed network .* has not been provisioned/);
    create(e.ctx, 'azapi_resource_action', { type: `${ML}/workspaces${V}`, resource_id: e.ws.id, action: 'provisionManagedNetwork', method: 'POST', body: {} });
    e.deploy('blue');
  });

  test('creating a compute provisions the managed network', () => {
    const e = estate({ managedNetwork: true });
    create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces/computes${V}`, parent_id: e.ws.id, name: 'cpu', body: { properties: { computeType: 'AmlCompute' } }, location: 'westeurope' });
    e.deploy('blue');
  });

  test('a private container registry without imageBuildCompute fails the deployment', () => {
    const e = estate({ privateAcr: true });
    expect(refusal(() => e.deploy('blue')).code).toBe('ImageBuildFailure');
    e.cloud.patch(String(e.ws.id), { properties: { imageBuildCompute: 'cpu' } });
    e.deploy('blue');
  });
});

describe('role assignments', () => {
  test("the endpoint identity's own AcrPull collides with an explicit one", () => {
    const e = estate();
    const principal = (e.endpoint.identity as Array<{ principal_id: string }>)[0].principal_id;
    const grant = (role: string, scope: unknown) => create(e.ctx, 'azurerm_role_assignment', { scope, role_definition_name: role, principal_id: principal });
    expect(refusal(() => grant('AcrPull', e.acr.id)).code).toBe('RoleAssignmentExists');
    expect(refusal(() => grant('Storage Blob Data Reader', e.st.id)).code).toBe('RoleAssignmentExists');
    grant('AzureML Registry User', e.rg.id);
  });

  test('two identical explicit assignments collide', () => {
    const e = estate();
    const grant = () => create(e.ctx, 'azurerm_role_assignment', { scope: e.acr.id, role_definition_name: 'AcrPush', principal_id: '11111111-1111-1111-1111-111111111111' });
    grant();
    expect(refusal(grant).status).toBe(409);
  });
});

describe('parents', () => {
  test('a workspace in a missing resource group and a deployment under a missing endpoint are refused', () => {
    const e = estate();
    expect(refusal(() => create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces${V}`, parent_id: `/subscriptions/x/resourceGroups/nope`, name: 'w', body: {} })).code).toBe('ResourceGroupNotFound');
    expect(refusal(() => create(e.ctx, 'azapi_resource', { type: `${ML}/workspaces/onlineEndpoints/deployments${V}`, parent_id: `${e.ws.id}/onlineEndpoints/missing`, name: 'blue', body: {} })).code).toBe('ParentResourceNotFound');
    expect(refusal(() => create(e.ctx, 'azapi_update_resource', { type: `${ML}/workspaces/onlineEndpoints${V}`, resource_id: `${e.ws.id}/onlineEndpoints/missing`, body: {} })).status).toBe(404);
  });
});
