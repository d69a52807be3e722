/** `yaml convert` for registry and workspace files. Not part of the jsii API. */
import { Code, lit } from './convert';
import { YamlLoadOptions } from './options';
import { prepare, stringMap, text } from './prepare';
import { kindSchema } from './schema-check';

function props(entries: { [k: string]: unknown }): string {
  return lit(Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)));
}

/** The TypeScript for a registry file. */
export function convertRegistry(file: string, options: YamlLoadOptions): string {
  const d = prepare(file, 'registry', kindSchema('registry'), options).data;
  const primary = String(d.location);
  const regions = ((d.replication_locations as { location: string }[] | undefined) ?? []).map((r) => r.location);
  const others = [...new Set(regions.filter((l) => l.toLowerCase() !== primary.toLowerCase()))];
  const pna = text(d.public_network_access)?.toLowerCase();
  return [
    `// Converted from ${file} by \`cdktf-azure-mlops yaml convert\`.`,
    "import { Construct } from 'constructs';",
    "import { Registry } from 'cdktf-azure-mlops';",
    '',
    'export function declare(scope: Construct, resourceGroupId: string) {',
    ...(pna === undefined ? ['  // public_network_access not set: the CLI enables it; this library disables it (secure default).'] : []),
    `  return new Registry(scope, 'Registry', ${props({
      name: String(d.name), resourceGroupId: new Code('resourceGroupId'), location: primary,
      replicationLocations: others.length > 0 ? others : undefined, publicNetworkAccessEnabled: pna === undefined ? undefined : pna === 'enabled',
      tags: stringMap(d.tags),
    })});`,
    '}',
    '',
  ].join('\n');
}

/** The TypeScript for a workspace file (the common keys; the loader handles every key of the schema). */
export function convertWorkspace(file: string, options: YamlLoadOptions): string {
  const d = prepare(file, 'workspace', kindSchema('workspace'), options).data;
  const name = String(d.name);
  const net = d.managed_network as { isolation_mode?: string; outbound_rules?: { name: string; type: string; destination: any }[] } | undefined;
  const mode = net?.isolation_mode?.toUpperCase();
  const rules = (net?.outbound_rules ?? []).map((r) => new Code(r.type === 'fqdn' ? `OutboundRule.fqdn(${lit(r.name)}, ${lit(String(r.destination))})`
    : r.type === 'private_endpoint' ? `OutboundRule.privateEndpointTo(${lit(r.name)}, ${props({
      serviceResourceId: r.destination.service_resource_id, subresourceTarget: r.destination.subresource_target, sparkEnabled: r.destination.spark_enabled,
    })})`
      : `OutboundRule.serviceTag(${lit(r.name)}, ${props({ serviceTag: r.destination.service_tag, protocol: r.destination.protocol, portRanges: r.destination.port_ranges })})`));
  return [
    `// Converted from ${file} by \`cdktf-azure-mlops yaml convert\`.`,
    "import { Construct } from 'constructs';",
    `import { ${mode ? 'IsolationMode, ' : ''}${rules.length ? 'OutboundRule, ' : ''}Workspace } from 'cdktf-azure-mlops';`,
    '',
    `export function declare(scope: Construct, resourceGroupId: string${d.location === undefined ? ', location: string' : ''}) {`,
    ...(['customer_managed_key', 'identity', 'primary_user_assigned_identity', 'private_endpoints'].some((k) => d[k] !== undefined)
      ? [`  // Not converted: ${['customer_managed_key', 'identity', 'primary_user_assigned_identity', 'private_endpoints'].filter((k) => d[k] !== undefined).join(', ')} — ` +
        'add customerManagedKey, userAssignedIdentity and privateEndpoints (they need ids and principals the file does not carry), or load the file with WorkspaceYaml.load.']
      : []),
    ...(mode === undefined ? ['  // managed_network not set: the CLI creates none; this library isolates the workspace (AllowInternetOutbound).'] : []),
    `  return new Workspace(scope, 'Workspace', ${props({
      resourceGroupId: new Code('resourceGroupId'), location: d.location === undefined ? new Code('location') : text(d.location), prefix: name.replace(/[^A-Za-z0-9-]/g, '').replace(/^[^A-Za-z]+/, '').slice(0, 12).replace(/-+$/, '') || 'ws',
      names: { workspace: name }, friendlyName: text(d.display_name), description: text(d.description), tags: stringMap(d.tags),
      highBusinessImpact: d.hbi_workspace === true ? true : undefined,
      storageAccountId: text(d.storage_account), keyVaultId: text(d.key_vault), containerRegistryId: text(d.container_registry),
      applicationInsightsId: text(d.application_insights), imageBuildCompute: text(d.image_build_compute),
      publicNetworkAccess: text(d.public_network_access)?.toLowerCase() === 'enabled' ? true : undefined,
      managedNetwork: mode || rules.length ? {
        isolationMode: mode ? new Code(`IsolationMode.${mode}`) : undefined, outboundRules: rules.length ? rules : undefined,
      } : undefined,
    })});`,
    '}',
    '',
  ].join('\n');
}
