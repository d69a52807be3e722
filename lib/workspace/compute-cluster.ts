import { Construct } from 'constructs';
import { AzapiResource } from '../bindings/azapi/resource';
import { mlType } from '../core/api-versions';
import { NamingRule, NamingRules } from '../core/naming';
import { IPrincipal, Principal } from '../core/rbac';
import { checkShape, childId } from '../core/shape';
import { isToken, Validator } from '../core/validation';
import { identityBlock, principalOf, UserAssignedIdentityAttributes } from './identity';
import { COMPUTE_CLUSTER_PROPS } from './shapes';
import { IWorkspace } from './workspace-base';

/** VM priority of a compute cluster's nodes. */
export class VmPriority {
  public static readonly DEDICATED = new VmPriority('Dedicated');
  /** Cheaper nodes that Azure may take back; for fault-tolerant training. */
  public static readonly LOW_PRIORITY = new VmPriority('LowPriority');
  public static of(value: string): VmPriority {
    return new VmPriority(value);
  }
  private constructor(public readonly value: string) {}
}

/** What `Workspace.addComputeCluster` takes. */
export interface ComputeClusterOptions {
  /**
   * The cluster's name in the workspace: 3-24 letters, digits and "-", starting with a letter, not ending in
   * "-" and digits (the Azure type's rule, stricter than the 32 characters the docs give).
   * @default - the construct id
   */
  readonly name?: string;
  /** @default "Standard_DS3_v2" @see https://learn.microsoft.com/azure/machine-learning/concept-compute-target#supported-vm-series-and-sizes */
  readonly vmSize?: string;
  /** @default VmPriority.DEDICATED */
  readonly vmPriority?: VmPriority;
  /** @default 0 - the cluster scales to zero when idle */
  readonly minNodes?: number;
  /** @default 4 */
  readonly maxNodes?: number;
  /** Idle time before a node is released. @default 120 */
  readonly idleSecondsBeforeScaleDown?: number;
  /**
   * A subnet of your VNet for the nodes. Not allowed when the workspace has a managed network (its nodes live there).
   * @default - the workspace's managed network
   */
  readonly subnetId?: string;
  /** @default - a system-assigned identity */
  readonly userAssignedIdentity?: UserAssignedIdentityAttributes;
  /**
   * Give nodes public IPs: a relaxation, needed only without a managed network and without a subnet.
   * @default false - nodes have no public IP
   */
  readonly nodePublicIp?: boolean;
  /** @default - none */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/** Props of a `ComputeCluster`: its options and the workspace it belongs to. */
export interface ComputeClusterProps extends ComputeClusterOptions {
  readonly workspace: IWorkspace;
}

/** The Azure type's name rule for computes (the docs' 32 characters are rejected by ARM). */
const COMPUTE_NAME: NamingRule = {
  ...NamingRules.COMPUTE,
  maxLength: 24,
  pattern: '^[a-zA-Z](?![a-zA-Z0-9-]*-\\d+$)[a-zA-Z0-9-]{2,23}$',
  description: 'letters, digits and "-", starting with a letter and not ending in "-" followed by digits',
};

/**
 * An Azure ML compute cluster (AmlCompute): local auth disabled, no public node IPs, scales to zero.
 *
 * Through azapi, though azurerm 4.55's `machine_learning_compute_cluster` could express these settings too (it
 * accepts no subnet with no public IP since hashicorp/terraform-provider-azurerm#28673): azapi keeps the cluster on
 * the workspace's api-version, checked against the same Azure types, with an explicit list of what replaces it.
 */
export class ComputeCluster extends Construct {
  public readonly resource: AzapiResource;
  public readonly computeName: string;
  /** The ARM id of the compute. */
  public readonly computeId: string;
  /** The identity the nodes run as, for grants (e.g. `workspace.grantArtifactStoreRead(cluster.principal)`). */
  public readonly principal: IPrincipal;

  constructor(scope: Construct, id: string, props: ComputeClusterProps) {
    super(scope, childId(scope, id, 'ComputeCluster'));
    checkShape(this, 'props for ComputeCluster', props, COMPUTE_CLUSTER_PROPS);
    const name = props.name ?? id;
    const minNodes = props.minNodes ?? 0;
    const maxNodes = props.maxNodes ?? 4;
    const idle = props.idleSecondsBeforeScaleDown ?? 120;
    const publicIp = props.nodePublicIp ?? false;
    const isolation = props.workspace.managedNetworkIsolationMode;
    const managedNetwork = isolation !== undefined && !isToken(isolation) && isolation !== 'Disabled';

    const v = new Validator(this, 'props for ComputeCluster');
    v.name('name', name, COMPUTE_NAME);
    v.vmSize('vmSize', props.vmSize);
    v.integer('minNodes', minNodes, { min: 0 });
    v.integer('maxNodes', maxNodes, { min: Math.max(1, isToken(minNodes) ? 1 : minNodes) });
    v.integer('idleSecondsBeforeScaleDown', idle, { min: 1 });
    v.check(!(managedNetwork && props.subnetId !== undefined), () => ({
      subject: 'subnetId', value: JSON.stringify(props.subnetId),
      rule: `cannot be used: the workspace has a managed network (${isolation}), which holds its compute`,
      fix: 'remove subnetId, or create the workspace with managedNetwork.isolationMode = IsolationMode.DISABLED',
    }));
    v.check(!(isolation === 'Disabled' && props.subnetId === undefined && !publicIp), () => ({
      subject: 'subnetId', value: '(not set)',
      rule: 'is required: the workspace has no managed network, and nodes with neither a subnet nor a public IP reach nothing',
      fix: 'pass subnetId (a subnet of your VNet), or give the workspace a managed network, or set nodePublicIp: true (a relaxation)',
    }));
    v.throwIfAny();

    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('workspaces/computes'),
      name,
      parentId: props.workspace.workspaceId,
      location: props.workspace.location,
      identity: identityBlock(false, props.userAssignedIdentity),
      tags: props.tags,
      body: {
        properties: {
          computeType: 'AmlCompute',
          // Entra ID only: no keys to leak.
          disableLocalAuth: true,
          ...(props.description !== undefined ? { description: props.description } : {}),
          properties: {
            vmSize: props.vmSize ?? 'Standard_DS3_v2',
            vmPriority: (props.vmPriority ?? VmPriority.DEDICATED).value,
            osType: 'Linux',
            enableNodePublicIp: publicIp,
            remoteLoginPortPublicAccess: 'Disabled',
            scaleSettings: {
              minNodeCount: minNodes,
              maxNodeCount: maxNodes,
              nodeIdleTimeBeforeScaleDown: `PT${idle}S`,
            },
            ...(props.subnetId !== undefined ? { subnet: { id: props.subnetId } } : {}),
          },
        },
      },
      // Azure updates only an AmlCompute cluster's scale settings in place; every other change needs a new cluster.
      replaceTriggersRefs: [
        'properties.disableLocalAuth', 'properties.properties.vmSize', 'properties.properties.vmPriority',
        'properties.properties.osType', 'properties.properties.enableNodePublicIp', 'properties.properties.subnet',
      ],
    });
    this.computeName = name;
    this.computeId = this.resource.id;
    // The key names role assignments (their Terraform addresses): the construct id stands in for a token name.
    const key = `${props.workspace.node.id}-${isToken(name) ? this.node.id : name}`;
    this.principal = props.userAssignedIdentity
      ? principalOf(props.userAssignedIdentity, key, this)
      : Principal.servicePrincipal(this.resource.identityPrincipalId, key, this);
  }
}
