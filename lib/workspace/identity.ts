import { IConstruct } from 'constructs';
import { AzapiIdentity } from '../bindings/azapi/shared';
import { IPrincipal, Principal } from '../core/rbac';

/** A user-assigned managed identity, created with azurerm `UserAssignedIdentity` or existing. */
export interface UserAssignedIdentityAttributes {
  /** Its ARM id. */
  readonly identityId: string;
  /** Its object id in Entra ID: what role assignments are made for. */
  readonly principalId: string;
  /** Its client id. @default - not written; Azure looks it up from the id */
  readonly clientId?: string;
}

/** The azapi identity block for a system-assigned identity, a user-assigned one, or both. */
export function identityBlock(systemAssigned: boolean, userAssigned?: UserAssignedIdentityAttributes): AzapiIdentity {
  if (userAssigned === undefined) return { type: 'SystemAssigned' };
  return { type: systemAssigned ? 'SystemAssigned, UserAssigned' : 'UserAssigned', identityIds: [userAssigned.identityId] };
}

/** The principal of a user-assigned identity, keyed stably for role assignment ids. */
export function principalOf(identity: UserAssignedIdentityAttributes, key: string, owner?: IConstruct): IPrincipal {
  return Principal.servicePrincipal(identity.principalId, key, owner);
}
