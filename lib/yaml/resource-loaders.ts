/**
 * Loaders for the CLI v2 `registry.yml` and `workspace.yml` onto lib/registry and lib/workspace.
 */
import { Construct } from 'constructs';
import { Registry, RegistryStorageAccountType } from '../registry/registry';
import { UserAssignedIdentityAttributes } from '../workspace/identity';
import { FirewallSku, IsolationMode, OutboundRule, PrivateEndpointsOptions } from '../workspace/network';
import { Workspace } from '../workspace/workspace';
import { YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { YamlLoadOptions } from './options';
import { noteDefault, prepare, stringMap, text, unsupportedKeys, withinFile } from './prepare';
import { kindSchema } from './schema-check';

/** What {@link RegistryYaml.load} takes besides the file. */
export interface RegistryYamlOptions extends YamlLoadOptions {
  /** The resource group the registry goes in (the CLI's `-g`): its ARM id. */
  readonly resourceGroupId: string;
}

/**
 * Loads a CLI v2 registry file (`az ml registry create -f registry.yml`).
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-registry
 */
export class RegistryYaml {
  /** Declares the file's registry as `new Registry(scope, id, ...)`. */
  public static load(scope: Construct, id: string, file: string, options: RegistryYamlOptions): Registry {
    const doc = prepare(file, 'registry', kindSchema('registry'), options);
    unsupportedKeys(doc, 'registry', {
      identity: 'remove it: the registry has a system-assigned identity (Azure ML requires one)',
      managed_resource_group: 'remove it: Azure names the managed resource group',
      intellectual_property: 'remove it (an intellectual-property registry is a preview this library does not declare)',
    });
    const d = doc.data;
    const primary = String(d.location);
    const regions = (d.replication_locations as { location: string; storage_config?: { storage_account_type?: string; storage_account_hns?: boolean } }[] | undefined) ?? [];
    const problems: YamlProblem[] = [];
    // The CLI's list includes the primary region; the construct's lists only the others. Repeats mean nothing more.
    const others = [...new Set(regions.map((r) => r.location).filter((l) => l.toLowerCase() !== primary.toLowerCase()))];
    const types = [...new Set(regions.map((r) => r.storage_config?.storage_account_type?.toLowerCase()).filter((t): t is string => t !== undefined))];
    if (types.length > 1) {
      problems.push(doc.problem(['replication_locations'], `uses several storage account types (${types.join(', ')})`,
        'use one storage_account_type in every region: this library sets one for the registry', types.join(', ')));
    }
    regions.forEach((r, i) => {
      if (r.storage_config?.storage_account_hns === true) {
        problems.push(doc.problem(['replication_locations', i, 'storage_config', 'storage_account_hns'], 'is not supported by this library',
          'remove it: registry storage accounts are created without a hierarchical namespace'));
      }
    });
    if (problems.length > 0) throw new YamlLoadError(file, 'registry', problems);
    const storageType = types[0] === undefined ? undefined
      : RegistryStorageAccountType.of(types[0].replace(/^(standard|premium)_(\w+)$/, (_m, tier: string, rep: string) => `${tier[0].toUpperCase()}${tier.slice(1)}_${rep.toUpperCase()}`));
    const publicAccess = publicNetworkAccess(doc, scope, options, 'registry', 'enabled');
    return withinFile(doc, 'registry', { name: ['name'], location: ['location'], replicationLocations: ['replication_locations'], tags: ['tags'] }, () =>
      new Registry(scope, id, {
        name: String(d.name), resourceGroupId: options.resourceGroupId, location: primary,
        replicationLocations: others.length > 0 ? others : undefined, storageAccountType: storageType,
        publicNetworkAccessEnabled: publicAccess, tags: stringMap(d.tags),
      }));
  }
}

/**
 * `public_network_access` as written; when the file leaves it out, the CLI's default (`cliDefault`) only with
 * `cliDefaults`, else this library's (disabled), said once.
 */
function publicNetworkAccess(doc: YamlDocument, scope: Construct, options: YamlLoadOptions, what: string, cliDefault: string): boolean | undefined {
  const written = text(doc.data.public_network_access)?.toLowerCase();
  if (written !== undefined) return written === 'enabled';
  if (cliDefault === 'disabled') return undefined;
  if (options.cliDefaults) {
    noteDefault(scope, `${what}-public-access`, `${doc.file}: public_network_access not set; with cliDefaults the ${what} keeps the CLI's default, enabled.`);
    return true;
  }
  noteDefault(scope, `${what}-public-access`, `${doc.file}: public_network_access not set; the CLI would enable it, this library disables it ` +
    `(secure default). Write \`public_network_access: enabled\` to allow public access, or load with cliDefaults: true.`);
  return undefined;
}

/** What {@link WorkspaceYaml.load} takes besides the file. */
export interface WorkspaceYamlOptions extends YamlLoadOptions {
  /** The resource group (the CLI's `-g`, or the file's `resource_group`): its ARM id. */
  readonly resourceGroupId: string;
  /** The workspace's region, when the file leaves `location` out (the CLI takes the resource group's). @default - the file's `location` */
  readonly location?: string;
  /**
   * The identity named by the file's `primary_user_assigned_identity`, with its principal id (which the file does not
   * carry and grants need).
   * @default - a file with a user-assigned identity fails to load
   */
  readonly userAssignedIdentity?: UserAssignedIdentityAttributes;
  /** Derived names' prefix (storage account, Key Vault, registry). @default - the workspace name, without `_` */
  readonly prefix?: string;
}

const ISOLATION: { [k: string]: IsolationMode } = {
  disabled: IsolationMode.DISABLED,
  allow_internet_outbound: IsolationMode.ALLOW_INTERNET_OUTBOUND,
  allow_only_approved_outbound: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
};

interface RuleYaml {
  name: string; type: string;
  destination: string | { service_resource_id?: string; subresource_target?: string; spark_enabled?: boolean; service_tag?: string; protocol?: string; port_ranges?: string };
}

/**
 * Loads a CLI v2 workspace file (`az ml workspace create -f workspace.yml`) as a {@link Workspace} with this
 * library's secure defaults for what the file leaves out.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-workspace
 */
export class WorkspaceYaml {
  /** Declares the file's workspace as `new Workspace(scope, id, ...)`. */
  public static load(scope: Construct, id: string, file: string, options: WorkspaceYamlOptions): Workspace {
    const doc = prepare(file, 'workspace', kindSchema('workspace'), options);
    unsupportedKeys(doc, 'workspace', {
      enable_data_isolation: 'remove it (data isolation is for hub workspaces, which this library does not declare)',
    });
    const d = doc.data;
    const problems: YamlProblem[] = [];
    const location = text(d.location) ?? options.location;
    if (location === undefined) {
      problems.push(doc.problem(['location'], 'is needed: the CLI takes the resource group\'s region, which is not known at synth', 'add `location: <region>` or pass the location option'));
    }
    const auth = text(d.system_datastores_auth_mode);
    if (auth !== undefined && auth.toLowerCase() !== 'identity') {
      problems.push(doc.problem(['system_datastores_auth_mode'], 'must be identity in this library (access keys are off on its storage)', 'remove the key, or write `identity`'));
    }
    const identity = d.identity as { type?: string } | undefined;
    const wantsUai = d.primary_user_assigned_identity !== undefined || /user_assigned/i.test(identity?.type ?? '');
    const uai = options.userAssignedIdentity ?? identityFromFile(d);
    if (wantsUai && uai === undefined) {
      problems.push(doc.problem(d.primary_user_assigned_identity !== undefined ? ['primary_user_assigned_identity'] : ['identity'],
        'names a user-assigned identity whose principal id the file does not carry', 'pass it as the userAssignedIdentity option ({ identityId, principalId })'));
    }
    const privateEndpoints = privateEndpointsOf(doc, options.resourceGroupId, problems);
    const net = d.managed_network as { isolation_mode?: string; outbound_rules?: RuleYaml[]; firewall_sku?: string } | undefined;
    const rules = (net?.outbound_rules ?? []).map((r, i) => outboundRule(doc, r, i, problems));
    if (problems.length > 0) throw new YamlLoadError(file, 'workspace', problems);

    let isolationMode = net?.isolation_mode !== undefined ? ISOLATION[net.isolation_mode] : undefined;
    if (isolationMode === undefined) {
      if (options.cliDefaults) {
        isolationMode = IsolationMode.DISABLED;
        noteDefault(scope, 'workspace-egress', `${file}: managed_network not set; with cliDefaults the workspace has no managed network, as the CLI creates it.`);
      } else {
        noteDefault(scope, 'workspace-egress', `${file}: managed_network not set; the CLI would create no managed network, this library isolates ` +
          'the workspace in one (AllowInternetOutbound, secure default). Write `managed_network: { isolation_mode: disabled }` or load with cliDefaults: true to keep the CLI\'s.');
      }
    }
    const cmk = d.customer_managed_key as { key_vault?: string; key_uri?: string } | undefined;
    const name = String(d.name);
    return withinFile(doc, 'workspace', {
      'names.workspace': ['name'], name: ['name'], location: ['location'], tags: ['tags'], customerManagedKey: ['customer_managed_key'],
      managedNetwork: ['managed_network'], storageAccountId: ['storage_account'], keyVaultId: ['key_vault'],
      containerRegistryId: ['container_registry'], applicationInsightsId: ['application_insights'], prefix: ['name'],
    }, () => new Workspace(scope, id, {
      resourceGroupId: options.resourceGroupId, location, prefix: options.prefix ?? derivedPrefix(name), names: { workspace: name },
      friendlyName: text(d.display_name), description: text(d.description), tags: stringMap(d.tags),
      highBusinessImpact: d.hbi_workspace === true ? true : undefined,
      storageAccountId: text(d.storage_account), keyVaultId: text(d.key_vault), containerRegistryId: text(d.container_registry),
      applicationInsightsId: text(d.application_insights),
      customerManagedKey: cmk?.key_uri !== undefined ? { keyId: cmk.key_uri, keyVaultId: cmk.key_vault, identity: uai } : undefined,
      privateEndpoints,
      imageBuildCompute: text(d.image_build_compute),
      // The reference page gives `disabled` as the CLI's default, which is this library's too.
      publicNetworkAccess: text(d.public_network_access)?.toLowerCase() === 'enabled' ? true : undefined,
      userAssignedIdentity: wantsUai ? uai : undefined,
      systemAssignedIdentity: wantsUai ? /system_assigned/i.test(identity?.type ?? '') : undefined,
      managedNetwork: isolationMode !== undefined || rules.length > 0 || net?.firewall_sku !== undefined ? {
        isolationMode, outboundRules: rules.length > 0 ? rules as OutboundRule[] : undefined,
        firewallSku: net?.firewall_sku?.toLowerCase() === 'basic' ? FirewallSku.BASIC : net?.firewall_sku !== undefined ? FirewallSku.STANDARD : undefined,
      } : undefined,
    }));
  }
}

/**
 * The primary user-assigned identity with the principal id the file gives for it under
 * `identity.user_assigned_identities.<id>.principal_id` (the form of the CLI's uai example), if it does.
 */
function identityFromFile(d: { [k: string]: unknown }): UserAssignedIdentityAttributes | undefined {
  const primary = text(d.primary_user_assigned_identity);
  const map = (d.identity as { user_assigned_identities?: unknown } | undefined)?.user_assigned_identities;
  if (primary === undefined || map === null || typeof map !== 'object' || Array.isArray(map)) return undefined;
  const entry = Object.entries(map).find(([k]) => k.toLowerCase() === primary.toLowerCase())?.[1] as { principal_id?: string; client_id?: string } | undefined;
  return entry?.principal_id ? { identityId: primary, principalId: entry.principal_id, clientId: entry.client_id } : undefined;
}

/**
 * `private_endpoints.connections`: one subnet for the workspace's private endpoints (this library puts every endpoint
 * of a workspace in one subnet). The connection's subscription and resource group default to the workspace's.
 */
function privateEndpointsOf(doc: YamlDocument, resourceGroupId: string, problems: YamlProblem[]): PrivateEndpointsOptions | undefined {
  const pe = doc.data.private_endpoints as { approval_type?: string; connections?: { [name: string]: { subscription_id?: string; resource_group?: string; vnet_name: string; subnet_name: string } } } | undefined;
  const connections = Object.entries(pe?.connections ?? {});
  if (pe === undefined || connections.length === 0) return undefined;
  if (connections.length > 1) {
    problems.push(doc.problem(['private_endpoints', 'connections'], 'lists several connections', 'keep one: this library places every private endpoint of the workspace in one subnet', connections.map(([n]) => n).join(', ')));
    return undefined;
  }
  if (pe.approval_type === 'ManualApproval') {
    problems.push(doc.problem(['private_endpoints', 'approval_type'], 'is not supported by this library', 'remove it: endpoints in your own subnet are approved automatically'));
  }
  const [, c] = connections[0];
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(resourceGroupId);
  const sub = c.subscription_id ?? m?.[1];
  const rg = c.resource_group ?? m?.[2];
  return { subnetId: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${c.vnet_name}/subnets/${c.subnet_name}` };
}

function derivedPrefix(name: string): string {
  const p = name.replace(/[^A-Za-z0-9-]/g, '').replace(/^[^A-Za-z]+/, '');
  return (p || 'ws').slice(0, 12).replace(/-+$/, '');
}

function outboundRule(doc: YamlDocument, r: RuleYaml, i: number, problems: YamlProblem[]): OutboundRule | undefined {
  const at = ['managed_network', 'outbound_rules', i, 'destination'];
  const dest = r.destination;
  if (r.type === 'fqdn') {
    if (typeof dest !== 'string') problems.push(doc.problem(at, 'must be a host name for an fqdn rule', 'write `destination: pypi.org`'));
    else return OutboundRule.fqdn(r.name, dest);
    return undefined;
  }
  if (typeof dest !== 'object') {
    problems.push(doc.problem(at, `must be a mapping for a ${r.type} rule`, r.type === 'private_endpoint'
      ? 'write service_resource_id, subresource_target (and spark_enabled) under destination' : 'write service_tag, protocol and port_ranges under destination'));
    return undefined;
  }
  if (r.type === 'private_endpoint') {
    if (!dest.service_resource_id || !dest.subresource_target) {
      problems.push(doc.problem(at, 'needs service_resource_id and subresource_target', 'add both under destination'));
      return undefined;
    }
    return OutboundRule.privateEndpointTo(r.name, {
      serviceResourceId: dest.service_resource_id, subresourceTarget: dest.subresource_target, sparkEnabled: dest.spark_enabled,
    });
  }
  if (!dest.service_tag) {
    problems.push(doc.problem(at, 'needs service_tag', 'add `service_tag: <tag>` under destination'));
    return undefined;
  }
  return OutboundRule.serviceTag(r.name, { serviceTag: dest.service_tag, protocol: dest.protocol, portRanges: dest.port_ranges });
}
