import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { builtInRoleGuid, roleDefinitionId } from '../control-plane/built-in-roles';
import { idKey, nameOfId, subscriptionId, typeOfId } from '../control-plane/ids';
import type { JsonObject } from '../control-plane/model';
import { systemPrincipalId } from '../control-plane/read-only-fields';
import { deterministicUuid } from '../control-plane/uuid';
import type { DataSourceHandler, HandlerContext, Plain, ResourceHandler } from './handler';
import { block, json, known, str, subscriptionOf } from './plain';

/** How one azurerm type maps onto ARM: the id azurerm forms, the body stored, and the computed attributes. */
interface AzurermMapping {
  /** The ARM id of the resource. */
  armIdOf(ctx: HandlerContext, planned: Plain): string;
  /** The id Terraform holds, when azurerm's differs from the ARM id (diagnostic settings, blobs). */
  terraformIdOf?(armId: string, planned: Plain): string;
  /** ARM-shaped properties rules read (e.g. `publicNetworkAccess`), beside the Terraform attributes. */
  properties?(planned: Plain, ctx: HandlerContext): JsonObject;
  computed?(ctx: HandlerContext, armId: string, planned: Plain): Plain;
}

function inResourceGroup(providerType: string) {
  return (ctx: HandlerContext, planned: Plain): string =>
    `/subscriptions/${subscriptionOf(ctx)}/resourceGroups/${planned.resource_group_name}/providers/${providerType}/${planned.name}`;
}

function publicNetworkAccess(planned: Plain): JsonObject {
  return { publicNetworkAccess: known(planned.public_network_access_enabled) === false ? 'Disabled' : 'Enabled' };
}

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** The role definition id of an assignment: given, or the built-in role named. */
function roleDefinitionOf(ctx: HandlerContext, planned: Plain): string {
  const given = str(planned, 'role_definition_id');
  if (given) return given;
  const name = str(planned, 'role_definition_name') ?? '';
  const guid = builtInRoleGuid(name);
  if (!guid) throw new Error(`azurerm_role_assignment: the emulator does not know the built-in role '${name}'`);
  return roleDefinitionId(subscriptionId(String(planned.scope)) ?? subscriptionOf(ctx), guid);
}

/** The storage account ARM id a blob's `storage_account_name` names, from the emulated cloud. */
function storageAccountIdByName(ctx: HandlerContext, name: string): string {
  const found = ctx.cloud.list().find((r) => r.type.toLowerCase() === 'microsoft.storage/storageaccounts' && r.name.toLowerCase() === name.toLowerCase());
  return found?.id ?? `/subscriptions/${subscriptionOf(ctx)}/resourceGroups/unknown/providers/Microsoft.Storage/storageAccounts/${name}`;
}

function fileSha256(source: string | undefined, inline: string | undefined): string {
  if (source && fs.existsSync(source)) return createHash('sha256').update(fs.readFileSync(source)).digest('hex');
  return createHash('sha256').update(inline ?? '').digest('hex');
}

