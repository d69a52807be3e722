import { Construct, IConstruct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ArmId } from './arm-id';
import { MlopsValidationError, renderValue } from './errors';
import { grantHome, valueFor } from './cross-stack';
import { checkOneDeclarationPerResource } from './uniqueness';
import { isToken } from './validation';

/**
 * Someone or something that can be granted a role: a managed identity, a user, a group, a service principal.
 */
export interface IPrincipal {
  /** The object id of the principal in Entra ID. */
  readonly principalId: string;
  /** `ServicePrincipal` (including managed identities), `User` or `Group`. */
  readonly principalType: string;
  /**
   * A short string that is stable across synths and unique per principal, used in the construct ids of the role
   * assignments made for it (so reordering grants never replaces them).
   */
  readonly principalKey: string;
  /**
   * The construct whose identity this is (a workspace, a compute cluster, an endpoint). A grant to it on a resource
   * of another stack is created in the owner's stack, under `<stack>/CrossStackGrants/...` (see lib/core/README.md).
   * @default - unknown: role assignments are created beside the resource they are on
   */
  readonly owner?: IConstruct;
}

/** Principals that are not created by this library. */
export class Principal implements IPrincipal {
  /**
   * A service principal or managed identity by object id. `key` is required when the id is a token; `owner` is the
   * construct the identity belongs to when the id comes from another stack (so grants to it are made in its stack).
   */
  public static servicePrincipal(principalId: string, key?: string, owner?: IConstruct): IPrincipal {
    return new Principal(principalId, 'ServicePrincipal', key, owner);
  }

  public static user(principalId: string, key?: string): IPrincipal {
    return new Principal(principalId, 'User', key);
  }

  public static group(principalId: string, key?: string): IPrincipal {
    return new Principal(principalId, 'Group', key);
  }

  public readonly principalKey: string;

  private constructor(public readonly principalId: string, public readonly principalType: string, key?: string,
    public readonly owner?: IConstruct) {
    if (key === undefined && isToken(principalId)) {
      throw new MlopsValidationError(`Principal.${principalType === 'User' ? 'user' : principalType === 'Group' ? 'group' : 'servicePrincipal'}`, 'arguments', [{
        subject: 'principalId', value: '(a token)',
        rule: 'is known only at apply, so it cannot name the role assignment (its Terraform address would change between synths)',
        fix: 'pass a stable key as the second argument, e.g. Principal.servicePrincipal(identity.principalId, "pipeline-identity")',
      }]);
    }
    this.principalKey = key ?? principalId;
  }
}

