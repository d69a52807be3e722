import { Problem, renderValue } from '../core/errors';
import { isToken } from '../core/validation';

/*
 * How the workspace's network props interact (Workspace props `publicNetworkAccess`, `managedNetwork`,
 * `privateEndpoints`; compute clusters' `subnetId`). Azure ML api-version 2026-05-01.
 *
 * | publicNetworkAccess | managedNetwork.isolationMode   | privateEndpoints | outcome                                                   |
 * |---------------------|--------------------------------|------------------|-----------------------------------------------------------|
 * | false (default)     | AllowInternetOutbound (default)| none             | private; reachable only through ARM (warning: studio, SDK |
 * |                     |                                |                  | and uploads need a private endpoint or public access)     |
 * | false               | AllowInternetOutbound          | subnetId given   | private; users reach it from the VNet; compute in the     |
 * |                     | or AllowOnlyApprovedOutbound   |                  | managed network reaches storage/KV/ACR privately          |
 * | false               | Disabled                       | subnetId given   | private, customer-managed VNet: compute clusters need a   |
 * |                     |                                |                  | subnetId                                                  |
 * | true (relaxation)   | any                            | any              | public workspace; dependencies stay private (trusted      |
 * |                     |                                |                  | Azure services bypass)                                    |
 * | any                 | Disabled                       | any              | ERROR if outboundRules are given (they need isolation)    |
 * | any                 | AllowInternetOutbound          | any              | ERROR if an FQDN rule is given (only AllowOnlyApproved-   |
 * |                     |                                |                  | Outbound filters by FQDN; the rest is open anyway)        |
 * | any                 | any                            | no subnetId      | ERROR: private endpoints need a subnet                    |
 * | any                 | Disabled                       | any              | ERROR for a compute cluster without subnetId and with no  |
 * |                     |                                |                  | public node IP (nodes could reach nothing)                |
 *
 * An IP allow list cannot be expressed: 2026-05-01 has neither `ipAllowlist` nor `networkAcls` (preview-only).
 */

/** How a workspace's managed virtual network isolates compute. @see https://learn.microsoft.com/azure/machine-learning/how-to-managed-network */
export class IsolationMode {
  /** No managed network: compute joins your own VNet (`subnetId`) or has public IPs. */
  public static readonly DISABLED = new IsolationMode('Disabled');
  /** Managed network; compute reaches the workspace's dependencies privately and the internet freely. */
  public static readonly ALLOW_INTERNET_OUTBOUND = new IsolationMode('AllowInternetOutbound');
  /** Managed network; outbound only to the workspace's dependencies and the outbound rules you approve. */
  public static readonly ALLOW_ONLY_APPROVED_OUTBOUND = new IsolationMode('AllowOnlyApprovedOutbound');

  /** A mode this library does not list yet. */
  public static of(value: string): IsolationMode {
    return new IsolationMode(value);
  }

  private constructor(public readonly value: string) {}

  /** Whether a managed network exists in this mode. */
  public get isolated(): boolean {
    return this.value !== IsolationMode.DISABLED.value;
  }
}

/** The SKU of the Azure Firewall the managed network creates for FQDN rules. */
export class FirewallSku {
  public static readonly STANDARD = new FirewallSku('Standard');
  public static readonly BASIC = new FirewallSku('Basic');
  public static of(value: string): FirewallSku {
    return new FirewallSku(value);
  }
  private constructor(public readonly value: string) {}
}

/** Options for a service tag outbound rule. */
export interface ServiceTagRuleOptions {
  /** The service tag, e.g. `AzureMonitor`, `Storage.WestEurope`. */
  readonly serviceTag: string;
  /** `TCP`, `UDP`, `ICMP` or `*`. @default "TCP" */
  readonly protocol?: string;
  /** Ports or ranges, e.g. `443` or `80,443` or `8000-8100`. @default "443" */
  readonly portRanges?: string;
}