const MAPPINGS: Record<string, AzurermMapping> = {
  azurerm_resource_group: {
    armIdOf: (ctx, p) => `/subscriptions/${subscriptionOf(ctx)}/resourceGroups/${p.name}`,
  },
  azurerm_storage_account: {
    armIdOf: inResourceGroup('Microsoft.Storage/storageAccounts'),
    properties: publicNetworkAccess,
    computed: (_ctx, _id, p) => ({
      primary_blob_endpoint: `https://${p.name}.blob.core.windows.net/`,
      primary_blob_host: `${p.name}.blob.core.windows.net`,
      primary_dfs_endpoint: `https://${p.name}.dfs.core.windows.net/`,
      primary_location: str(p, 'location') ?? '',
    }),
  },
  azurerm_storage_container: {
    armIdOf: (_ctx, p) => `${p.storage_account_id}/blobServices/default/containers/${p.name}`,
  },
  azurerm_storage_blob: {
    armIdOf: (ctx, p) => `${storageAccountIdByName(ctx, String(p.storage_account_name))}/blobServices/default/containers/${p.storage_container_name}/blobs/${encodeURIComponent(String(p.name))}`,
    terraformIdOf: (_id, p) => `https://${p.storage_account_name}.blob.core.windows.net/${p.storage_container_name}/${p.name}`,
    properties: (p) => ({ contentSha256: fileSha256(str(p, 'source'), str(p, 'source_content')) }),
    computed: (_ctx, _id, p) => ({ url: `https://${p.storage_account_name}.blob.core.windows.net/${p.storage_container_name}/${p.name}` }),
  },
  azurerm_key_vault: {
    armIdOf: inResourceGroup('Microsoft.KeyVault/vaults'),
    properties: publicNetworkAccess,
    computed: (_ctx, _id, p) => ({ vault_uri: `https://${p.name}.vault.azure.net/` }),
  },
  azurerm_log_analytics_workspace: {
    armIdOf: inResourceGroup('Microsoft.OperationalInsights/workspaces'),
    computed: (_ctx, id) => ({ workspace_id: deterministicUuid(`law:${idKey(id)}`), primary_shared_key: hex(`key1:${id}`, 64), secondary_shared_key: hex(`key2:${id}`, 64) }),
  },
  azurerm_application_insights: {
    armIdOf: inResourceGroup('Microsoft.Insights/components'),
    computed: (_ctx, id) => {
      const key = deterministicUuid(`ikey:${idKey(id)}`);
      return { instrumentation_key: key, app_id: deterministicUuid(`appid:${idKey(id)}`), connection_string: `InstrumentationKey=${key};IngestionEndpoint=https://westeurope-0.in.applicationinsights.azure.com/` };
    },
  },
  azurerm_container_registry: {
    armIdOf: inResourceGroup('Microsoft.ContainerRegistry/registries'),
    properties: publicNetworkAccess,
    computed: (_ctx, _id, p) => ({ login_server: `${String(p.name).toLowerCase()}.azurecr.io`, admin_username: '', admin_password: '' }),
  },
  azurerm_user_assigned_identity: {
    armIdOf: inResourceGroup('Microsoft.ManagedIdentity/userAssignedIdentities'),
    // Each identity is its own service principal: distinct ids, stable for the same identity.
    computed: (ctx, id) => ({
      principal_id: deterministicUuid(`uai-principal:${idKey(id)}`),
      client_id: deterministicUuid(`uai-client:${idKey(id)}`),
      tenant_id: ctx.tenantId,
    }),
  },
  azurerm_role_definition: {
    // A custom role lives at its scope: `<scope>/providers/Microsoft.Authorization/roleDefinitions/<guid>`; azurerm's
    // own id is `<that>|<scope>`, and assignments use `role_definition_resource_id`.
    armIdOf: (_ctx, p) => `${p.scope}/providers/Microsoft.Authorization/roleDefinitions/${str(p, 'role_definition_id') ?? deterministicUuid(`role:${idKey(String(p.scope))}:${p.name}`)}`,
    terraformIdOf: (armId, p) => `${armId}|${p.scope}`,
    computed: (_ctx, armId) => ({ role_definition_id: nameOfId(armId), role_definition_resource_id: armId }),
  },
  azurerm_management_lock: {
    armIdOf: (_ctx, p) => `${p.scope}/providers/Microsoft.Authorization/locks/${p.name}`,
    properties: (p) => ({ level: String(p.lock_level), notes: str(p, 'notes') ?? '' }),
  },
  azurerm_role_assignment: {
    // azurerm names an assignment with a fresh GUID; deterministic here, and distinct for a repeated grant so
    // that a duplicate meets RoleAssignmentExists as in Azure.
    armIdOf: (ctx, p) => {
      const scope = String(p.scope);
      const seed = [idKey(scope), roleDefinitionOf(ctx, p).toLowerCase(), String(p.principal_id).toLowerCase()].join('|');
      const taken = ctx.cloud.list().filter((r) => r.type === 'Microsoft.Authorization/roleAssignments').length;
      return `${scope}/providers/Microsoft.Authorization/roleAssignments/${str(p, 'name') ?? deterministicUuid(`${seed}#${taken}`)}`;
    },
    properties: (p, ctx) => ({ scope: String(p.scope), roleDefinitionId: roleDefinitionOf(ctx, p), principalId: String(p.principal_id), principalType: str(p, 'principal_type') ?? 'ServicePrincipal' }),
    computed: (ctx, id, p) => ({ name: id.split('/').pop() ?? '', role_definition_id: roleDefinitionOf(ctx, p), principal_type: str(p, 'principal_type') ?? 'ServicePrincipal' }),
  },
  azurerm_monitor_diagnostic_setting: {
    armIdOf: (_ctx, p) => `${p.target_resource_id}/providers/Microsoft.Insights/diagnosticSettings/${p.name}`,
    terraformIdOf: (_id, p) => `${p.target_resource_id}|${p.name}`,
  },
  azurerm_monitor_autoscale_setting: { armIdOf: inResourceGroup('Microsoft.Insights/autoscaleSettings') },
  azurerm_virtual_network: { armIdOf: inResourceGroup('Microsoft.Network/virtualNetworks') },
  azurerm_subnet: {
    armIdOf: (ctx, p) => `/subscriptions/${subscriptionOf(ctx)}/resourceGroups/${p.resource_group_name}/providers/Microsoft.Network/virtualNetworks/${p.virtual_network_name}/subnets/${p.name}`,
  },
  azurerm_private_dns_zone: { armIdOf: inResourceGroup('Microsoft.Network/privateDnsZones') },
  azurerm_private_dns_zone_virtual_network_link: {
    armIdOf: (ctx, p) => `/subscriptions/${subscriptionOf(ctx)}/resourceGroups/${p.resource_group_name}/providers/Microsoft.Network/privateDnsZones/${p.private_dns_zone_name}/virtualNetworkLinks/${p.name}`,
  },
  azurerm_private_endpoint: { armIdOf: inResourceGroup('Microsoft.Network/privateEndpoints') },
};

