import { Construct } from 'constructs';
import { Annotations, DefaultTokenResolver, ITerraformDependable, Lazy, StringConcat, Tokenization } from 'cdktf';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { AzapiResource } from '../bindings/azapi/resource';
import { AzapiResourceAction } from '../bindings/azapi/resource-action';
import { mlType } from '../core/api-versions';
import { dependenciesWithin } from '../core/cross-stack';
import { ArmId } from '../core/arm-id';
import { MlopsValidationError, renderValue } from '../core/errors';
import { NameBuilder, NamingRules, stableSuffix } from '../core/naming';
import { recordPolicySuppression } from '../core/policy-suppression';
import { BuiltInRole, grantRole, IPrincipal } from '../core/rbac';
import { checkArgs, checkShape, childId, S } from '../core/shape';
import { isToken, Validator } from '../core/validation';
import { checkOneDeclarationPerResource } from '../core/uniqueness';
import { ComputeCluster, ComputeClusterOptions } from './compute-cluster';
import {
  broughtStorageProblems, createApplicationInsights, createContainerRegistry, createKeyVault, createLogAnalytics,
  createStorageAccount, Placement, StorageReplication,
} from './dependencies';
import { sendDiagnostics } from './diagnostics';
import { identityBlock, principalOf, UserAssignedIdentityAttributes } from './identity';
import { ImportedWorkspace } from './imported-workspace';
import {
  IsolationMode, managedNetworkBody, ManagedNetworkOptions, networkProblems, OutboundRule, PrivateEndpointsOptions,
} from './network';
import { PrivateEndpoints } from './private-endpoints';
import { protect, Protection } from './protection';
import { WORKSPACE_PROPS } from './shapes';
import { ArtifactStoreAttributes, IWorkspace, WorkspaceAttributes, WorkspaceBase } from './workspace-base';

/** A customer-managed key for the workspace's data at rest. Setting, changing or removing it replaces the workspace. */
export interface CustomerManagedKey {
  /** The versioned key URL: `https://<vault>.vault.azure.net/keys/<name>/<version>`. */
  readonly keyId: string;
  /** The vault that holds the key; purge protection on it is checked. Give this or `keyVaultId`. @default - keyVaultId */
  readonly keyVault?: KeyVault;
  /** The vault's ARM id when the vault is not an object here. @default - keyVault.id */
  readonly keyVaultId?: string;
  /**
   * The identity that reads the key. It must exist before the workspace, so a system-assigned one cannot.
   * @default - the workspace's userAssignedIdentity
   */
  readonly identity?: UserAssignedIdentityAttributes;
}

/** Explicit names, each validated against Azure's rules. */
export interface WorkspaceNames {
  /** @default - `mlw-<prefix>-<environment>` */
  readonly workspace?: string;
  /** @default - `st<prefix><environment><suffix>`: globally unique, so a stable suffix is added (see `nameSuffix`) */
  readonly storageAccount?: string;
  /** @default - `kv-<prefix>-<environment>-<suffix>` */
  readonly keyVault?: string;
  /** @default - `cr<prefix><environment><suffix>` */
  readonly containerRegistry?: string;
  /** @default - `log-<prefix>-<environment>` */
  readonly logAnalyticsWorkspace?: string;
  /** @default - `appi-<prefix>-<environment>` */
  readonly applicationInsights?: string;
  /** The blob container for model and code artifacts. @default "model-artifacts" */
  readonly artifactContainer?: string;
  /** The workspace datastore over that container. @default "model_artifacts" */
  readonly artifactDatastore?: string;
  /**
   * Keeps the default names of a deployment synthesized by version 0.1.0 or earlier, whose name suffix was a hash of the
   * construct path: give the path the workspace had then (the prefix of its resources' paths in that
   * `cdk.tf.json`, e.g. "prod/Workspace"). The names then stay put whatever the construct is renamed to.
   * @default - the suffix is seeded by prefix, environment, resource group name and location (see `nameSuffix`)
   */
  readonly legacyConstructPath?: string;
}

/** Props of a `Workspace`: where it lives, how its names are made, and the secure baseline to change. */
export interface WorkspaceProps {
  /** The resource group to create everything in. Give this or `resourceGroupId`. @default - resourceGroupId */
  readonly resourceGroup?: ResourceGroup;
  /** An existing resource group's ARM id (then `location` is required). @default - resourceGroup.id */
  readonly resourceGroupId?: string;
  /** @default - the resource group's location */
  readonly location?: string;

  /** Start of every derived name, e.g. "churn": letters, digits and "-", starting with a letter. */
  readonly prefix: string;
  /** The environment in derived names, e.g. "dev", "prod". @default - none in names */
  readonly environment?: string;
  /**
   * The suffix of the globally unique default names (storage account, Key Vault, container registry): 1-8 lowercase
   * letters and digits. Set it to pin those names whatever the other inputs, or to tell apart two deployments whose
   * prefix, environment, resource group name and location are the same (two subscriptions, two users of an example).
   * Changing it replaces the storage account, Key Vault and container registry.
   * @default - a stable 4-character hash of prefix, environment, resource group name and location (those that are
   * literals), never of the construct path: renaming or moving the construct keeps the names
   */
  readonly nameSuffix?: string;
  /** @default - every name derived from prefix and environment */
  readonly names?: WorkspaceNames;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** @default - none */
  readonly description?: string;
  /** The display name in Azure ML studio. @default - the workspace name */
  readonly friendlyName?: string;

  /**
   * A user-assigned identity as the workspace's primary identity. It is granted what the workspace needs on the
   * dependencies (Contributor, blob and file data access, Key Vault Administrator) before the workspace is created.
   * @default - a system-assigned identity, which Azure ML grants those roles itself
   */
  readonly userAssignedIdentity?: UserAssignedIdentityAttributes;
  /** Keep a system-assigned identity beside the user-assigned one. @default - true without userAssignedIdentity, false with it */
  readonly systemAssignedIdentity?: boolean;

