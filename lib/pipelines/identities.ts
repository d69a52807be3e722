// The identities a stage's pipeline runs as, and exactly the rights each gets. One place encodes them; the README's
// "Identities and their rights" table is this file in prose.
import { Construct } from 'constructs';
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { BuiltInRole } from '../core/rbac';

/** Where the pipeline identities live, and what the deploy identity may grant. */
export interface PipelineIdentitiesOptions {
  /**
   * An existing resource group (in the subscription of the stack's azurerm provider) that holds the pipeline's
   * user-assigned identities: two per stage, `id-<pipeline>-<stage>-apply` and `id-<pipeline>-<stage>-plan`.
   */
  readonly resourceGroupName: string;
  /** Azure region of the identities. */
  readonly location: string;
  /**
   * `owner/repo` of a GitHub repository whose workflow deploys too: each identity then also trusts that repository's
   * jobs in the stage's GitHub environment (apply: `<environment>`, plan: `<environment>-plan`), and no other job.
   * @default - only the Azure DevOps service connections are trusted
   */
  readonly gitHubRepository?: string;
  /**
   * The roles the deploy identity may assign (its Role Based Access Control Administrator assignment carries a
   * condition that allows creating and deleting assignments of these roles only).
   * @default - the roles this library's constructs grant: `PIPELINE_ASSIGNABLE_ROLES`
   */
  readonly assignableRoles?: BuiltInRole[];
  /**
   * Give the deploy identity the management-lock actions (a custom role). Turn off when no deployed stack declares a
   * lock (`protection` off everywhere): the identity then has no more than its stacks use.
   * @default true
   */
  readonly manageLocks?: boolean;
}

/** The roles the library's constructs grant (workspace, registry, endpoints, compute): what a deploy identity assigns. */
export const PIPELINE_ASSIGNABLE_ROLES: BuiltInRole[] = [
  BuiltInRole.READER,
  BuiltInRole.AZUREML_DATA_SCIENTIST,
  BuiltInRole.AZUREML_COMPUTE_OPERATOR,
  BuiltInRole.AZUREML_REGISTRY_USER,
  BuiltInRole.AZUREML_METRICS_WRITER,
  BuiltInRole.ACR_PULL,
  BuiltInRole.ACR_PUSH,
  BuiltInRole.STORAGE_BLOB_DATA_READER,
  BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR,
  BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR,
  BuiltInRole.KEY_VAULT_SECRETS_USER,
  BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
  BuiltInRole.MONITORING_METRICS_PUBLISHER,
];