/** Options for {@link OutboundRule.privateEndpointTo}. */
export interface PrivateEndpointRuleOptions {
  /** The target resource's ARM id. */
  readonly serviceResourceId: string;
  /** The private link group, e.g. `blob`, `vault`, `registry`, `amlworkspace`. */
  readonly subresourceTarget: string;
  /** Host names to map to the endpoint (for application gateways and similar). @default - none */
  readonly fqdns?: string[];
  /** Let serverless Spark jobs use the endpoint. @default false */
  readonly sparkEnabled?: boolean;
}

/** One approved outbound destination of a workspace's managed network. */
export class OutboundRule {
  /** Allows traffic to a host name (needs `AllowOnlyApprovedOutbound`; Azure adds a firewall for these). */
  public static fqdn(name: string, fqdn: string): OutboundRule {
    return new OutboundRule(name, 'FQDN', { type: 'FQDN', category: 'UserDefined', destination: fqdn });
  }

  /**
   * A private endpoint from the managed network to an Azure resource.
   * @param serviceResourceId the target resource's ARM id
   * @param subresourceTarget the private link group, e.g. `blob`, `vault`, `registry`, `amlworkspace`
   * @param fqdns host names to map to the endpoint (for application gateways and similar)
   */
  public static privateEndpoint(name: string, serviceResourceId: string, subresourceTarget: string, fqdns?: string[]): OutboundRule {
    return OutboundRule.privateEndpointTo(name, { serviceResourceId, subresourceTarget, fqdns });
  }

  /**
   * A private endpoint from the managed network to an Azure resource, with every option — among them
   * `sparkEnabled`, which serverless Spark needs to reach the resource
   * (https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-for-serverless-spark-jobs).
   */
  public static privateEndpointTo(name: string, options: PrivateEndpointRuleOptions): OutboundRule {
    return new OutboundRule(name, 'PrivateEndpoint', {
      type: 'PrivateEndpoint',
      category: 'UserDefined',
      destination: { serviceResourceId: options.serviceResourceId, subresourceTarget: options.subresourceTarget, sparkEnabled: options.sparkEnabled ?? false },
      ...(options.fqdns ? { fqdns: options.fqdns } : {}),
    });
  }

  /** Allows traffic to an Azure service tag. */
  public static serviceTag(name: string, options: ServiceTagRuleOptions): OutboundRule {
    return new OutboundRule(name, 'ServiceTag', {
      type: 'ServiceTag',
      category: 'UserDefined',
      destination: {
        serviceTag: options.serviceTag,
        protocol: options.protocol ?? 'TCP',
        portRanges: options.portRanges ?? '443',
        action: 'Allow',
      },
    });
  }

  private constructor(
    /** The rule's name, unique in the workspace. */
    public readonly name: string,
    /** `FQDN`, `PrivateEndpoint` or `ServiceTag`. */
    public readonly ruleType: string,
    private readonly body: { [key: string]: any },
  ) {}

  /** The rule as the workspace body holds it. */
  public toBody(): { [key: string]: any } {
    return this.body;
  }
}

/** The managed virtual network of a workspace. */
export interface ManagedNetworkOptions {
  /** @default IsolationMode.ALLOW_INTERNET_OUTBOUND */
  readonly isolationMode?: IsolationMode;
  /** Approved outbound destinations. Names must be unique. @default - none beyond the ones Azure adds for the workspace's own dependencies */
  readonly outboundRules?: OutboundRule[];
  /** @default FirewallSku.STANDARD when there are FQDN rules; not written otherwise */
  readonly firewallSku?: FirewallSku;
}

/** Existing private DNS zones to register private endpoints in, by ARM id. */
export interface PrivateDnsZoneIds {
  /** `privatelink.api.azureml.ms` @default - created in the workspace's resource group and linked to the subnet's VNet */
  readonly workspaceApi?: string;
  /** `privatelink.notebooks.azure.net` @default - created and linked */
  readonly workspaceNotebooks?: string;
  /** `privatelink.blob.core.windows.net` @default - created and linked */
  readonly blob?: string;
  /** `privatelink.file.core.windows.net` @default - created and linked */
  readonly file?: string;
  /** `privatelink.vaultcore.azure.net` @default - created and linked */
  readonly vault?: string;
  /** `privatelink.azurecr.io` @default - created and linked */
  readonly registry?: string;
}