  /** Bring a storage account created in this app (Standard StorageV2 without HNS). Replaces the workspace if changed. @default - one is created */
  readonly storageAccount?: StorageAccount;
  /** Bring an existing storage account by ARM id. Replaces the workspace if changed. @default - one is created */
  readonly storageAccountId?: string;
  /** Replication of the created storage account. @default StorageReplication.GZRS */
  readonly storageReplication?: StorageReplication;
  /** Blob and container soft-delete retention of the created storage account, 1-365 days. @default 30 */
  readonly softDeleteRetentionDays?: number;
  /** Bring a Key Vault created in this app. Replaces the workspace if changed. @default - one is created */
  readonly keyVault?: KeyVault;
  /** Bring an existing Key Vault by ARM id. Replaces the workspace if changed. @default - one is created */
  readonly keyVaultId?: string;
  /** Bring a container registry created in this app. Replaces the workspace if changed. @default - a Premium one is created */
  readonly containerRegistry?: ContainerRegistry;
  /** Bring an existing container registry by ARM id. Replaces the workspace if changed. @default - a Premium one is created */
  readonly containerRegistryId?: string;
  /** Bring an Application Insights component created in this app. Replaces the workspace if changed. @default - one is created */
  readonly applicationInsights?: ApplicationInsights;
  /** Bring an existing Application Insights component by ARM id. Replaces the workspace if changed. @default - one is created */
  readonly applicationInsightsId?: string;
  /** Bring a Log Analytics workspace created in this app. @default - one is created */
  readonly logAnalyticsWorkspace?: LogAnalyticsWorkspace;
  /** Bring an existing Log Analytics workspace by ARM id. @default - one is created */
  readonly logAnalyticsWorkspaceId?: string;
  /** Retention of the created Log Analytics workspace, 30-730 days. @default 30 */
  readonly logRetentionInDays?: number;

  /**
   * Allow access to the workspace from public networks: a relaxation. See the decision table in `network.ts` and
   * the README for how it combines with `managedNetwork` and `privateEndpoints`.
   * @default false - public network access is disabled
   */
  readonly publicNetworkAccess?: boolean;
  /** @default - isolation mode AllowInternetOutbound, no user-defined outbound rules */
  readonly managedNetwork?: ManagedNetworkOptions;
  /** @default - no private endpoints: the workspace is reachable through ARM only while public access is off */
  readonly privateEndpoints?: PrivateEndpointsOptions;

  /** Encrypt with your own key. Replaces the workspace if set, changed or removed. @default - Microsoft-managed keys */
  readonly customerManagedKey?: CustomerManagedKey;
  /**
   * Flag the workspace as holding high-business-impact data: Azure ML collects less diagnostic data and encrypts
   * local scratch disks. Replaces the workspace if changed.
   * @default false
   */
  readonly highBusinessImpact?: boolean;

  /** Send logs and metrics of the workspace and the dependencies it creates to Log Analytics. @default true */
  readonly diagnosticSettings?: boolean;
  /** @default Protection.PRODUCTION - prevent_destroy and CanNotDelete locks; opt out with Protection.DEVELOPMENT */
  readonly protection?: Protection;
  /**
   * The compute (cluster or instance name) that builds environment images. Azure ML cannot build images in a
   * container registry closed to the public network, which the registry this workspace creates is.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-image-builds
   * @default - the workspace's first compute cluster (`addComputeCluster`) when its container registry is private; none
   *   otherwise. A workspace with a private registry, no cluster and an online deployment fails synth.
   */
  readonly imageBuildCompute?: string;
}

/** Workspace properties that only Hub, Project or FeatureStore workspaces take. */
const KIND_ONLY_PROPERTIES: { [property: string]: string } = {
  hubResourceId: 'Project',
  workspaceHubConfig: 'Hub',
  associatedWorkspaces: 'Hub',
  featureStoreSettings: 'FeatureStore',
};

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * An Azure ML workspace (kind Default) with everything it needs, secure by default: an artifact storage account
 * with a model container and an identity-based datastore, a Key Vault, Log Analytics and workspace-based Application
 * Insights, a Premium container registry; public network access off, a managed network, identity-based datastore
 * auth, diagnostic settings, and production protection.
 *
 * The workspace is an azapi resource: azurerm 4.55 cannot set identity-based system datastore auth
 * (`systemDatastoresAuthMode`) or the whole managed network.
 */
