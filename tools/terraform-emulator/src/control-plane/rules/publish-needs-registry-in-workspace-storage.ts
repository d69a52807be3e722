import { ancestorOfType, idKey } from '../ids';
import type { ArmResource, Json, JsonObject } from '../model';
import { isType, ML, refuse, stringAt, WORKSPACE, type Rule } from './rule';

/**
 * Sharing a workspace asset version into a registry (`…/versions/<v>/publish`) is impossible, "due to data
 * exfiltration protection", when the workspace's storage account has public network access disabled; it works once the
 * storage's public network access is "Enabled from selected virtual networks and IP addresses" with a resource
 * instance rule for resource type `Microsoft.MachineLearningServices/registries` and the registry. The azurerm storage
 * account is stored with its Terraform attributes (`public_network_access_enabled`, `network_rules[0].default_action`,
 * `network_rules[0].private_link_access[].endpoint_resource_id`); a storage account the emulator does not hold (brought
 * from outside the configuration) is not judged. Azure's status and code are not documented; 403
 * `AuthorizationFailure` (what storage answers a caller its firewall refuses) stands in for them.
 */
export const publishNeedsRegistryInWorkspaceStorage: Rule = {
  name: 'publish-needs-registry-in-workspace-storage',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry',
  onAction(cloud, target, action, body) {
    if (action !== 'publish' || !new RegExp(`^${ML}/workspaces/\\w+/versions$`, 'i').test(target.type)) return;
    const registryName = typeof body.registryName === 'string' ? body.registryName : undefined;
    const registry = registryName ? cloud.list().find((r) => isType(r, `${ML}/registries`) && r.name.toLowerCase() === registryName.toLowerCase()) : undefined;
    const workspaceId = ancestorOfType(target.id, WORKSPACE);
    const workspace = workspaceId ? cloud.get(workspaceId) : undefined;
    const storageId = workspace ? stringAt(workspace.body, 'properties', 'storageAccount') : undefined;
    const storage = storageId ? cloud.get(storageId) : undefined;
    if (!registry || !storage) return;
    const problem = storageRefuses(storage, registry.id);
    if (problem) {
      refuse(this, 403, 'AuthorizationFailure', `Sharing '${target.id}' into registry '${registry.name}' is not possible: ${problem}. ` +
        'Set the storage account\'s public network access to "Enabled from selected virtual networks and IP addresses" and add a ' +
        `resource instance rule for Microsoft.MachineLearningServices/registries '${registry.id}' (${this.source}).`);
    }
  },
};

/** Why `storage` keeps registry `registryId` out, or undefined when it lets it in. */
function storageRefuses(storage: ArmResource, registryId: string): string | undefined {
  const p = storage.body.properties as JsonObject | undefined;
  if (stringAt(storage.body, 'properties', 'publicNetworkAccess') === 'Disabled' || p?.public_network_access_enabled === false) {
    return `the workspace's storage account '${storage.name}' has public network access disabled (data exfiltration protection)`;
  }
  const rules = firstBlock(p?.network_rules);
  if (!rules || String(rules.default_action ?? 'Allow').toLowerCase() !== 'deny') return undefined;
  const allowed = (Array.isArray(rules.private_link_access) ? rules.private_link_access : [])
    .some((r) => r !== null && typeof r === 'object' && !Array.isArray(r) && typeof r.endpoint_resource_id === 'string'
      && idKey(r.endpoint_resource_id) === idKey(registryId));
  return allowed ? undefined : `the workspace's storage account '${storage.name}' denies by default and has no resource instance rule for the registry`;
}

function firstBlock(value: Json | undefined): JsonObject | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' && !Array.isArray(first) ? first : undefined;
}
