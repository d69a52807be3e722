import { DefaultTokenResolver, ITerraformDependable, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MlopsProviders } from '../core/providers';
import { mlType } from '../core/api-versions';
import { sendDiagnostics } from '../core/diagnostics';
import { ArmId } from '../core/arm-id';
import { renderValue } from '../core/errors';
import { NamingRules } from '../core/naming';
import { checkShape, childId } from '../core/shape';
import { isToken, Validator } from '../core/validation';
import { checkOneDeclarationPerResource } from '../core/uniqueness';
import { AzapiResource } from '../bindings/azapi/resource';
import { ImportedRegistry } from './imported-registry';
import { IRegistry, RegistryAttributes, RegistryBase } from './registry-base';
import { REGISTRY_PROPS } from './shapes';

/** The replication of the storage account Azure creates for a registry in each of its regions. */
export class RegistryStorageAccountType {
  /** Zone-redundant in each region; the registry's regions give geo-redundancy. */
  public static readonly STANDARD_ZRS = new RegistryStorageAccountType('Standard_ZRS');
  public static readonly STANDARD_LRS = new RegistryStorageAccountType('Standard_LRS');
  public static readonly STANDARD_GRS = new RegistryStorageAccountType('Standard_GRS');
  public static readonly STANDARD_RAGRS = new RegistryStorageAccountType('Standard_RAGRS');
  public static readonly STANDARD_GZRS = new RegistryStorageAccountType('Standard_GZRS');
  public static readonly STANDARD_RAGZRS = new RegistryStorageAccountType('Standard_RAGZRS');
  public static readonly PREMIUM_LRS = new RegistryStorageAccountType('Premium_LRS');
  public static readonly PREMIUM_ZRS = new RegistryStorageAccountType('Premium_ZRS');

  /** A type not listed here. */
  public static of(value: string): RegistryStorageAccountType {
    return new RegistryStorageAccountType(value);
  }

  private constructor(public readonly value: string) {}
}

/** A private endpoint for the registry (subresource `amlregistry`). */
export interface RegistryPrivateEndpointOptions {
  /** The subnet the endpoint's network interface goes in. */
  readonly subnetId: string;
  /** The `privatelink.api.azureml.ms` private DNS zone (and any others to register the endpoint in). */
  readonly privateDnsZoneIds: string[];
  /** The endpoint's region: the subnet's virtual network region. @default - the registry's primary region */
  readonly location?: string;
  /** The endpoint's name. @default - `pe-<registry name>` */
  readonly name?: string;
}

/** Props for {@link Registry}. */
export interface RegistryProps {
  /**
   * The registry name: 3-32 letters, digits, `-` and `_`, starting with a letter or digit. Unique in the tenant and
   * never renamed: it is part of every `azureml://registries/<name>/...` URI.
   */
  readonly name: string;
  /** The ARM id of the resource group the registry goes in. */
  readonly resourceGroupId: string;
  /** The primary region: where the registry's metadata lives. */
  readonly location: string;
  /**
   * More regions the registry's assets are replicated to; workspaces in any of the registry's regions can use them.
   * Must not repeat the primary region.
   * @default - the primary region only
   */
  readonly replicationLocations?: string[];
  /**
   * The replication of the storage account Azure creates in each region (HNS off, blob public access off).
   * @default RegistryStorageAccountType.STANDARD_GZRS - geo-zone-redundant, the secure baseline for storage
   * (replication regions copy assets too, but a single-region registry would otherwise have one zone-redundant copy)
   */
  readonly storageAccountType?: RegistryStorageAccountType;
  /**
   * Allow access from public networks.
   * @default false - public network access is disabled; reach the registry through a private endpoint or a
   * workspace's managed network
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /** A private endpoint for the registry. @default - none */
  readonly privateEndpoint?: RegistryPrivateEndpointOptions;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /**
   * Set `prevent_destroy` on the registry. A registry name is unique in the tenant and cannot be renamed, and
   * deleting a registry deletes every asset version in it, whose numbers can never be reused.
   * @default true
   */
  readonly preventDestroy?: boolean;
  /**
   * Add a CanNotDelete management lock on the registry, so neither Terraform nor the portal, the CLI or another
   * pipeline can delete it. Locks are inherited by child resources: while it is on, no model, environment or
   * component version in the registry can be deleted either (registry version numbers can never be reused, so a
   * deleted one is lost for good); creating and updating versions still works. Whoever applies needs
   * `Microsoft.Authorization/locks/write` (Owner or User Access Administrator) on the registry.
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources
   * @default true - as the Workspace's default protection (Protection.PRODUCTION) locks the workspace
   */
  readonly deleteLock?: boolean;
  /**
   * The Log Analytics workspace (ARM id) the registry's resource logs go to: the RegistryAssetReadEvent and
   * RegistryAssetWriteEvent categories (who read or wrote which asset version). A registry has no workspace of its
   * own, so there is no default destination. Azure documents no platform metrics for registries, so none are sent.
   * @see https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-machinelearningservices-registries-logs
   * @default - no diagnostic setting (the ProductionReadiness policy pack reports MLOPS-LOG-1)
   */
  readonly logAnalyticsWorkspaceId?: string;
}