/** An Azure built-in role, by its role definition id (the same in every tenant). */
export class BuiltInRole {
  public static readonly READER = new BuiltInRole('Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7');
  public static readonly CONTRIBUTOR = new BuiltInRole('Contributor', 'b24988ac-6180-42a0-ab88-20f7382dd24c');
  public static readonly AZUREML_DATA_SCIENTIST = new BuiltInRole('AzureML Data Scientist', 'f6c7c914-8db3-469d-8ca1-694a8f32e121');
  public static readonly AZUREML_COMPUTE_OPERATOR = new BuiltInRole('AzureML Compute Operator', 'e503ece1-11d0-4e8e-8e2c-7a6c3bf38815');
  public static readonly AZUREML_REGISTRY_USER = new BuiltInRole('AzureML Registry User', '1823dd4f-9b8c-4ab6-ab4e-7397a3684615');
  public static readonly AZUREML_METRICS_WRITER = new BuiltInRole('AzureML Metrics Writer (preview)', '635dd51f-9968-44d3-b7fb-6d9a6bd613ae');
  public static readonly ACR_PULL = new BuiltInRole('AcrPull', '7f951dda-4ed3-4680-a7ca-43fe172d538d');
  public static readonly ACR_PUSH = new BuiltInRole('AcrPush', '8311e382-0749-4cb8-b61a-304f252e45ec');
  public static readonly STORAGE_BLOB_DATA_READER = new BuiltInRole('Storage Blob Data Reader', '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
  public static readonly STORAGE_BLOB_DATA_CONTRIBUTOR = new BuiltInRole('Storage Blob Data Contributor', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe');
  public static readonly STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR = new BuiltInRole('Storage File Data Privileged Contributor', '69566ab7-960f-475b-8e7c-b3118f30c6bd');
  public static readonly KEY_VAULT_ADMINISTRATOR = new BuiltInRole('Key Vault Administrator', '00482a5a-887f-4fb3-b363-3b7fe8e74483');
  public static readonly KEY_VAULT_SECRETS_USER = new BuiltInRole('Key Vault Secrets User', '4633458b-17de-408a-b874-0445c86b69e6');
  public static readonly KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = new BuiltInRole('Key Vault Crypto Service Encryption User', 'e147488a-f6f5-4113-8e2d-b22465e65bf6');
  public static readonly MONITORING_METRICS_PUBLISHER = new BuiltInRole('Monitoring Metrics Publisher', '3913510d-42f4-4e42-8a64-420c390055eb');

  /** A role not listed here, by its display name and role definition GUID. */
  public static of(roleName: string, roleDefinitionGuid: string): BuiltInRole {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(roleDefinitionGuid)) {
      throw new MlopsValidationError('BuiltInRole.of', 'arguments', [{
        subject: 'roleDefinitionGuid', value: renderValue(roleDefinitionGuid), rule: 'must be the GUID of a role definition',
        fix: 'copy it from `az role definition list --name "<role>" --query [].name`',
      }]);
    }
    return new BuiltInRole(roleName, roleDefinitionGuid.toLowerCase());
  }

  private constructor(public readonly roleName: string, public readonly roleDefinitionGuid: string) {}

  /** A short id for construct ids: "AzureMLDataScientist". */
  public get key(): string {
    return this.roleName.replace(/[^A-Za-z0-9]/g, '');
  }

  /** The role definition id at the subscription of `scopeId`, the form Azure returns (so plans show no diff). */
  public definitionIdAt(scopeId: string): string {
    return this.definitionIdIn(ArmId.subscriptionId(scopeId));
  }

  /** The role definition id in a subscription. */
  public definitionIdIn(subscriptionId: string): string {
    return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${this.roleDefinitionGuid}`;
  }
}

/**
 * Grants `role` on the resource `scopeId` to `principal`, as a child of `scope` named after the role and principal.
 * Granting the same role to the same principal twice returns the first assignment.
 *
 * `scope` is the construct that owns `scopeId` (or `scopeOwner` when given). When the principal's owner is in
 * another stack, the assignment is created there instead (see `grantHome` in lib/core/cross-stack.ts), and the
 * subscription of `scopeId` is read from the owner's stack rather than parsed from a remote-state reference.
 */
export function grantRole(scope: Construct, scopeId: string, role: BuiltInRole, principal: IPrincipal, description?: string,
  scopeOwner?: IConstruct): RoleAssignment {
  const home = grantHome(scope, principal.owner);
  const id = `Grant${role.key}-${sanitize(principal.principalKey)}`;
  const existing = home.node.tryFindChild(id);
  if (existing) return existing as RoleAssignment;
  const subscriptionId = valueFor(scopeOwner ?? scope, home, subscriptionLocalId(scopeOwner ?? scope, scopeId), ArmId.subscriptionId(scopeId));
  const assignment = new RoleAssignment(home, id, {
    scope: scopeId,
    roleDefinitionId: role.definitionIdIn(subscriptionId),
    principalId: principal.principalId,
    principalType: principal.principalType,
    // A managed identity created in the same apply may not have replicated in Entra ID yet.
    skipServicePrincipalAadCheck: principal.principalType === 'ServicePrincipal' ? true : undefined,
    description,
  });
  checkOneDeclarationPerResource(assignment);
  return assignment;
}

// One local per distinct scope id of an owner (a workspace grants on itself, its storage, its registry...).
const SUBSCRIPTION_LOCALS = new WeakMap<IConstruct, string[]>();

function subscriptionLocalId(owner: IConstruct, scopeId: string): string {
  let ids = SUBSCRIPTION_LOCALS.get(owner);
  if (!ids) SUBSCRIPTION_LOCALS.set(owner, ids = []);
  if (!ids.includes(scopeId)) ids.push(scopeId);
  const n = ids.indexOf(scopeId);
  return n === 0 ? 'SubscriptionId' : `SubscriptionId${n + 1}`;
}

function sanitize(key: string): string {
  return key.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 80);
}
