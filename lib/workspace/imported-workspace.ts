import { Construct } from 'constructs';
import { ITerraformDependable } from 'cdktf';
import { ArmId } from '../core/arm-id';
import { checkShape, childId } from '../core/shape';
import { isToken, Validator } from '../core/validation';
import { WORKSPACE_ATTRIBUTES } from './shapes';
import { ArtifactStoreAttributes, WorkspaceAttributes, WorkspaceBase } from './workspace-base';

/** A workspace that exists already (created elsewhere), referenced by id. */
export class ImportedWorkspace extends WorkspaceBase {
  public readonly workspaceId: string;
  public readonly workspaceName: string;
  public readonly resourceGroupName: string;
  public readonly location: string;
  public readonly artifactStore?: ArtifactStoreAttributes;
  public readonly storageAccountId?: string;
  public readonly containerRegistryId?: string;
  public readonly applicationInsightsId?: string;
  public readonly principalId?: string;
  public readonly keyVaultId?: string;
  public readonly logAnalyticsWorkspaceId?: string;
  public readonly managedNetworkIsolationMode?: string;
  /** An imported workspace's managed network is provisioned by whoever created it. */
  public readonly managedNetworkReady?: ITerraformDependable = undefined;
  /** Undefined: an imported workspace's names were not derived here. */
  public readonly nameSuffix?: string = undefined;

  constructor(scope: Construct, id: string, attrs: WorkspaceAttributes) {
    super(scope, childId(scope, id, 'workspace'));
    checkShape(this, 'workspace attributes', attrs, WORKSPACE_ATTRIBUTES);
    const v = new Validator(this, 'workspace attributes');
    v.region('location', attrs.location);
    v.check(isToken(attrs.workspaceId) || ArmId.isOfType(attrs.workspaceId, 'Microsoft.MachineLearningServices/workspaces'), () => ({
      subject: 'workspaceId', value: JSON.stringify(attrs.workspaceId),
      rule: 'must be the ARM id of an Azure ML workspace',
      fix: 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<name>',
    }));
    v.throwIfAny();
    this.workspaceId = attrs.workspaceId;
    this.workspaceName = attrs.workspaceName ?? ArmId.name(attrs.workspaceId);
    this.resourceGroupName = attrs.resourceGroupName ?? ArmId.resourceGroupName(attrs.workspaceId);
    this.location = attrs.location;
    this.artifactStore = attrs.artifactStore;
    this.storageAccountId = attrs.storageAccountId;
    this.containerRegistryId = attrs.containerRegistryId;
    this.applicationInsightsId = attrs.applicationInsightsId;
    this.principalId = attrs.principalId;
    this.keyVaultId = attrs.keyVaultId;
    this.logAnalyticsWorkspaceId = attrs.logAnalyticsWorkspaceId;
    this.managedNetworkIsolationMode = attrs.managedNetworkIsolationMode;
  }
}