/**
 * An Azure ML registry (azapi `Microsoft.MachineLearningServices/registries`): models, environments and components
 * registered once, used by workspaces in every region of the registry.
 *
 * Azure creates the storage account and container registry (Premium, so private endpoints and geo-replication work)
 * for each region; the registry has a system-assigned identity.
 *
 * ```ts
 * const registry = new Registry(this, 'Registry', {
 *   name: 'mlr-contoso', resourceGroupId: rg.id, location: 'westeurope', replicationLocations: ['northeurope'],
 * });
 * registry.grantRead(Principal.servicePrincipal(prodWorkspace.principalId!, 'mlw-prod'));
 * ```
 */
export class Registry extends RegistryBase {
  /** References an existing registry by name. */
  public static fromRegistryName(scope: Construct, id: string, registryName: string, resourceGroupId: string, location: string): IRegistry {
    return new ImportedRegistry(scope, id, { registryName, resourceGroupId, location });
  }

  /** References an existing registry with everything known about it. */
  public static fromRegistryAttributes(scope: Construct, id: string, attrs: RegistryAttributes): RegistryBase {
    return new ImportedRegistry(scope, id, attrs);
  }

  public readonly registryId: string;
  public readonly registryName: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly principalId?: string;
  public readonly dependable?: ITerraformDependable;
  public readonly publicNetworkAccessEnabled?: boolean;
  /**
   * The ARM id as a literal, when the subscription and resource group name are known at synth (see
   * `literalRegistryId`). @internal
   */
  public readonly _literalRegistryId?: string;
  /** Every region of the registry, primary first. */
  public readonly locations: string[];
  public readonly resource: AzapiResource;
  /** The private endpoint, when one was requested. */
  public readonly privateEndpoint?: PrivateEndpoint;
  /** The CanNotDelete lock on the registry. @default - none with `deleteLock: false` */
  public readonly lock?: ManagementLock;
  /** The diagnostic setting that sends the registry's logs to Log Analytics. @default - none without `logAnalyticsWorkspaceId` */
  public readonly diagnosticSetting?: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: RegistryProps) {
    super(scope, childId(scope, id, 'Registry'));
    checkShape(this, 'props for Registry', props, REGISTRY_PROPS);
    const v = new Validator(this, 'props for Registry');
    v.region('location', props.location);
    v.name('name', props.name, NamingRules.ML_REGISTRY);
    v.check(isToken(props.resourceGroupId) || ArmId.parse(props.resourceGroupId)?.provider === '', () => ({
      subject: 'resourceGroupId', value: renderValue(props.resourceGroupId),
      rule: 'must be the ARM id of a resource group', fix: 'use /subscriptions/<sub>/resourceGroups/<name>, e.g. resourceGroup.id',
    }));
    v.required('location', props.location, 'give the primary region, e.g. "westeurope"');
    const replicas = props.replicationLocations ?? [];
    const seen = new Map<string, string>();
    if (props.location && !isToken(props.location)) seen.set(region(props.location), 'location (the primary region)');
    replicas.forEach((loc, i) => {
      if (isToken(loc)) return;
      v.region(`replicationLocations[${i}]`, loc);
      const first = seen.get(region(loc));
      v.check(first === undefined, () => ({
        subject: `replicationLocations[${i}]`, value: renderValue(loc),
        rule: `repeats ${first}: each region may appear once, and the primary region is always included`,
        fix: 'remove it from replicationLocations',
      }));
      seen.set(region(loc), `replicationLocations[${i}]`);
    });
    if (props.privateEndpoint) {
      v.check(props.privateEndpoint.privateDnsZoneIds.length > 0, () => ({
        subject: 'privateEndpoint.privateDnsZoneIds', value: '[]',
        rule: 'must name the privatelink.api.azureml.ms zone: without it the registry name resolves to its public address, which is disabled',
        fix: 'pass the id of the privatelink.api.azureml.ms private DNS zone linked to the virtual network',
      }));
    }
    v.throwIfAny();
    checkOneDeclarationPerResource(this);

    this.registryName = props.name;
    this.location = props.location;
    this.locations = [props.location, ...replicas];
    this.resourceGroupName = ArmId.resourceGroupName(props.resourceGroupId);
    const storageType = (props.storageAccountType ?? RegistryStorageAccountType.STANDARD_GZRS).value;

    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('registries'),
      name: props.name,
      parentId: props.resourceGroupId,
      location: props.location,
      identity: { type: 'SystemAssigned' },
      tags: props.tags,
      body: {
        properties: {
          publicNetworkAccess: props.publicNetworkAccessEnabled ? 'Enabled' : 'Disabled',
          regionDetails: this.locations.map((location) => ({
            location,
            storageAccountDetails: [{
              systemCreatedStorageAccount: {
                storageAccountType: storageType,
                storageAccountHnsEnabled: false,
                allowBlobPublicAccess: false,
              },
            }],
            acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: 'Premium' } }],
          })),
        },
      },
      responseExportValues: ['properties.discoveryUrl', 'properties.mlFlowRegistryUri'],
      lifecycle: (props.preventDestroy ?? true) ? { preventDestroy: true } : undefined,
    });
    this.registryId = this.resource.id;
    this.publicNetworkAccessEnabled = props.publicNetworkAccessEnabled ?? false;
    this._literalRegistryId = literalRegistryId(this, props.resourceGroupId, props.name);
    this.principalId = this.resource.identityPrincipalId;
    this.dependable = this.resource;

    this.lock = (props.deleteLock ?? true) ? this.addDeleteLock() : undefined;
    this.diagnosticSetting = props.logAnalyticsWorkspaceId === undefined ? undefined
      // Explicit categories: Azure documents these two for the type, and not whether it supports category groups.
      : sendDiagnostics(this, 'Diagnostics', this.registryId, props.logAnalyticsWorkspaceId, {
        logCategories: ['RegistryAssetReadEvent', 'RegistryAssetWriteEvent'], metrics: [],
      });

    if (props.privateEndpoint) {
      const pe = props.privateEndpoint;
      const name = pe.name ?? `pe-${props.name}`;
      this.privateEndpoint = new PrivateEndpoint(this, 'PrivateEndpoint', {
        name,
        location: pe.location ?? props.location,
        resourceGroupName: this.resourceGroupName,
        subnetId: pe.subnetId,
        privateServiceConnection: {
          name,
          privateConnectionResourceId: this.registryId,
          subresourceNames: ['amlregistry'],
          isManualConnection: false,
        },
        privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: pe.privateDnsZoneIds },
        tags: props.tags,
      });
    }
  }

  /**
   * A CanNotDelete lock on the registry. It blocks deleting the registry and every version in it (children inherit
   * locks: https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources), which is what the
   * review's "registry version removed" hazard guards against too; publishing new versions is a write, not blocked.
   */
  private addDeleteLock(): ManagementLock {
    return new ManagementLock(this, 'Lock', {
      name: 'do-not-delete',
      scope: this.registryId,
      lockLevel: 'CanNotDelete',
      notes: 'Azure ML registry: deleting it, or a version in it, loses version numbers that can never be reused. ' +
        'Set deleteLock: false and apply before deleting on purpose.',
    });
  }

  /** The registry's MLflow tracking URI (known after apply). */
  public get mlflowRegistryUri(): string {
    return this.resource.outputString('properties.mlFlowRegistryUri');
  }
}