/** Roles the pipeline identities get that no construct grants (so they live here, not in `BuiltInRole`). */
export const ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR = BuiltInRole.of('Role Based Access Control Administrator', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168');
export const STORAGE_QUEUE_DATA_READER = BuiltInRole.of('Storage Queue Data Reader', '19e7f393-937e-4f77-808e-94535e297925');

/** Where a stage keeps its Terraform state: one blob container per stage, so each stage's state has its own RBAC. */
export interface StateContainer {
  /** @default - the stage's subscription */
  readonly subscriptionId?: string;
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
}

export function stateContainerId(c: StateContainer, stageSubscriptionId: string | undefined): string {
  const sub = c.subscriptionId ?? stageSubscriptionId;
  return `/subscriptions/${sub}/resourceGroups/${c.resourceGroupName}/providers/Microsoft.Storage/storageAccounts/` +
    `${c.storageAccountName}/blobServices/default/containers/${c.containerName}`;
}

/**
 * The ABAC condition of the deploy identity's Role Based Access Control Administrator assignment: it may create and
 * delete assignments of the listed roles only (so never Owner, User Access Administrator or itself).
 * @see https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples#example-constrain-roles
 */
export function constrainRolesCondition(roles: BuiltInRole[]): string {
  const guids = [...new Set(roles.map(r => r.roleDefinitionGuid))].join(', ');
  return [
    "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR",
    ` (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${guids}}))`,
    'AND',
    "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR",
    ` (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${guids}}))`,
  ].join('\n');
}

/** A service connection's federation endpoint, as the identity's federated credential must trust it. */
export interface FederationSubject {
  readonly issuer: string;
  readonly subject: string;
}

/** Props of a `StageIdentity`: the stage it serves and the scopes and roles it needs. */
export interface StageIdentityProps {
  readonly identities: PipelineIdentitiesOptions;
  readonly name: string;
  /** The ARM id the stage deploys into: a subscription, a resource group, or a management group. */
  readonly scopeId: string;
  readonly subscriptionId?: string;
  readonly stateContainerId?: string;
  readonly gitHubEnvironment: string;
  /** `apply` (the deploy identity) or `plan` (read-only). */
  readonly kind: string;
}

/**
 * One pipeline identity of a stage: a user-assigned managed identity and its role assignments.
 *
 * | Identity | Role | Scope | Why |
 * |---|---|---|---|
 * | apply | Contributor | stage scope | create, change and delete the stacks' resources |
 * | apply | Role Based Access Control Administrator, condition: only `assignableRoles` | stage scope | the stacks' grants (endpoint, workspace, registry identities); Contributor cannot assign roles |
 * | apply | custom "management lock operator" (`Microsoft.Authorization/locks/*`) | stage scope | the CanNotDelete locks of production stacks; only Owner and User Access Administrator have it built in |
 * | apply | Storage Blob Data Contributor | stage scope | `azurerm_storage_blob` uploads (model and code files); Contributor has no data actions |
 * | apply | Storage Blob Data Contributor | the stage's state container | read, write and lease (lock) the state blob |
 * | plan | Reader | stage scope | refresh reads every resource through ARM |
 * | plan | Storage Blob Data Reader, Storage Queue Data Reader | stage scope | azurerm's data-plane reads of storage accounts during refresh (Entra ID auth) |
 * | plan | Storage Blob Data Reader | the stage's state container | read the state; plan runs `-lock=false` because a lease needs blob write |
 */
export class StageIdentity extends Construct {
  public readonly identity: UserAssignedIdentity;
  public readonly roleAssignments: RoleAssignment[] = [];
  private readonly props: StageIdentityProps;

  constructor(scope: Construct, id: string, props: StageIdentityProps) {
    super(scope, id);
    this.props = props;
    this.identity = new UserAssignedIdentity(this, 'Resource', {
      name: `id-${props.name}-${props.kind}`,
      resourceGroupName: props.identities.resourceGroupName,
      location: props.identities.location,
    });
    if (props.kind === 'apply') {
      this.grant('Contributor', BuiltInRole.CONTRIBUTOR, props.scopeId);
      this.grant('RbacAdministrator', ROLE_BASED_ACCESS_CONTROL_ADMINISTRATOR, props.scopeId,
        constrainRolesCondition(props.identities.assignableRoles ?? PIPELINE_ASSIGNABLE_ROLES));
      // "To create or delete management locks, you must have access to Microsoft.Authorization/* or
      // Microsoft.Authorization/locks/* actions. Of the built-in roles, only Owner and User Access Administrator are
      // granted those actions." (https://learn.microsoft.com/rest/api/resources/management-locks). A custom role
      // with the lock actions alone is narrower than User Access Administrator (which can assign any role).
      if (props.identities.manageLocks ?? true) this.grantLockRights(props);
      this.grant('BlobDataContributor', BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, props.scopeId);
      if (props.stateContainerId) this.grant('StateContributor', BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, props.stateContainerId);
    } else {
      this.grant('Reader', BuiltInRole.READER, props.scopeId);
      this.grant('BlobDataReader', BuiltInRole.STORAGE_BLOB_DATA_READER, props.scopeId);
      this.grant('QueueDataReader', STORAGE_QUEUE_DATA_READER, props.scopeId);
      if (props.stateContainerId) this.grant('StateReader', BuiltInRole.STORAGE_BLOB_DATA_READER, props.stateContainerId);
    }
  }

  private grantLockRights(props: StageIdentityProps): void {
    {
      const lockRole = new RoleDefinition(this, 'LockOperatorRole', {
        name: `${props.name} management lock operator (cdktf-azure-mlops)`,
        scope: props.scopeId,
        description: `Create and delete the management locks of the ${props.name} stage's stacks (managed by cdktf-azure-mlops)`,
        permissions: [{ actions: ['Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete'] }],
        assignableScopes: [props.scopeId],
      });
      this.roleAssignments.push(new RoleAssignment(this, 'LockOperator', {
        scope: props.scopeId,
        roleDefinitionId: lockRole.roleDefinitionResourceId,
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
        skipServicePrincipalAadCheck: true,
      }));
    }
  }

  public get clientId(): string {
    return this.identity.clientId;
  }

  /** Trusts a service connection (or GitHub environment) to exchange its tokens for this identity's. */
  public trust(id: string, federation: FederationSubject): FederatedIdentityCredential {
    return new FederatedIdentityCredential(this, id, {
      name: id.toLowerCase(),
      resourceGroupName: this.props.identities.resourceGroupName,
      parentId: this.identity.id,
      issuer: federation.issuer,
      subject: federation.subject,
      audience: ['api://AzureADTokenExchange'],
    });
  }

  private grant(id: string, role: BuiltInRole, scopeId: string, condition?: string): void {
    const sub = scopeId.match(/^\/subscriptions\/([^/]+)/)?.[1] ?? this.props.subscriptionId;
    this.roleAssignments.push(new RoleAssignment(this, id, {
      scope: scopeId,
      roleDefinitionId: sub ? role.definitionIdIn(sub) : `/providers/Microsoft.Authorization/roleDefinitions/${role.roleDefinitionGuid}`,
      principalId: this.identity.principalId,
      principalType: 'ServicePrincipal',
      // The identity is created in the same apply and may not have replicated in Entra ID yet.
      skipServicePrincipalAadCheck: true,
      condition,
      conditionVersion: condition ? '2.0' : undefined,
      description: `${this.props.kind} identity of the ${this.props.name} stage (managed by cdktf-azure-mlops)`,
    }));
  }
}
