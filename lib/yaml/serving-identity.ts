/**
 * An endpoint file's `identity`: `system_assigned` (the library's default) or one `user_assigned` identity by ARM id.
 * A file gives only the id; role assignments need the principal id, so it is read with the azurerm data source
 * `azurerm_user_assigned_identity` (looked up at plan time). Not part of the jsii API.
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-endpoint-online
 */
import { Construct } from 'constructs';
import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { ArmId } from '../core/arm-id';
import { UserAssignedIdentityAttributes } from '../workspace/identity';
import { YamlDocument } from './document';
import { YamlLoadError } from './errors';

export function userAssignedIdentityOf(scope: Construct, doc: YamlDocument, what: string): UserAssignedIdentityAttributes | undefined {
  const identity = doc.data.identity as { type?: string; user_assigned_identities?: Array<{ resource_id?: string }> } | undefined;
  if (!identity || identity.type !== 'user_assigned') return undefined;
  const ids = identity.user_assigned_identities ?? [];
  const id = ids[0]?.resource_id;
  if (ids.length !== 1 || id === undefined || !ArmId.isOfType(id, 'Microsoft.ManagedIdentity/userAssignedIdentities')) {
    throw new YamlLoadError(doc.file, what, [doc.problem(['identity', 'user_assigned_identities'],
      ids.length === 1 ? 'must hold the ARM id of a user-assigned identity' : `holds ${ids.length} identities; an endpoint runs under one`,
      'write one item: - resource_id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>')]);
  }
  const dataId = `UserAssignedIdentity-${ArmId.name(id)}`;
  const found = scope.node.tryFindChild(dataId) as DataAzurermUserAssignedIdentity | undefined;
  const data = found ?? new DataAzurermUserAssignedIdentity(scope, dataId, { name: ArmId.name(id), resourceGroupName: ArmId.resourceGroupName(id) });
  return { identityId: id, principalId: data.principalId, clientId: data.clientId };
}