/** Regions compare without case or spaces: "West Europe" is "westeurope". */
function region(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}

/**
 * The registry's ARM id without reading any Terraform state: from a literal `resourceGroupId`, or, when it is the `id`
 * of a ResourceGroup of this stack, from that group's literal name and the subscription the stack's providers are
 * configured with (`MlopsProviders.configure(stack, { subscriptionId })`). A workspace in a stack that this one depends
 * on (the workspace whose versions are promoted here) names the registry in its storage rule with it.
 */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

function literalRegistryId(scope: Construct, resourceGroupId: string, name: string): string | undefined {
  const tail = `/providers/Microsoft.MachineLearningServices/registries/${name}`;
  if (!isToken(resourceGroupId)) return `${resourceGroupId}${tail}`;
  const stack = TerraformStack.of(scope);
  const subscription = MlopsProviders.of(scope)?.azurerm.subscriptionIdInput;
  if (subscription === undefined || isToken(subscription)) return undefined;
  const resolve = (value: string) => JSON.stringify(Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER }));
  const wanted = resolve(resourceGroupId);
  const group = stack.node.findAll().find((c): c is ResourceGroup => c instanceof ResourceGroup && resolve(c.id) === wanted);
  const groupName = group?.nameInput;
  return groupName !== undefined && !isToken(groupName) ? `${ArmId.resourceGroup(subscription, groupName)}${tail}` : undefined;
}
