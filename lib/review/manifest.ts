// Builds a stack's manifest from its synthesized Terraform JSON: one pass over the resources, no re-synth.
// Working from the JSON (not from the constructs) means the review reads any synth, including a base made by a version
// of the library that wrote no manifest, and that what is compared is exactly what Terraform will see.
import {
  MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSION, ManifestAcknowledgement, ManifestAssetVersion, ManifestDeployment,
  ManifestEndpoint, ManifestMove, ManifestResource, ManifestTrafficShare, StackManifest,
} from './schema';

type Json = Record<string, any>;

/** Azure ML resource types (without api-version) and what they are to the manifest. */
const VERSION_TYPE = /^Microsoft\.MachineLearningServices\/(workspaces|registries)\/(models|environments|data|codes)\/versions$/i;
const ASSET_KIND: Record<string, string> = { models: 'model', environments: 'environment', data: 'data', codes: 'code' };
const ML = 'Microsoft.MachineLearningServices/';

/** Types whose loss loses data, or a name or identity that cannot be recreated as it was. */
const STATEFUL_AZAPI = new RegExp(`^${ML.replace(/[./]/g, '\\$&')}(workspaces|registries|(workspaces|registries)/(models|environments|data|codes)(/versions)?|workspaces/(onlineEndpoints|batchEndpoints))$`, 'i');
const STATEFUL_AZURERM = new Set([
  'azurerm_resource_group', 'azurerm_storage_account', 'azurerm_storage_container', 'azurerm_storage_blob',
  'azurerm_key_vault', 'azurerm_key_vault_key', 'azurerm_container_registry', 'azurerm_log_analytics_workspace',
  'azurerm_application_insights', 'azurerm_user_assigned_identity', 'azurerm_machine_learning_workspace',
]);
const GLOBALLY_UNIQUE = new Set(['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', `${ML}registries`]);

/** Arguments that identify an azurerm resource (with its type), beside which everything else is configuration. */
const AZURERM_IDENTITY_ARGS = [
  'name', 'resource_group_name', 'scope', 'role_definition_name', 'role_definition_id', 'principal_id',
  'target_resource_id', 'storage_account_id', 'storage_account_name', 'storage_container_name', 'container_name',
  'key_vault_id', 'resource_id', 'machine_learning_workspace_id', 'virtual_network_name', 'private_dns_zone_name',
];

/** Arguments that force replacement when changed (DESIGN.md, "Settings that replace a resource when changed"). */
const REPLACING_ARGS: Record<string, (a: Json) => unknown> = {
  azurerm_storage_account: a => ({
    location: a.location, tier: a.account_tier, hns: a.is_hns_enabled ?? false,
    infrastructureEncryption: a.infrastructure_encryption_enabled ?? false,
    // Replication changes in place within a family; across LRS/GRS/RA-GRS and ZRS/GZRS/RA-GZRS it replaces.
    zonal: /ZRS$/i.test(String(a.account_replication_type ?? '')),
  }),
  azurerm_key_vault: a => ({ location: a.location, tenant: a.tenant_id }),
  azurerm_container_registry: a => ({ location: a.location }),
  azurerm_log_analytics_workspace: a => ({ location: a.location }),
  azurerm_application_insights: a => ({ location: a.location, type: a.application_type }),
  [`${ML}workspaces`]: a => {
    const p = a.body?.properties ?? {};
    return {
      location: a.location, storage: p.storageAccount, keyVault: p.keyVault, acr: p.containerRegistry,
      appInsights: p.applicationInsights, encryption: p.encryption, hbi: p.hbiWorkspace ?? false,
    };
  },
  [`${ML}registries`]: a => ({ location: a.location }),
};

/** Options for building a manifest. */
export interface BuildManifestOptions {
  /** Acknowledged hazards found in the stack's constructs. @default - none */
  readonly acknowledgements?: ManifestAcknowledgement[];
}

interface Res {
  readonly address: string;
  readonly tfType: string;
  readonly attrs: Json;
}

/**
 * Replaces references to the stack's resources in Terraform expressions with those resources' identities, and
 * remote-state reads with `remote(<stack>).<output>` (resolved by the review against the other stack's manifest).
 */
class Canonicalizer {
  private readonly identities = new Map<string, string>();
  private readonly resolving = new Set<string>();

  constructor(private readonly byAddress: Map<string, Res>) {}