/** Private endpoints into your VNet for the workspace and the dependencies it creates. */
export interface PrivateEndpointsOptions {
  /** The subnet that holds the endpoints' network interfaces. */
  readonly subnetId: string;
  /**
   * Zones that exist already (for example in a hub subscription). Zones not given are created in the workspace's
   * resource group and linked to the subnet's VNet.
   * @default - every zone is created and linked
   */
  readonly privateDnsZoneIds?: PrivateDnsZoneIds;
}

/** Problems with the network props, per the decision table above. */
export function networkProblems(managed: ManagedNetworkOptions | undefined,
  privateEndpoints: PrivateEndpointsOptions | undefined): Problem[] {
  const problems: Problem[] = [];
  const mode = managed?.isolationMode ?? IsolationMode.ALLOW_INTERNET_OUTBOUND;
  const rules = managed?.outboundRules ?? [];
  if (!mode.isolated && rules.length > 0) {
    problems.push({
      subject: 'managedNetwork.outboundRules', value: renderValue(rules.map(r => r.name)),
      rule: 'only apply to a managed network, and isolationMode is Disabled',
      fix: 'set managedNetwork.isolationMode to IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND, or remove the rules',
    });
  }
  const fqdnRules = rules.filter(r => r.ruleType === 'FQDN');
  if (mode.value === IsolationMode.ALLOW_INTERNET_OUTBOUND.value && fqdnRules.length > 0) {
    problems.push({
      subject: 'managedNetwork.outboundRules', value: renderValue(fqdnRules.map(r => r.name)),
      rule: 'are FQDN rules, which only AllowOnlyApprovedOutbound applies (AllowInternetOutbound allows every host)',
      fix: 'set managedNetwork.isolationMode to IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND, or remove the FQDN rules',
    });
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.name)) {
      problems.push({ subject: 'managedNetwork.outboundRules', value: renderValue(r.name), rule: 'names a rule more than once', fix: 'give each outbound rule a unique name' });
    }
    seen.add(r.name);
    if (!isToken(r.name) && !/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,254}$/.test(r.name)) {
      problems.push({ subject: `managedNetwork.outboundRules[${r.name}]`, value: renderValue(r.name),
        rule: 'must be 3-255 letters, digits, "-" or "_", starting with a letter or digit', fix: 'name it like "pypi" or "allow-monitor"' });
    }
  }
  if (privateEndpoints !== undefined && (privateEndpoints.subnetId === undefined || privateEndpoints.subnetId === '')) {
    problems.push({
      subject: 'privateEndpoints.subnetId', value: renderValue(privateEndpoints.subnetId),
      rule: 'is required: private endpoints need a subnet for their network interfaces',
      fix: 'pass the id of a subnet in your VNet, e.g. subnet.id, or remove privateEndpoints',
    });
  } else if (privateEndpoints && !isToken(privateEndpoints.subnetId) && !/\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(privateEndpoints.subnetId)) {
    problems.push({
      subject: 'privateEndpoints.subnetId', value: renderValue(privateEndpoints.subnetId),
      rule: 'must be the ARM id of a subnet', fix: 'use /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>',
    });
  }
  return problems;
}

/** The managed network as the workspace body holds it. */
export function managedNetworkBody(managed: ManagedNetworkOptions | undefined): { [key: string]: any } {
  const mode = managed?.isolationMode ?? IsolationMode.ALLOW_INTERNET_OUTBOUND;
  const rules = managed?.outboundRules ?? [];
  const body: { [key: string]: any } = { isolationMode: mode.value };
  if (rules.length > 0) body.outboundRules = Object.fromEntries(rules.map(r => [r.name, r.toBody()]));
  if (rules.some(r => r.ruleType === 'FQDN') || managed?.firewallSku) {
    body.firewallSku = (managed?.firewallSku ?? FirewallSku.STANDARD).value;
  }
  return body;
}