/** Any other azurerm type: a plausible resource-group-level id from `name` and `resource_group_name`. */
function fallbackMapping(terraformType: string): AzurermMapping {
  const typeName = terraformType.replace(/^azurerm_/, '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return { armIdOf: inResourceGroup(`Emulated.Azurerm/${typeName}s`) };
}

/** The stored body: ARM's location and tags, the Terraform attributes as they were given, and ARM-shaped extras. */
function bodyOf(ctx: HandlerContext, mapping: AzurermMapping, planned: Plain): JsonObject {
  const attributes = json(planned) as JsonObject;
  const body: JsonObject = { properties: { ...attributes, ...(mapping.properties?.(planned, ctx) ?? {}) } };
  const location = str(planned, 'location');
  if (location) body.location = location;
  const identity = block(planned, 'identity');
  if (identity && str(identity, 'type')) body.identity = { type: String(identity.type) };
  return body;
}

function computedOf(ctx: HandlerContext, mapping: AzurermMapping, armId: string, planned: Plain): Plain {
  const result: Plain = { id: mapping.terraformIdOf?.(armId, planned) ?? armId, ...(mapping.computed?.(ctx, armId, planned) ?? {}) };
  const identity = block(planned, 'identity');
  if (identity && /systemassigned/i.test(String(identity.type ?? ''))) {
    result.identity = [{ ...identity, principal_id: systemPrincipalId(armId), tenant_id: ctx.tenantId }];
  }
  return result;
}

/** The ARM id behind a Terraform id of this type (they differ only where terraformIdOf is set). */
function armIdFromState(ctx: HandlerContext, mapping: AzurermMapping, state: Plain): string {
  return mapping.terraformIdOf ? mapping.armIdOf(ctx, state) : String(state.id);
}

export function azurermHandler(terraformType: string): ResourceHandler {
  const mapping = MAPPINGS[terraformType] ?? fallbackMapping(terraformType);
  return {
    create(ctx, planned) {
      const armId = mapping.armIdOf(ctx, planned);
      ctx.cloud.put({ id: armId, type: typeOfId(armId), body: bodyOf(ctx, mapping, planned) });
      return computedOf(ctx, mapping, armId, planned);
    },
    update(ctx, prior, planned) {
      const armId = armIdFromState(ctx, mapping, prior);
      ctx.cloud.put({ id: armId, type: typeOfId(armId), body: bodyOf(ctx, mapping, planned) });
      return computedOf(ctx, mapping, armId, planned);
    },
    delete(ctx, prior) {
      ctx.cloud.delete(armIdFromState(ctx, mapping, prior));
    },
    read(ctx, state) {
      return ctx.cloud.get(armIdFromState(ctx, mapping, state)) ? state : undefined;
    },
  };
}

/** Handlers for every azurerm type the library emits; `azurermHandler(type)` serves any other. */
export const AZURERM_RESOURCES: Record<string, ResourceHandler> = Object.fromEntries(
  Object.keys(MAPPINGS).map((t) => [t, azurermHandler(t)]));

export const AZURERM_DATA_SOURCES: Record<string, DataSourceHandler> = {
  azurerm_client_config: {
    read(ctx) {
      const clientId = str(ctx.providerConfig, 'client_id') ?? deterministicUuid('client');
      return { id: `clientConfigs/clientId=${clientId};objectId=${deterministicUuid(`object:${clientId}`)};subscriptionId=${subscriptionOf(ctx)};tenantId=${ctx.tenantId}`,
        client_id: clientId, object_id: deterministicUuid(`object:${clientId}`), subscription_id: subscriptionOf(ctx), tenant_id: ctx.tenantId };
    },
  },
};
