import { Cloud } from '../../../tools/terraform-emulator/src/control-plane/cloud';
import { AzureRefusal } from '../../../tools/terraform-emulator/src/control-plane/model';
import { UNKNOWN, type HandlerContext, type Plain } from '../../../tools/terraform-emulator/src/providers/handler';
import { AZAPI_RESOURCES } from '../../../tools/terraform-emulator/src/providers/azapi-handlers';
import { AZURERM_RESOURCES } from '../../../tools/terraform-emulator/src/providers/azurerm-handlers';

export const SUB = '00000000-0000-0000-0000-000000000002';
export const ML = 'Microsoft.MachineLearningServices';
export const V = '@2026-05-01';

export function context(cloud = new Cloud()): HandlerContext {
  return { cloud, subscriptionId: SUB, tenantId: '00000000-0000-0000-0000-000000000001', providerConfig: {} };
}

export function create(ctx: HandlerContext, type: string, planned: Plain): Plain {
  const handler = AZAPI_RESOURCES[type] ?? AZURERM_RESOURCES[type];
  return { ...planned, ...handler.create(ctx, { id: UNKNOWN, ...planned }) };
}

export function azapi(ctx: HandlerContext, type: string, parentId: string, name: string, body: object, extra: Plain = {}): Plain {
  return create(ctx, 'azapi_resource', { type: `${type}${V}`, parent_id: parentId, name, body, ...extra });
}

/** A resource group, registry, storage and a workspace (managed network optional) with one online endpoint. */
export function estate(opts: { managedNetwork?: boolean; privateAcr?: boolean } = {}) {
  const ctx = context();
  const rg = create(ctx, 'azurerm_resource_group', { name: 'rg', location: 'westeurope' });
  const st = create(ctx, 'azurerm_storage_account', { name: 'stml', resource_group_name: 'rg', location: 'westeurope' });
  const acr = create(ctx, 'azurerm_container_registry', { name: 'crml', resource_group_name: 'rg', location: 'westeurope', public_network_access_enabled: !opts.privateAcr });
  const ws = azapi(ctx, `${ML}/workspaces`, String(rg.id), 'mlw', {
    properties: { storageAccount: st.id, containerRegistry: acr.id, ...(opts.managedNetwork ? { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } : {}) },
  }, { location: 'westeurope', identity: [{ type: 'SystemAssigned' }] });
  const endpoint = azapi(ctx, `${ML}/workspaces/onlineEndpoints`, String(ws.id), 'churn', { properties: { authMode: 'AADToken' } },
    { location: 'westeurope', identity: [{ type: 'SystemAssigned' }], response_export_values: ['properties.scoringUri'] });
  const deploy = (name: string, body: object = {}) => azapi(ctx, `${ML}/workspaces/onlineEndpoints/deployments`, String(endpoint.id), name,
    { properties: { endpointComputeType: 'Managed', model: 'azureml:churn:1', ...body }, sku: { name: 'Default', capacity: 1 } }, { location: 'westeurope' });
  const traffic = (body: object) => create(ctx, 'azapi_update_resource', { type: `${ML}/workspaces/onlineEndpoints${V}`, resource_id: endpoint.id, body: { properties: body } });
  return { ctx, cloud: ctx.cloud, rg, st, acr, ws, endpoint, deploy, traffic };
}

/** The refusal `fn` throws; fails the test if it throws anything else or nothing. */
export function refusal(fn: () => unknown): AzureRefusal {
  try {
    fn();
  } catch (e) {
    if (e instanceof AzureRefusal) return e;
    throw e;
  }
  throw new Error('expected an AzureRefusal');
}
