import { Construct, IConstruct } from 'constructs';
import { Annotations, Fn, ITerraformDependable, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { MlopsValidationError, renderValue } from '../core/errors';
import { BuiltInRole, grantRole, IPrincipal } from '../core/rbac';
import { isToken } from '../core/validation';
import { CodeAsset, CodeAssetOptions } from '../assets/code-asset';
import { DataAsset, DataAssetOptions } from '../assets/data-asset';
import { Environment, EnvironmentOptions } from '../assets/environment';
import { Model, ModelOptions } from '../assets/model';
import { OutboundRule } from './network';
import { checkArgs, S } from '../core/shape';

/** Where this library uploads artifacts (models, code) for a workspace: a blob container behind a datastore. */
export interface ArtifactStoreAttributes {
  readonly storageAccountId: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** The workspace datastore over the container: artifact URIs are `azureml://datastores/<name>/paths/...`. */
  readonly datastoreName: string;
  /**
   * What must exist before a blob is written into the container (the container, when this library creates it):
   * uploads name the container by its name, which Terraform cannot order by.
   * @default - nothing: the container already exists (an imported workspace's)
   */
  readonly container?: ITerraformDependable;
}

/** An Azure ML workspace, created by this library or imported. */
export interface IWorkspace extends IConstruct {
  /** The ARM id of the workspace. */
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Where local model and code files are uploaded. @default - none for imported workspaces unless given */
  readonly artifactStore?: ArtifactStoreAttributes;
  /** The workspace's default storage account id, if known. */
  readonly storageAccountId?: string;
  /** The workspace's container registry id, if known (endpoint identities need AcrPull on it). */
  readonly containerRegistryId?: string;
  /** The workspace's Application Insights id, if known. */
  readonly applicationInsightsId?: string;
  /** The principal id of the workspace's system-assigned identity, if known. */
  readonly principalId?: string;
  /** The workspace's Key Vault id, if known. */
  readonly keyVaultId?: string;
  /**
   * The Log Analytics workspace the workspace sends its logs to, if known: online endpoints in the workspace send
   * theirs there too.
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * The managed network isolation mode (`Disabled`, `AllowInternetOutbound`, `AllowOnlyApprovedOutbound`), if known.
   * Compute clusters use it to tell whether nodes without public IPs can reach anything.
   */
  readonly managedNetworkIsolationMode?: string;
  /**
   * What provisions the workspace's managed network, when this app does: online deployments depend on it, because
   * Azure ML refuses an online deployment before the managed network exists.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#manually-provision-a-managed-vnet
   */
  readonly managedNetworkReady?: ITerraformDependable;
  /**
   * The suffix of the workspace's globally unique default names, when this library derived them. Endpoints in the
   * workspace seed their default names with it, so two deployments told apart by `nameSuffix` do not share endpoint
   * names either. @default - none for imported workspaces
   */
  readonly nameSuffix?: string;

  /** Grants `role` on the workspace to `principal`. */
  grant(principal: IPrincipal, role: BuiltInRole): RoleAssignment;
  /** AzureML Data Scientist: everything in the workspace but managing compute and the workspace itself. */
  grantDataScientist(principal: IPrincipal): RoleAssignment;
  /** AzureML Compute Operator: create, manage and delete compute. */
  grantComputeOperator(principal: IPrincipal): RoleAssignment;
  /** Reader: read-only access. */
  grantReader(principal: IPrincipal): RoleAssignment;
  /** Storage Blob Data Reader on the artifact container (e.g. for an endpoint identity that loads models). */
  grantArtifactStoreRead(principal: IPrincipal): RoleAssignment;
  /** Storage Blob Data Contributor on the artifact container (e.g. for a pipeline that uploads models). */
  grantArtifactStoreWrite(principal: IPrincipal): RoleAssignment;
  /** AcrPull on the workspace's container registry (e.g. for an endpoint identity). */
  grantContainerRegistryPull(principal: IPrincipal): RoleAssignment;

  /**
   * Lets the registry `registryId` into the workspace's storage account, so that a version of this workspace can be
   * shared (`publish`) into it: Azure's data exfiltration protection blocks sharing from a storage account that refuses
   * public access unless a resource instance rule names the registry. A created workspace adds the rule to the storage
   * account it created (and sets its public network access to "enabled from selected networks", still denying
   * everything else); an imported workspace only warns (its storage is its owner's). What `ModelSource.fromWorkspaceModel`
   * calls; the id must be readable in the workspace's stack.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry
   */
  allowRegistryInstance(registryId: string): void;
  /**
   * Adds an outbound rule to the workspace's managed network (a created workspace with a managed network only): what a
   * deployment serving a version of a private registry adds (a PrivateEndpoint rule to the registry, `amlregistry`).
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#private-endpoint-outbound-rules
   */
  addOutboundRule(rule: OutboundRule): void;

  /** Declares a model (a container of versions) in the workspace: `workspace.addModel('churn').addVersion('3', {...})`. */
  addModel(id: string, options?: ModelOptions): Model;
  /** Declares an environment (a container of environment versions) in the workspace. */
  addEnvironment(id: string, options?: EnvironmentOptions): Environment;
  /** Declares a data asset (a container of data versions) in the workspace. */
  addDataAsset(id: string, options: DataAssetOptions): DataAsset;
  /** Declares a code asset (a container of code versions, e.g. scoring scripts) in the workspace. */
  addCode(id: string, options?: CodeAssetOptions): CodeAsset;
}

/** Attributes of an existing workspace, for `Workspace.fromWorkspaceAttributes`. */
export interface WorkspaceAttributes {
  readonly workspaceId: string;
  /** @default - the last segment of workspaceId */
  readonly workspaceName?: string;
  /** @default - from workspaceId */
  readonly resourceGroupName?: string;
  readonly location: string;
  /** @default - local files cannot be uploaded to this workspace */
  readonly artifactStore?: ArtifactStoreAttributes;
  /** @default - unknown: deployments cannot be granted blob read on it */
  readonly storageAccountId?: string;
  /** @default - unknown: endpoint identities are not granted AcrPull */
  readonly containerRegistryId?: string;
  /** @default - unknown */
  readonly applicationInsightsId?: string;
  /** @default - unknown */
  readonly principalId?: string;
  /** @default - unknown */
  readonly keyVaultId?: string;
  /**
   * The Log Analytics workspace the workspace's logs go to.
   * @default - unknown: online endpoints in the workspace send their logs nowhere unless given their own destination
   */
  readonly logAnalyticsWorkspaceId?: string;
  /** @default - unknown: compute clusters do not check their network reachability */
  readonly managedNetworkIsolationMode?: string;
}

/** What every workspace, created or imported, can do. */
export abstract class WorkspaceBase extends Construct implements IWorkspace {
  public abstract readonly workspaceId: string;
  public abstract readonly workspaceName: string;
  public abstract readonly resourceGroupName: string;
  public abstract readonly location: string;
  public abstract readonly artifactStore?: ArtifactStoreAttributes;
  public abstract readonly storageAccountId?: string;
  public abstract readonly containerRegistryId?: string;
  public abstract readonly applicationInsightsId?: string;
  public abstract readonly principalId?: string;
  public abstract readonly keyVaultId?: string;
  public abstract readonly logAnalyticsWorkspaceId?: string;
  public abstract readonly managedNetworkIsolationMode?: string;
  public abstract readonly managedNetworkReady?: ITerraformDependable;
  public abstract readonly nameSuffix?: string;

  public grant(principal: IPrincipal, role: BuiltInRole): RoleAssignment {
    return grantRole(this, this.workspaceId, role, principal);
  }

  public grantDataScientist(principal: IPrincipal): RoleAssignment {
    return this.grant(principal, BuiltInRole.AZUREML_DATA_SCIENTIST);
  }

  public grantComputeOperator(principal: IPrincipal): RoleAssignment {
    return this.grant(principal, BuiltInRole.AZUREML_COMPUTE_OPERATOR);
  }

  public grantReader(principal: IPrincipal): RoleAssignment {
    return this.grant(principal, BuiltInRole.READER);
  }

  public grantArtifactStoreRead(principal: IPrincipal): RoleAssignment {
    return grantRole(this, this.artifactContainerScope('grantArtifactStoreRead'), BuiltInRole.STORAGE_BLOB_DATA_READER, principal);
  }

  public grantArtifactStoreWrite(principal: IPrincipal): RoleAssignment {
    return grantRole(this, this.artifactContainerScope('grantArtifactStoreWrite'), BuiltInRole.STORAGE_BLOB_DATA_CONTRIBUTOR, principal);
  }

  public grantContainerRegistryPull(principal: IPrincipal): RoleAssignment {
    if (this.containerRegistryId === undefined) {
      throw unknownAttribute(this, 'grantContainerRegistryPull', 'containerRegistryId');
    }
    return grantRole(this, this.containerRegistryId, BuiltInRole.ACR_PULL, principal);
  }

  /** The ARM id of the artifact blob container: the narrowest scope for artifact grants. */
  private artifactContainerScope(method: string): string {
    const store = this.artifactStore;
    if (store === undefined) throw unknownAttribute(this, method, 'artifactStore');
    const parts = [store.storageAccountId, 'blobServices/default/containers', store.containerName];
    // A Terraform join rather than string interpolation, so the role definition id can split it in Terraform.
    return isToken(store.storageAccountId) || isToken(store.containerName) ? Token.asString(Fn.join('/', parts)) : parts.join('/');
  }

  /** An imported workspace's storage is its owner's: the library cannot add the rule, so it says what to do. */
  public allowRegistryInstance(registryId: string): void {
    Annotations.of(this).addWarning(`Sharing a version of workspace '${this.node.path}' into registry ${renderValue(registryId)} ` +
      'is refused by Azure while the workspace\'s storage account refuses public access, unless the storage allows the ' +
      'registry in: set the account\'s public network access to "Enabled from selected virtual networks and IP addresses" ' +
      'and add a resource instance rule (resource type Microsoft.MachineLearningServices/registries, this registry) where ' +
      'the storage is managed ' +
      '(https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry).');
  }

  /** An imported workspace's managed network is its owner's: fails with the fix. */
  public addOutboundRule(rule: OutboundRule): void {
    checkArgs(`${this.node.path} addOutboundRule`, { rule }, { rule: S.ref('OutboundRule', ['name', 'ruleType'], 'use OutboundRule.fqdn(...), .privateEndpoint(...) or .serviceTag(...)').req });
    throw new MlopsValidationError(this.node.path, 'call to addOutboundRule', [{
      subject: `outbound rule '${rule.name}'`, value: renderValue(rule.toBody()),
      rule: 'cannot be added to an imported workspace: its managed network is declared where the workspace is created',
      fix: 'add the rule (e.g. OutboundRule.privateEndpoint(name, registryId, \'amlregistry\')) to managedNetwork.outboundRules ' +
        'of the Workspace that creates it, or create it with `az ml workspace outbound-rule set`',
    }]);
  }

  public addModel(id: string, options: ModelOptions = {}): Model {
    return Model.inWorkspace(this, id, options);
  }

  public addEnvironment(id: string, options: EnvironmentOptions = {}): Environment {
    return Environment.inWorkspace(this, id, options);
  }

  public addDataAsset(id: string, options: DataAssetOptions): DataAsset {
    return DataAsset.inWorkspace(this, id, options);
  }

  public addCode(id: string, options: CodeAssetOptions = {}): CodeAsset {
    return CodeAsset.inWorkspace(this, id, options);
  }
}

function unknownAttribute(scope: Construct, method: string, attribute: string): MlopsValidationError {
  return new MlopsValidationError(scope.node.path, `call to ${method}`, [{
    subject: attribute, value: '(not set)',
    rule: `is unknown for this workspace, so ${method} has no scope to grant on`,
    fix: `import the workspace with Workspace.fromWorkspaceAttributes(scope, id, { ..., ${attribute} }) or create it with new Workspace()`,
  }]);
}
