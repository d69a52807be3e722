import { BUILT_IN_ROLES, roleDefinitionId } from './built-in-roles';
import { idKey, subscriptionId } from './ids';
import type { ArmResource } from './model';
import { systemPrincipalId } from './read-only-fields';
import { stringAt } from './rules/rule';
import { deterministicUuid } from './uuid';

/**
 * The role assignments Azure ML makes itself when an online endpoint with a system-assigned identity is created:
 * AcrPull on the workspace's container registry, Storage Blob Data Reader on its default storage account, and
 * AzureML Metrics Writer on the workspace.
 * @see https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth#automatic-role-assignment-for-endpoint-identity
 */
export function endpointIdentityGrants(endpoint: ArmResource, workspace: ArmResource | undefined): ArmResource[] {
  if (!/systemassigned/i.test(stringAt(endpoint.body, 'identity', 'type') ?? '') || !workspace) return [];
  const principalId = systemPrincipalId(endpoint.id);
  const sub = subscriptionId(endpoint.id) ?? '';
  const grants: Array<[string | undefined, string]> = [
    [stringAt(workspace.body, 'properties', 'containerRegistry'), BUILT_IN_ROLES['AcrPull']],
    [stringAt(workspace.body, 'properties', 'storageAccount'), BUILT_IN_ROLES['Storage Blob Data Reader']],
    [workspace.id, BUILT_IN_ROLES['AzureML Metrics Writer (preview)']],
  ];
  return grants.filter((g): g is [string, string] => !!g[0]).map(([scope, role]) => {
    const name = deterministicUuid(`azureml-grant:${idKey(endpoint.id)}:${idKey(scope)}:${role}`);
    return {
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      type: 'Microsoft.Authorization/roleAssignments',
      name,
      body: { properties: { scope, roleDefinitionId: roleDefinitionId(sub, role), principalId, principalType: 'ServicePrincipal', description: 'Assigned by Azure Machine Learning for the endpoint identity' } },
    };
  });
}