  public value(v: unknown): string {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return this.expression(v);
    return stableJson(v, s => this.expression(s));
  }

  public expression(s: string): string {
    if (!s.includes('${')) return s;
    return s.replace(/\$\{([^}]*)\}/g, (_m, inner: string) => '${' + this.inner(inner) + '}');
  }

  public identity(address: string): string {
    const known = this.identities.get(address);
    if (known !== undefined) return known;
    const res = this.byAddress.get(address);
    if (!res || this.resolving.has(address)) return address;
    this.resolving.add(address);
    const id = identityOf(res, this);
    this.resolving.delete(address);
    this.identities.set(address, id);
    return id;
  }

  private inner(inner: string): string {
    return inner
      .replace(/data\.terraform_remote_state\.cross-stack-reference-input-([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g,
        (_m, stack: string, output: string) => `remote(${stack}).${output}`)
      .replace(/\b(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g, (m, data: string | undefined, type: string, id: string) => {
        const address = `${data ?? ''}${type}.${id}`;
        return this.byAddress.has(address) ? `<${this.identity(address)}>` : m;
      });
  }
}

function azureTypeOf(res: Res): string {
  const t = res.attrs.type;
  return res.tfType.startsWith('azapi_') && typeof t === 'string' ? t.replace(/@.*$/, '') : res.tfType;
}

function identityOf(res: Res, c: Canonicalizer): string {
  const a = res.attrs;
  const azureType = azureTypeOf(res);
  if (res.address.startsWith('data.')) {
    const { ['//']: _meta, ...args } = a;
    return `data:${res.tfType}|${c.value(args)}`;
  }
  switch (res.tfType) {
    case 'azapi_resource':
      return `${azureType}|${c.value(a.parent_id)}|${c.value(a.name)}`;
    case 'azapi_update_resource':
      return `update:${azureType}|${a.resource_id !== undefined ? c.value(a.resource_id) : `${c.value(a.parent_id)}|${c.value(a.name)}`}`;
    case 'azapi_resource_action':
      return `action:${azureType}|${c.value(a.resource_id)}|${a.method ?? 'POST'}|${a.action ?? ''}`;
    default: {
      const parts = AZURERM_IDENTITY_ARGS.filter(k => a[k] !== undefined).map(k => `${k}=${c.value(a[k])}`);
      return `${res.tfType}|${parts.join('|')}`;
    }
  }
}

/** JSON with sorted keys; strings mapped through `str`. */
export function stableJson(v: unknown, str: (s: string) => string = s => s): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(str(v));
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(x => stableJson(x, str)).join(',')}]`;
  const o = v as Json;
  return `{${Object.keys(o).sort().filter(k => o[k] !== undefined).map(k => `${JSON.stringify(k)}:${stableJson(o[k], str)}`).join(',')}}`;
}

/** The single resource address an expression refers to, when it is exactly `${<type>.<id>.<attr>}`. */
function referencedAddress(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_.]+\}$/.exec(v) : null;
  return m ? `${m[1]}.${m[2]}` : undefined;
}

function prefixed(o: Json | undefined, prefix: string): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o ?? {})) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function numbers(o: Json): { [key: string]: number } {
  const out: { [key: string]: number } = {};
  for (const [k, v] of Object.entries(o)) {
    const n = Number(v);
    if (Number.isFinite(n)) out[k] = n;
  }
  return out;
}

function shares(map: unknown): ManifestTrafficShare[] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map as Json)
    .map(([deployment, percent]) => ({ deployment, percent: Number(percent) }))
    .filter(s => s.percent > 0)
    .sort((x, y) => x.deployment.localeCompare(y.deployment));
}

/** Builds the manifest of one stack from its synthesized Terraform JSON (the parsed `cdk.tf.json`). */
export function buildStackManifest(stack: string, tf: Json, options: BuildManifestOptions = {}): StackManifest {
  const all: Res[] = [];
  const byAddress = new Map<string, Res>();
  for (const [tfType, group] of Object.entries((tf.resource ?? {}) as Json)) {
    for (const [id, attrs] of Object.entries(group as Json)) {
      const res = { address: `${tfType}.${id}`, tfType, attrs: attrs as Json };
      all.push(res);
      byAddress.set(res.address, res);
    }
  }
  // The JSON cdktf writes has sorted keys, the object it renders has not: sort, so both give the same manifest.
  all.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
  // Data sources are read, not managed: they only canonicalize the expressions that read them.
  const lookup = new Map(byAddress);
  for (const [tfType, group] of Object.entries((tf.data ?? {}) as Json)) {
    for (const [id, attrs] of Object.entries(group as Json)) lookup.set(`data.${tfType}.${id}`, { address: `data.${tfType}.${id}`, tfType, attrs: attrs as Json });
  }
  const c = new Canonicalizer(lookup);
  const pathOf = (r: Res): string | undefined => r.attrs['//']?.metadata?.path;

  const resources: ManifestResource[] = all.map(r => {
    const azureType = azureTypeOf(r);
    const replacing = REPLACING_ARGS[azureType];
    const triggers = r.attrs.replace_triggers_external_values;
    const replaceKey = replacing || triggers !== undefined
      ? c.value({ args: replacing ? replacing(r.attrs) : undefined, triggers })
      : undefined;
    const name = typeof r.attrs.name === 'string' ? r.attrs.name : undefined;
    return {
      address: r.address,
      type: r.tfType,
      azureType,
      name,
      identity: c.identity(r.address),
      replaceKey,
      stateful: r.tfType === 'azapi_resource' ? STATEFUL_AZAPI.test(azureType) : STATEFUL_AZURERM.has(r.tfType),
      globallyUnique: GLOBALLY_UNIQUE.has(azureType),
      protected: r.attrs.lifecycle?.prevent_destroy === true,
      constructPath: pathOf(r),
    };
  });

  // --- versions
  const versions: ManifestAssetVersion[] = [];
  const versionKeyByAddress = new Map<string, string>();
  const containerOf = (parentId: unknown): { name: string; location: { kind: string; name: string } } | undefined => {
    const address = referencedAddress(parentId);
    const container = address ? byAddress.get(address) : undefined;
    if (container) {
      const ownerAddress = referencedAddress(container.attrs.parent_id);
      const owner = ownerAddress ? byAddress.get(ownerAddress) : undefined;
      const kind = /\/registries\//i.test(String(container.attrs.type)) ? 'registry' : 'workspace';
      return { name: String(container.attrs.name), location: { kind, name: owner ? String(owner.attrs.name) : c.value(container.attrs.parent_id) } };
    }
    // A literal ARM id: .../(workspaces|registries)/<owner>/<kind>/<name>
    const m = typeof parentId === 'string' ? /\/(workspaces|registries)\/([^/]+)\/[^/]+\/([^/]+)$/i.exec(parentId) : null;
    return m ? { name: m[3], location: { kind: m[1].toLowerCase() === 'registries' ? 'registry' : 'workspace', name: m[2] } } : undefined;
  };
  for (const r of all) {
    const azureType = azureTypeOf(r);
    const m = VERSION_TYPE.exec(azureType);
    if (!m || (r.tfType !== 'azapi_resource' && r.tfType !== 'azapi_update_resource')) continue;
    const container = containerOf(r.attrs.parent_id);
    if (!container) continue;
    const p = r.attrs.body?.properties ?? {};
    const props: Json = p.properties ?? {};
    const tags: Json = p.tags ?? {};
    let content: string;
    if (r.tfType === 'azapi_update_resource') {
      // Promoted into a registry: the content is the workspace version it was published from.
      const publish = (r.attrs.depends_on as string[] | undefined ?? [])
        .map(d => byAddress.get(d))
        .find(d => d?.tfType === 'azapi_resource_action' && d.attrs.action === 'publish');
      content = c.value({ publishedFrom: publish ? publish.attrs.resource_id : undefined });
    } else {
      const identity = r.attrs.replace_triggers_external_values?.identity;
      content = c.value(identity ?? {
        modelType: p.modelType, uri: p.modelUri ?? p.dataUri ?? p.codeUri, image: p.image, build: p.build,
        condaFile: p.condaFile,
      });
    }
    const entry: ManifestAssetVersion = {
      kind: ASSET_KIND[m[2].toLowerCase()],
      name: container.name,
      version: String(r.attrs.name),
      location: container.location,
      address: r.address,
      constructPath: pathOf(r),
      content,
      lineage: prefixed(props, 'mlops.lineage.'),
      metrics: numbers({ ...prefixed(tags, 'mlops.metric.'), ...prefixed(props, 'mlops.metric.') }),
      stage: p.stage ?? tags['mlops.stage'],
      archived: p.isArchived === true,
      protected: r.attrs.lifecycle?.prevent_destroy === true,
    };
    versions.push(entry);
    versionKeyByAddress.set(r.address, versionKey(entry));
  }

  // --- endpoints, deployments, traffic
  const autoscale = new Map<string, { min?: number; max?: number }>();
  for (const r of all) {
    if (r.tfType !== 'azurerm_monitor_autoscale_setting') continue;
    const target = referencedAddress(r.attrs.target_resource_id);
    const profile = ([] as Json[]).concat(r.attrs.profile ?? [])[0];
    const capacity = ([] as Json[]).concat(profile?.capacity ?? [])[0];
    if (target && capacity) autoscale.set(target, { min: Number(capacity.minimum), max: Number(capacity.maximum) });
  }
  const endpoints: ManifestEndpoint[] = [];
  for (const r of all) {
    const kind = /^Microsoft\.MachineLearningServices\/workspaces\/(online|batch)Endpoints$/i.exec(azureTypeOf(r))?.[1]?.toLowerCase();
    if (r.tfType !== 'azapi_resource' || !kind) continue;
    const deployments: ManifestDeployment[] = all
      .filter(d => d.tfType === 'azapi_resource' && /\/deployments$/i.test(azureTypeOf(d)) && referencedAddress(d.attrs.parent_id) === r.address)
      .map(d => {
        const p = d.attrs.body?.properties ?? {};
        const modelRaw = typeof p.model === 'string' ? p.model : p.model?.assetId;
        const scale = autoscale.get(d.address);
        return {
          name: String(d.attrs.name),
          address: d.address,
          model: modelRaw === undefined ? undefined : c.value(modelRaw),
          modelVersion: modelVersionKey(modelRaw, versionKeyByAddress),
          instanceType: p.instanceType,
          instanceCount: kind === 'online' ? d.attrs.body?.sku?.capacity : p.resources?.instanceCount,
          autoscaleMin: scale?.min,
          autoscaleMax: scale?.max,
        };
      })
      .sort((x, y) => x.name.localeCompare(y.name));
    const patches = all.filter(u => u.tfType === 'azapi_update_resource' && referencedAddress(u.attrs.resource_id) === r.address);
    let traffic: ManifestTrafficShare[] = [];
    let mirror: ManifestTrafficShare[] = [];
    for (const u of patches) {
      const p = u.attrs.body?.properties ?? {};
      if (p.traffic) traffic = shares(p.traffic);
      if (p.mirrorTraffic) mirror = shares(p.mirrorTraffic);
      if (p.defaults?.deploymentName) traffic = [{ deployment: String(p.defaults.deploymentName), percent: 100 }];
    }
    endpoints.push({
      kind, name: String(r.attrs.name), workspace: c.value(r.attrs.parent_id), address: r.address, deployments, traffic, mirror,
    });
  }

  const outputs: { [key: string]: string } = {};
  for (const [name, o] of Object.entries((tf.output ?? {}) as Json)) outputs[name] = c.value((o as Json).value);
  const moved: ManifestMove[] = ([] as Json[]).concat(tf.moved ?? []).map(m => ({ from: String(m.from), to: String(m.to) }));

  return {
    schema: MANIFEST_SCHEMA,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    stack,
    versions,
    endpoints,
    resources,
    moved,
    outputs,
    acknowledgements: [...(options.acknowledgements ?? [])].sort((x, y) => x.hazard.localeCompare(y.hazard)),
  };
}

/** `<kind>:<workspace or registry>/<name>/<version>`: how the review names a version across stacks. */
export function versionKey(v: { kind: string; name: string; version: string; location: { name: string } }): string {
  return `${v.kind}:${v.location.name}/${v.name}/${v.version}`;
}

function modelVersionKey(model: unknown, byAddress: Map<string, string>): string | undefined {
  if (typeof model !== 'string') return undefined;
  const uri = /^azureml:\/\/(?:registries|(?:locations\/[^/]+\/)?workspaces)\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/.exec(model);
  if (uri) return `model:${uri[1]}/${uri[2]}/${uri[3]}`;
  const arm = /\/(?:workspaces|registries)\/([^/]+)\/models\/([^/]+)\/versions\/([^/]+)$/i.exec(model);
  if (arm && !model.includes('${')) return `model:${arm[1]}/${arm[2]}/${arm[3]}`;
  const address = referencedAddress(model);
  return address ? byAddress.get(address) : undefined;
}