export class Workspace extends WorkspaceBase {
  /** References an existing workspace by ARM id. */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string, location: string): IWorkspace {
    return new ImportedWorkspace(scope, id, { workspaceId, location });
  }

  /** References an existing workspace with everything known about it. */
  public static fromWorkspaceAttributes(scope: Construct, id: string, attrs: WorkspaceAttributes): IWorkspace {
    return new ImportedWorkspace(scope, id, attrs);
  }

  public readonly resource: AzapiResource;
  public readonly workspaceId: string;
  // The attributes below are optional only because IWorkspace's are (jsii keeps optionality on overrides): a created
  // workspace always has them.
  public readonly workspaceName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly artifactStore?: ArtifactStoreAttributes;
  public readonly storageAccountId?: string;
  public readonly keyVaultId?: string;
  public readonly containerRegistryId?: string;
  public readonly applicationInsightsId?: string;
  /** The Log Analytics workspace its logs (and its online endpoints' logs) go to. Always set on a created workspace. */
  public readonly logAnalyticsWorkspaceId?: string;
  /** The principal id of the system-assigned identity, or of the user-assigned one when there is no system-assigned one. */
  public readonly principalId?: string;
  public readonly managedNetworkIsolationMode?: string;
  /** The suffix of the globally unique default names (storage account, Key Vault, container registry). */
  public readonly nameSuffix?: string;
  /** The workspace's own identity, for grants on other resources. */
  public readonly principal: IPrincipal;
  /** The MLflow tracking URI. */
  public readonly mlflowTrackingUri: string;

  /** The storage account, when created here. */
  public readonly storageAccount?: StorageAccount;
  public readonly keyVault?: KeyVault;
  public readonly containerRegistry?: ContainerRegistry;
  public readonly logAnalyticsWorkspace?: LogAnalyticsWorkspace;
  public readonly applicationInsights?: ApplicationInsights;
  /** The blob container for model and code artifacts. */
  public readonly artifactContainer: StorageContainer;
  /** The identity-based datastore over the artifact container. */
  public readonly artifactDatastore: AzapiResource;
  public readonly privateEndpoints: PrivateEndpoint[];
  /**
   * The `provisionManagedNetwork` action, when the workspace has a managed network: online deployments wait for it.
   * @default - none without a managed network
   */
  public readonly managedNetworkReady?: ITerraformDependable;

  private readonly imageBuildCompute?: string;
  private readonly containerRegistryPrivate: boolean;
  private readonly clusters: ComputeCluster[] = [];
  private readonly imageBuildRequesters: string[] = [];
  private readonly outboundRules: OutboundRule[] = [];
  private readonly allowedRegistryIds: string[] = [];
  private readonly isolation: IsolationMode;
  private readonly storageBroughtAs?: string;

  constructor(scope: Construct, id: string, props: WorkspaceProps) {
    super(scope, childId(scope, id, 'Workspace'));
    checkShape(this, 'props for Workspace', props, WORKSPACE_PROPS);
    const v = new Validator(this, 'props for Workspace');
    const protection = props.protection ?? Protection.PRODUCTION;
    const publicAccess = props.publicNetworkAccess ?? false;
    const isolation = props.managedNetwork?.isolationMode ?? IsolationMode.ALLOW_INTERNET_OUTBOUND;
    const uai = props.userAssignedIdentity;
    const systemAssigned = props.systemAssignedIdentity ?? uai === undefined;
    this.isolation = isolation;
    this.outboundRules.push(...(props.managedNetwork?.outboundRules ?? []));
    this.storageBroughtAs = props.storageAccount ? `storageAccount (${props.storageAccount.node.path})`
      : props.storageAccountId !== undefined ? `storageAccountId (${renderValue(props.storageAccountId)})` : undefined;

    // --- placement
    v.check((props.resourceGroup === undefined) !== (props.resourceGroupId === undefined), () => ({
      subject: 'resourceGroup / resourceGroupId', value: props.resourceGroup && props.resourceGroupId ? 'both set' : '(neither set)',
      rule: 'exactly one must be given', fix: 'pass the ResourceGroup object, or the ARM id of an existing resource group with location',
    }));
    v.check(props.resourceGroupId === undefined || isToken(props.resourceGroupId) || /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i.test(props.resourceGroupId), () => ({
      subject: 'resourceGroupId', value: renderValue(props.resourceGroupId), rule: 'must be the ARM id of a resource group',
      fix: 'use /subscriptions/<sub>/resourceGroups/<name>',
    }));
    v.check(props.resourceGroupId === undefined || props.location !== undefined, () => ({
      subject: 'location', value: '(not set)', rule: 'is required with resourceGroupId', fix: 'pass location, e.g. "westeurope"',
    }));
    const rgId = props.resourceGroup?.id ?? props.resourceGroupId ?? '';
    this.resourceGroupName = props.resourceGroup?.name ?? (props.resourceGroupId ? ArmId.resourceGroupName(props.resourceGroupId) : '');
    this.location = props.location ?? props.resourceGroup?.location ?? '';
    v.region(props.location !== undefined ? 'location' : 'resourceGroup.location', props.location ?? props.resourceGroup?.location);
    const placement: Placement = { resourceGroupName: this.resourceGroupName, location: this.location, tags: props.tags };

    // --- names
    for (const [subject, value] of [['prefix', props.prefix], ['environment', props.environment]] as const) {
      if (value === undefined) continue;
      v.check(!isToken(value), () => ({ subject, value: '(a token)', rule: 'must be known at synth to derive names', fix: `pass a literal ${subject}` }));
      v.matches(subject, value, /^[a-zA-Z][a-zA-Z0-9-]{0,19}$/, 'must be 1-20 letters, digits and "-", starting with a letter',
        `use something like ${subject === 'prefix' ? '"churn"' : '"prod"'}`);
    }
    const parts = [props.prefix, props.environment ?? ''];
    const n = props.names ?? {};
    const { seed, suffix } = this.nameSeed(props, v);
    this.nameSuffix = suffix ?? stableSuffix(seed);
    const names = {
      workspace: n.workspace ?? NameBuilder.derive(NamingRules.ML_WORKSPACE, ['mlw', ...parts], seed),
      storageAccount: n.storageAccount ?? NameBuilder.derive(NamingRules.STORAGE_ACCOUNT, ['st', ...parts], seed, this.nameSuffix),
      keyVault: n.keyVault ?? NameBuilder.derive(NamingRules.KEY_VAULT, ['kv', ...parts], seed, this.nameSuffix),
      containerRegistry: n.containerRegistry ?? NameBuilder.derive(NamingRules.CONTAINER_REGISTRY, ['cr', ...parts], seed, this.nameSuffix),
      logAnalyticsWorkspace: n.logAnalyticsWorkspace ?? NameBuilder.derive(NamingRules.LOG_ANALYTICS_WORKSPACE, ['log', ...parts], seed),
      applicationInsights: n.applicationInsights ?? NameBuilder.derive(NamingRules.APPLICATION_INSIGHTS, ['appi', ...parts], seed),
      artifactContainer: n.artifactContainer ?? 'model-artifacts',
      artifactDatastore: n.artifactDatastore ?? 'model_artifacts',
    };
    v.name('names.workspace', names.workspace, NamingRules.ML_WORKSPACE);
    v.name('names.artifactContainer', names.artifactContainer, NamingRules.STORAGE_CONTAINER);
    v.name('names.artifactDatastore', names.artifactDatastore, NamingRules.DATASTORE);
    if (!props.storageAccount && !props.storageAccountId) v.name('names.storageAccount', names.storageAccount, NamingRules.STORAGE_ACCOUNT);
    if (!props.keyVault && !props.keyVaultId) v.name('names.keyVault', names.keyVault, NamingRules.KEY_VAULT);
    if (!props.containerRegistry && !props.containerRegistryId) v.name('names.containerRegistry', names.containerRegistry, NamingRules.CONTAINER_REGISTRY);
    if (!props.logAnalyticsWorkspace && !props.logAnalyticsWorkspaceId) v.name('names.logAnalyticsWorkspace', names.logAnalyticsWorkspace, NamingRules.LOG_ANALYTICS_WORKSPACE);
    if (!props.applicationInsights && !props.applicationInsightsId) v.name('names.applicationInsights', names.applicationInsights, NamingRules.APPLICATION_INSIGHTS);

    // --- brought dependencies: an object or an id, never both
    const brought: [string, unknown, string | undefined, string][] = [
      ['storageAccount', props.storageAccount, props.storageAccountId, 'Microsoft.Storage/storageAccounts'],
      ['keyVault', props.keyVault, props.keyVaultId, 'Microsoft.KeyVault/vaults'],
      ['containerRegistry', props.containerRegistry, props.containerRegistryId, 'Microsoft.ContainerRegistry/registries'],
      ['applicationInsights', props.applicationInsights, props.applicationInsightsId, 'Microsoft.Insights/components'],
      ['logAnalyticsWorkspace', props.logAnalyticsWorkspace, props.logAnalyticsWorkspaceId, 'Microsoft.OperationalInsights/workspaces'],
    ];
    for (const [what, object, armId, type] of brought) {
      v.check(object === undefined || armId === undefined, () => ({
        subject: `${what} / ${what}Id`, value: 'both set', rule: 'are alternatives', fix: `pass either the ${what} object or ${what}Id`,
      }));
      v.check(armId === undefined || isToken(armId) || ArmId.isOfType(armId, type), () => ({
        subject: `${what}Id`, value: renderValue(armId), rule: `must be the ARM id of a ${type}`,
        fix: `use /subscriptions/<sub>/resourceGroups/<rg>/providers/${type}/<name>`,
      }));
    }
    if (props.storageAccount) broughtStorageProblems(props.storageAccount).forEach(p => v.add(p));
    v.integer('softDeleteRetentionDays', props.softDeleteRetentionDays, { min: 1, max: 365 });
    v.integer('logRetentionInDays', props.logRetentionInDays, { min: 30, max: 730 });

    // --- identity and encryption
    v.check(systemAssigned || uai !== undefined, () => ({
      subject: 'systemAssignedIdentity', value: 'false', rule: 'leaves the workspace without an identity',
      fix: 'pass userAssignedIdentity, or leave systemAssignedIdentity unset',
    }));
    const cmk = props.customerManagedKey;
    const cmkIdentity = cmk?.identity ?? uai;
    const cmkVaultId = cmk?.keyVault?.id ?? cmk?.keyVaultId;
    if (cmk) {
      v.check(cmkIdentity !== undefined, () => ({
        subject: 'customerManagedKey.identity', value: '(not set)',
        rule: 'is required: the key must be readable before the workspace (and so its system-assigned identity) exists',
        fix: 'pass customerManagedKey.identity or userAssignedIdentity (a UserAssignedIdentity created before the workspace)',
      }));
      v.check((cmk.keyVault === undefined) !== (cmk.keyVaultId === undefined), () => ({
        subject: 'customerManagedKey.keyVault / keyVaultId', value: cmk.keyVault && cmk.keyVaultId ? 'both set' : '(neither set)',
        rule: 'exactly one must be given', fix: 'pass the KeyVault object that holds the key, or its ARM id',
      }));
      const purge = cmk.keyVault?.purgeProtectionEnabledInput;
      v.check(cmk.keyVault === undefined || purge === true || isToken(purge), () => ({
        subject: 'customerManagedKey.keyVault.purgeProtectionEnabled', value: renderValue(purge),
        rule: 'must be true: Azure ML refuses a key in a vault without purge protection (a purged key makes the workspace unreadable)',
        fix: 'set purgeProtectionEnabled: true on the KeyVault (it cannot be turned off again)',
      }));
      // The azapi body validator refuses a keyVaultArmId that is not an ARM id: refuse it here, naming the prop.
      v.check(cmk.keyVaultId === undefined || isToken(cmk.keyVaultId) || ArmId.isOfType(cmk.keyVaultId, 'Microsoft.KeyVault/vaults'), () => ({
        subject: 'customerManagedKey.keyVaultId', value: renderValue(cmk.keyVaultId), rule: 'must be the ARM id of a Key Vault',
        fix: 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>, or pass customerManagedKey.keyVault',
      }));
      v.matches('customerManagedKey.keyId', cmk.keyId, /^https:\/\/[^/]+\/keys\/[^/]+\/[^/]+$/,
        'must be a versioned Key Vault key URL', 'use the key\'s id, e.g. key.id: https://<vault>.vault.azure.net/keys/<name>/<version>');
    }

    // --- network
    networkProblems(props.managedNetwork, props.privateEndpoints).forEach(p => v.add(p));
    v.throwIfAny();
    checkOneDeclarationPerResource(this);

    this.warnOnReplacingProps(props);
    if (!publicAccess && props.privateEndpoints === undefined) {
      Annotations.of(this).addInfo('Public network access is off and there are no private endpoints: the workspace is managed through ARM, ' +
        'but studio, the SDK and artifact uploads need privateEndpoints (or publicNetworkAccess: true).');
    }

    // --- dependencies: created unless brought
    const la = props.logAnalyticsWorkspace;
    this.logAnalyticsWorkspace = la || props.logAnalyticsWorkspaceId ? undefined
      : createLogAnalytics(this, 'LogAnalytics', placement, names.logAnalyticsWorkspace, props.logRetentionInDays ?? 30);
    const logAnalyticsWorkspaceId = la?.id ?? props.logAnalyticsWorkspaceId ?? this.logAnalyticsWorkspace!.id;
    this.logAnalyticsWorkspaceId = logAnalyticsWorkspaceId;

    this.storageAccount = props.storageAccount || props.storageAccountId ? undefined
      : createStorageAccount(this, 'Storage', placement, {
        name: names.storageAccount, replication: props.storageReplication ?? StorageReplication.GZRS,
        softDeleteRetentionDays: props.softDeleteRetentionDays ?? 30,
      });
    this.storageAccountId = props.storageAccount?.id ?? props.storageAccountId ?? this.storageAccount!.id;
    const storageAccountName = props.storageAccount?.name ?? this.storageAccount?.name ?? ArmId.name(this.storageAccountId);

    this.keyVault = props.keyVault || props.keyVaultId ? undefined
      : createKeyVault(this, 'KeyVault', placement, names.keyVault, new DataAzurermClientConfig(this, 'ClientConfig').tenantId);
    this.keyVaultId = props.keyVault?.id ?? props.keyVaultId ?? this.keyVault!.id;

    this.containerRegistry = props.containerRegistry || props.containerRegistryId ? undefined
      : createContainerRegistry(this, 'ContainerRegistry', placement, names.containerRegistry);
    this.containerRegistryId = props.containerRegistry?.id ?? props.containerRegistryId ?? this.containerRegistry!.id;

    this.applicationInsights = props.applicationInsights || props.applicationInsightsId ? undefined
      : createApplicationInsights(this, 'ApplicationInsights', placement, names.applicationInsights, logAnalyticsWorkspaceId);
    this.applicationInsightsId = props.applicationInsights?.id ?? props.applicationInsightsId ?? this.applicationInsights!.id;

    this.artifactContainer = new StorageContainer(this, 'ArtifactContainer', {
      name: names.artifactContainer,
      // By ARM id, so the container is managed through Azure Resource Manager, not the (private) blob endpoint.
      storageAccountId: this.storageAccountId,
      containerAccessType: 'private',
    });

    // --- role assignments the workspace needs before it exists
    const before: ITerraformDependable[] = [];
    if (uai) {
      const ws = principalOf(uai, 'workspace-identity');
      const grants: [string, string, BuiltInRole[]][] = [
        ['Storage', this.storageAccountId, [BuiltInRole.CONTRIBUTOR, BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, BuiltInRole.STORAGE_FILE_DATA_PRIVILEGED_CONTRIBUTOR]],
        ['KeyVault', this.keyVaultId, [BuiltInRole.CONTRIBUTOR, BuiltInRole.KEY_VAULT_ADMINISTRATOR]],
        ['ContainerRegistry', this.containerRegistryId, [BuiltInRole.CONTRIBUTOR]],
        ['ApplicationInsights', this.applicationInsightsId, [BuiltInRole.CONTRIBUTOR]],
      ];
      for (const [what, scopeId, roles] of grants) {
        const holder = new Construct(this, `IdentityGrants${what}`);
        roles.forEach(role => before.push(grantRole(holder, scopeId, role, ws, 'Azure ML workspace identity')));
      }
    }
    if (cmk && cmkIdentity && cmkVaultId) {
      const holder = new Construct(this, 'IdentityGrantsEncryptionKey');
      before.push(grantRole(holder, cmkVaultId, BuiltInRole.KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
        principalOf(cmkIdentity, 'encryption-identity'), 'Azure ML workspace customer-managed key'));
    }

    // --- the workspace
    const properties: { [key: string]: any } = {
      friendlyName: props.friendlyName ?? names.workspace,
      ...(props.description !== undefined ? { description: props.description } : {}),
      storageAccount: this.storageAccountId,
      keyVault: this.keyVaultId,
      containerRegistry: this.containerRegistryId,
      applicationInsights: this.applicationInsightsId,
      publicNetworkAccess: publicAccess ? 'Enabled' : 'Disabled',
      // A v1 setting that would let public traffic in through a VNet-bound workspace.
      allowPublicAccessWhenBehindVnet: false,
      // Datastores are reached with Entra ID identities, never with storage account keys (which are disabled).
      systemDatastoresAuthMode: 'Identity',
      v1LegacyMode: false,
      hbiWorkspace: props.highBusinessImpact ?? false,
      // Lazy: deployments serving a private registry's versions add their outbound rule after construction.
      managedNetwork: Lazy.anyValue({ produce: () => managedNetworkBody({ ...props.managedNetwork, outboundRules: this.outboundRules }) }),
      ...(uai ? { primaryUserAssignedIdentity: uai.identityId } : {}),
      // Resolved at synth, after compute clusters are added: see imageBuildComputeName.
      imageBuildCompute: Lazy.stringValue({ produce: () => this.imageBuildComputeName }),
    };
    if (cmk && cmkIdentity && cmkVaultId) {
      properties.encryption = {
        status: 'Enabled',
        identity: { userAssignedIdentity: cmkIdentity.identityId },
        keyVaultProperties: {
          keyVaultArmId: cmkVaultId,
          keyIdentifier: cmk.keyId,
          ...(cmkIdentity.clientId !== undefined ? { identityClientId: cmkIdentity.clientId } : {}),
        },
      };
    }
    const identityIds = new Set([uai?.identityId, cmkIdentity?.identityId].filter((x): x is string => x !== undefined));
    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('workspaces'),
      name: names.workspace,
      parentId: rgId,
      location: this.location,
      tags: props.tags,
      identity: identityIds.size === 0 ? identityBlock(true)
        : { type: systemAssigned ? 'SystemAssigned, UserAssigned' : 'UserAssigned', identityIds: [...identityIds] },
      body: { kind: 'Default', sku: { name: 'Basic', tier: 'Basic' }, properties },
      responseExportValues: ['properties.mlFlowTrackingUri'],
      dependsOn: dependenciesWithin(this, before),
    });
    this.node.addValidation({ validate: () => kindOnlyProblems(this, this.resource) });
    this.node.addValidation({ validate: () => this.imageBuildProblems() });

    this.workspaceId = this.resource.id;
    this.workspaceName = names.workspace;
    this.managedNetworkIsolationMode = isolation.value;
    this.imageBuildCompute = props.imageBuildCompute;
    this.containerRegistryPrivate = props.containerRegistry ? props.containerRegistry.publicNetworkAccessEnabledInput === false
      : props.containerRegistryId === undefined;
    this.managedNetworkReady = this.provisionManagedNetwork(isolation);
    this.mlflowTrackingUri = this.resource.outputString('properties.mlFlowTrackingUri');
    this.principalId = systemAssigned ? this.resource.identityPrincipalId : uai!.principalId;
    this.principal = systemAssigned
      ? { principalId: this.resource.identityPrincipalId, principalType: 'ServicePrincipal', principalKey: `${names.workspace}-identity`, owner: this }
      : principalOf(uai!, `${isToken(names.workspace) ? this.node.id : names.workspace}-identity`, this);

    // --- the artifact datastore: identity-based, so uploads and reads use the caller's Entra ID identity
    this.artifactDatastore = new AzapiResource(this, 'ArtifactDatastore', {
      type: mlType('workspaces/datastores'),
      name: names.artifactDatastore,
      parentId: this.workspaceId,
      body: {
        properties: {
          datastoreType: 'AzureBlob',
          description: 'Model and code artifacts uploaded by cdktf-azure-mlops',
          accountName: storageAccountName,
          containerName: names.artifactContainer,
          // Literal where known (a created account lives in the workspace's resource group), so plans stay readable.
          subscriptionId: ArmId.subscriptionId(this.storageAccount ? rgId : this.storageAccountId),
          resourceGroup: this.storageAccount ? this.resourceGroupName : ArmId.resourceGroupName(this.storageAccountId),
          endpoint: 'core.windows.net',
          protocol: 'https',
          credentials: { credentialsType: 'None' },
          serviceDataAccessAuthIdentity: systemAssigned ? 'WorkspaceSystemAssignedIdentity' : 'WorkspaceUserAssignedIdentity',
        },
      },
      dependsOn: dependenciesWithin(this, [this.artifactContainer]),
    });
    this.artifactStore = {
      storageAccountId: this.storageAccountId,
      storageAccountName,
      containerName: names.artifactContainer,
      datastoreName: names.artifactDatastore,
      container: this.artifactContainer,
    };

    // --- private endpoints into the user's VNet
    this.privateEndpoints = [];
    if (props.privateEndpoints) {
      const pe = new PrivateEndpoints(this, 'PrivateEndpoints', props.privateEndpoints, placement);
      this.privateEndpoints.push(pe.add('Workspace', names.workspace, this.workspaceId, 'amlworkspace', ['workspaceApi', 'workspaceNotebooks']));
      if (this.storageAccount) {
        this.privateEndpoints.push(pe.add('StorageBlob', names.storageAccount, this.storageAccount.id, 'blob', ['blob']));
        this.privateEndpoints.push(pe.add('StorageFile', names.storageAccount, this.storageAccount.id, 'file', ['file']));
      }
      if (this.keyVault) this.privateEndpoints.push(pe.add('KeyVault', names.keyVault, this.keyVault.id, 'vault', ['vault']));
      if (this.containerRegistry) this.privateEndpoints.push(pe.add('ContainerRegistry', names.containerRegistry, this.containerRegistry.id, 'registry', ['registry']));
    }

    // --- diagnostics
    if (props.diagnosticSettings ?? true) {
      sendDiagnostics(this, 'Diagnostics', this.workspaceId, logAnalyticsWorkspaceId, ['AllMetrics']);
      if (this.storageAccount) {
        // Blob logs live on the blob service; its metric categories are Transaction and Capacity (no AllMetrics).
        sendDiagnostics(this.storageAccount, 'BlobDiagnostics', `${this.storageAccount.id}/blobServices/default`,
          logAnalyticsWorkspaceId, ['Transaction']);
      }
      if (this.keyVault) sendDiagnostics(this.keyVault, 'Diagnostics', this.keyVault.id, logAnalyticsWorkspaceId, ['AllMetrics']);
      if (this.containerRegistry) sendDiagnostics(this.containerRegistry, 'Diagnostics', this.containerRegistry.id, logAnalyticsWorkspaceId, ['AllMetrics']);
    }

    // --- protection
    protect(this, 'Lock', this.resource, 'Azure ML workspace', protection, protection.lockWorkspace);
    if (this.storageAccount) protect(this.storageAccount, 'Lock', this.storageAccount, 'artifact storage account', protection, protection.lockDependencies);
    if (this.keyVault) protect(this.keyVault, 'Lock', this.keyVault, 'Key Vault', protection, protection.lockDependencies);
    if (this.containerRegistry) protect(this.containerRegistry, 'Lock', this.containerRegistry, 'container registry', protection, protection.lockDependencies);
  }

  /**
   * Adds an AmlCompute cluster to this workspace: local auth off, no public node IPs, scales to zero. The first one
   * also builds environment images when the container registry is private (see `imageBuildCompute`).
   */
  public addComputeCluster(id: string, options: ComputeClusterOptions = {}): ComputeCluster {
    const cluster = new ComputeCluster(this, id, { ...options, workspace: this });
    this.clusters.push(cluster);
    return cluster;
  }

  /**
   * Lets registry `registryId` into the storage account this workspace created, so its versions can be shared
   * (`publish`) into the registry. Azure's data exfiltration protection refuses sharing from a storage account that
   * refuses public access; the fix Azure documents is public network access "Enabled from selected virtual networks
   * and IP addresses" (azurerm: `public_network_access_enabled = true` with `network_rules.default_action = "Deny"`,
   * so every other caller is still refused) plus a resource instance rule for the registry
   * (`network_rules.private_link_access`, resource type `Microsoft.MachineLearningServices/registries`; the tenant
   * defaults to the provider's).
   * https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry
   *
   * | Storage | What happens |
   * |---|---|
   * | created by this workspace | the rule is added (once per registry); public access becomes "selected networks" |
   * | brought (`storageAccount` / `storageAccountId`) | ERROR: the library does not change what it did not create |
   */
  public allowRegistryInstance(registryId: string): void {
    if (this.storageAccount === undefined) {
      throw new MlopsValidationError(this.node.path, 'promotion into a registry', [{
        subject: this.storageBroughtAs ?? 'storageAccount', value: renderValue(registryId),
        rule: 'is a brought storage account, and sharing a workspace version into registry ' + renderValue(registryId) +
          ' is refused by Azure while the storage refuses public access, unless a resource instance rule allows the registry in ' +
          '(https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry)',
        fix: 'on the storage account, set public network access to "Enabled from selected virtual networks and IP addresses" ' +
          '(azurerm: public_network_access_enabled = true, network_rules { default_action = "Deny", private_link_access { ' +
          'endpoint_resource_id = <registry id> } }), and import the workspace with Workspace.fromWorkspaceAttributes ' +
          '(which leaves its storage to you); or let the Workspace create its storage',
      }]);
    }
    if (this.allowedRegistryIds.includes(registryId)) return;
    if (this.allowedRegistryIds.length === 0) {
      // The documented exception to the secure baseline (MLOPS-ST-1), carried in the policy report with its reason.
      recordPolicySuppression(this.storageAccount, 'MLOPS-ST-1', 'public network access is "selected networks" ' +
        '(default action Deny, no IP or subnet rules) with a resource instance rule for the registry: Azure refuses to ' +
        'share workspace versions into a registry otherwise (how-to-registry-network-isolation)');
    }
    this.allowedRegistryIds.push(registryId);
    this.storageAccount.publicNetworkAccessEnabled = true;
    this.storageAccount.putNetworkRules({
      defaultAction: 'Deny',
      bypass: ['AzureServices'],
      privateLinkAccess: this.allowedRegistryIds.map(endpointResourceId => ({ endpointResourceId })),
    });
  }

  /**
   * Adds an outbound rule to the managed network (once per name: the same rule again is a no-op; another rule with
   * the same name fails). Fails when the workspace has no managed network.
   */
  public addOutboundRule(rule: OutboundRule): void {
    checkArgs(`${this.node.path} addOutboundRule`, { rule }, { rule: S.ref('OutboundRule', ['name', 'ruleType'], 'use OutboundRule.fqdn(...), .privateEndpoint(...) or .serviceTag(...)').req });
    const v = new Validator(this, 'call to addOutboundRule');
    v.check(this.isolation.isolated, () => ({
      subject: `outbound rule '${rule.name}'`, value: renderValue(rule.toBody()),
      rule: 'needs a managed network, and managedNetwork.isolationMode is Disabled',
      fix: 'set managedNetwork.isolationMode to AllowInternetOutbound or AllowOnlyApprovedOutbound, or connect your own VNet to the target with a private endpoint',
    }));
    const same = this.outboundRules.find(r => r.name === rule.name);
    v.check(same === undefined || JSON.stringify(same.toBody()) === JSON.stringify(rule.toBody()), () => ({
      subject: `outbound rule '${rule.name}'`, value: renderValue(rule.toBody()),
      rule: `has the name of another rule (${renderValue(same?.toBody())})`, fix: 'give the rule another name',
    }));
    v.throwIfAny();
    if (same === undefined) this.outboundRules.push(rule);
  }

  /**
   * The seed (or explicit suffix) of the globally unique default names: storage account, Key Vault, container
   * registry. Never the construct path, which changes when the workspace is renamed or moved (and a new name replaces
   * storage, Key Vault and ACR: data loss). Each input below already replaces every resource when changed, so seeding
   * by it adds no new replacement:
   *
   * | Input | Contributes |
   * |---|---|
   * | `nameSuffix` | the suffix itself, instead of a hash |
   * | `names.legacyConstructPath` | the seed of versions up to 0.1.0 (`<path>\|<prefix>\|<environment>`), to keep old names |
   * | prefix, environment | always (they must be literals) |
   * | resource group name | when a literal: `resourceGroup.name` as given, or the name in a literal `resourceGroupId` |
   * | location | when a literal, without case or spaces |
   * | anything known only at apply (a token) | nothing, and a warning when it is the resource group name |
   *
   * The subscription is left out: the same resource group, given as an object (subscription unknown) or by ARM id
   * (subscription literal), must keep its names. Two subscriptions with the same inputs use `nameSuffix`.
   */
  private nameSeed(props: WorkspaceProps, v: Validator): { seed: string; suffix?: string } {
    const legacyPath = props.names?.legacyConstructPath;
    v.check(props.nameSuffix === undefined || legacyPath === undefined, () => ({
      subject: 'nameSuffix / names.legacyConstructPath', value: 'both set', rule: 'are alternatives',
      fix: 'keep legacyConstructPath to keep names derived by version 0.1.0, or nameSuffix to choose the suffix',
    }));
    if (props.nameSuffix !== undefined) {
      v.check(!isToken(props.nameSuffix), () => ({ subject: 'nameSuffix', value: '(a token)', rule: 'must be known at synth to derive names', fix: 'pass a literal, e.g. "x7k2"' }));
      v.matches('nameSuffix', props.nameSuffix, /^[a-z0-9]{1,8}$/, 'must be 1-8 lowercase letters and digits (it ends storage account names)', 'use something like "x7k2"');
    }
    if (legacyPath !== undefined) {
      v.check(!isToken(legacyPath) && legacyPath.length > 0, () => ({
        subject: 'names.legacyConstructPath', value: renderValue(legacyPath), rule: 'must be the literal construct path the workspace had',
        fix: 'pass the path that prefixes the workspace\'s resources in the old cdk.tf.json, e.g. "prod/Workspace"',
      }));
      return { seed: `${legacyPath}|${props.prefix}|${props.environment ?? ''}` };
    }
    const rgName = props.resourceGroup ? props.resourceGroup.nameInput
      : props.resourceGroupId && !isToken(props.resourceGroupId) ? ArmId.resourceGroupName(props.resourceGroupId) : undefined;
    const location = [props.location, props.resourceGroup?.locationInput].find(l => l !== undefined && !isToken(l));
    const seed = NameBuilder.seed([props.prefix, props.environment ?? '', rgName ?? '', location ?? '']);
    const n = props.names ?? {};
    const derivesUnique = (!n.storageAccount && !props.storageAccount && !props.storageAccountId)
      || (!n.keyVault && !props.keyVault && !props.keyVaultId)
      || (!n.containerRegistry && !props.containerRegistry && !props.containerRegistryId);
    if (props.nameSuffix === undefined && derivesUnique && (rgName === undefined || isToken(rgName))) {
      Annotations.of(this).addWarning('The resource group name is known only at apply, so the default globally unique names ' +
        '(storage account, Key Vault, container registry) are seeded by prefix, environment and location alone: another ' +
        'deployment with the same ones derives the same names, and its apply fails. ' +
        `Set nameSuffix (e.g. "${stableSuffix(seed)}", the suffix derived now) or explicit names.`);
    }
    return { seed, suffix: props.nameSuffix };
  }

  /** Loud warnings for props whose later change replaces the workspace. */
  /**
   * Records that an online deployment needs environment images built in this workspace (every managed online
   * deployment does: Azure ML builds the image it runs, MLflow ones included). @internal
   */
  public _requireImageBuild(requester: string): void {
    this.imageBuildRequesters.push(requester);
  }

  /**
   * What `properties.imageBuildCompute` is: the prop, else the first compute cluster when the container registry is
   * private (Azure ML cannot build images in it directly:
   * https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-image-builds), else none.
   */
  private get imageBuildComputeName(): string | undefined {
    if (this.imageBuildCompute !== undefined) return this.imageBuildCompute;
    return this.containerRegistryPrivate ? this.clusters[0]?.computeName : undefined;
  }

  private imageBuildProblems(): string[] {
    if (this.imageBuildComputeName !== undefined || !this.containerRegistryPrivate || this.imageBuildRequesters.length === 0) return [];
    const v = new Validator(this, 'image builds');
    v.add({
      subject: 'imageBuildCompute', value: '(not set, and no compute cluster)',
      rule: `is required: the workspace's container registry is closed to the public network, so Azure ML cannot build the ` +
        `images of online deployment(s) ${this.imageBuildRequesters.map(r => `'${r}'`).join(', ')} without a compute ` +
        '(https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-image-builds)',
      fix: 'add a compute cluster to the workspace (workspace.addComputeCluster(\'image-build\', { maxNodes: 1 }) scales to zero ' +
        'when idle), or set imageBuildCompute to the name of an existing compute',
    });
    return v.toMessages();
  }

  /**
   * A managed network is created only when the first compute is, or when provisioning is asked for; an online
   * deployment created before that fails. `POST <workspace>/provisionManagedNetwork` asks for it (idempotent: a
   * provisioned network stays as it is), and online deployments in this stack depend on the action.
   * https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#manually-provision-a-managed-vnet
   * (REST: ManagedNetworkProvisions_ProvisionManagedNetwork, body ManagedNetworkProvisionOptions; the vendored Azure
   * types hold resource types only, so this body is not checked against them.)
   */
  private provisionManagedNetwork(isolation: IsolationMode): AzapiResourceAction | undefined {
    if (isolation.value === IsolationMode.DISABLED.value) return undefined;
    return new AzapiResourceAction(this, 'ProvisionManagedNetwork', {
      type: mlType('workspaces'),
      resourceId: this.workspaceId,
      action: 'provisionManagedNetwork',
      method: 'POST',
      // Spark (serverless Spark jobs) is provisioned separately; online endpoints do not need it.
      body: { includeSpark: false },
    });
  }

  private warnOnReplacingProps(props: WorkspaceProps): void {
    const replacing: [string, boolean][] = [
      ['customerManagedKey', props.customerManagedKey !== undefined],
      ['highBusinessImpact', props.highBusinessImpact === true],
      ['storageAccount', props.storageAccount !== undefined || props.storageAccountId !== undefined],
      ['keyVault', props.keyVault !== undefined || props.keyVaultId !== undefined],
      ['containerRegistry', props.containerRegistry !== undefined || props.containerRegistryId !== undefined],
      ['applicationInsights', props.applicationInsights !== undefined || props.applicationInsightsId !== undefined],
    ];
    for (const [prop, set] of replacing) {
      if (!set) continue;
      Annotations.of(this).addWarning(`${prop} is set: changing or removing it later REPLACES the workspace. ` +
        'The old workspace is soft-deleted and its name stays blocked for 14 days; runs, models and endpoints in it do not move. ' +
        'Decide it once, before the first apply.');
    }
  }
}

/** Problems with Hub/Project/FeatureStore-only properties on the final body, including escape-hatch overrides. */
function kindOnlyProblems(scope: Construct, resource: AzapiResource): string[] {
  const tf = Tokenization.resolve(resource.toTerraform(), { scope: resource, preparing: false, resolver: RESOLVER });
  const config = Object.values(tf?.resource?.azapi_resource ?? {})[0] as { body?: { kind?: string; properties?: Record<string, unknown> } } | undefined;
  const kind = config?.body?.kind ?? 'Default';
  const v = new Validator(scope, 'workspace body');
  for (const [property, onlyKind] of Object.entries(KIND_ONLY_PROPERTIES)) {
    const value = config?.body?.properties?.[property];
    v.check(value === undefined || kind === onlyKind, () => ({
      subject: `body.properties.${property}`, value: renderValue(value),
      rule: `is only valid on a ${onlyKind} workspace, and this workspace's kind is ${kind}`,
      fix: `remove the override of ${property}: this construct creates Default workspaces`,
    }));
  }
  return v.toMessages();
}
