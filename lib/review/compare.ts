// Compares the manifests of a base and a head synth: what a change does to production, and what it would lose.
import { versionKey } from './manifest';
import {
  HazardLevel, REVIEW_SCHEMA_VERSION, ReviewDeploymentChange, ReviewEndpointChange, ReviewHazard, ReviewMetric,
  ReviewMove, ReviewResourceChange, ReviewResult, ReviewStack, ReviewTrafficRow, ReviewVersionChange,
} from './result';
import { ManifestAssetVersion, ManifestDeployment, ManifestEndpoint, ManifestResource, StackManifest } from './schema';

const VERSION_AZURE_TYPE = /\/(models|environments|data|codes)\/versions$/i;
const LOWER_IS_BETTER = /(loss|error|rmse|mae|mse|mape|latency|perplexity)/i;
const RELEASED_STAGES = new Set(['production', 'staging']);

/** Replaces `remote(<stack>).<output>` with that stack's output, so identities read across stacks. */
function remoteResolver(manifests: StackManifest[]): (s: string) => string {
  const outputs = new Map(manifests.map(m => [m.stack, m.outputs]));
  const resolve = (s: string, depth: number): string => (depth > 4 || !s.includes('remote(')
    ? s
    : s.replace(/remote\(([A-Za-z0-9_-]+)\)\.([A-Za-z0-9_-]+)/g, (m, stack: string, output: string) => {
      const v = outputs.get(stack)?.[output];
      return v === undefined ? m : resolve(v.replace(/^\$\{(.*)\}$/, '$1'), depth + 1);
    }));
  return s => resolve(s, 0);
}

function versionNumber(key: string | undefined): number {
  const n = Number(key?.split('/').pop());
  return Number.isFinite(n) ? n : NaN;
}

/** The deployment of `endpoint` that takes the most live traffic, with the model version it serves. */
function leader(e: ManifestEndpoint | undefined): { deployment: string; share: number; modelVersion?: string } | undefined {
  if (!e || e.traffic.length === 0) return undefined;
  const top = [...e.traffic].sort((a, b) => b.percent - a.percent || a.deployment.localeCompare(b.deployment))[0];
  return { deployment: top.deployment, share: top.percent, modelVersion: e.deployments.find(d => d.name === top.deployment)?.modelVersion };
}

function describeSize(d: ManifestDeployment): string {
  const scale = d.autoscaleMin !== undefined ? ` (autoscale ${d.autoscaleMin}–${d.autoscaleMax})` : '';
  return `${d.instanceType ?? 'cluster'} × ${d.instanceCount ?? '?'}${scale}`;
}

function short(v: string | undefined): string {
  return v === undefined ? '?' : v.replace(/^model:/, '');
}

/** Options for a review. */
export interface ReviewOptions {
  /**
   * Hazard ids acknowledged outside the code (e.g. from a committed file), with their reasons, beside the
   * acknowledgements head's manifests carry.
   * @default - only the acknowledgements in head's manifests
   */
  readonly acknowledgements?: { [hazardId: string]: string };
}

/** Compares base and head manifests (every stack of each app). */
export function compareManifests(base: StackManifest[], head: StackManifest[], options: ReviewOptions = {}): ReviewResult {
  const resolveBase = remoteResolver(base);
  const resolveHead = remoteResolver(head);
  const baseByStack = new Map(base.map(m => [m.stack, m]));
  const headByStack = new Map(head.map(m => [m.stack, m]));
  const stackNames = [...new Set([...baseByStack.keys(), ...headByStack.keys()])].sort();

  const allBaseVersions = new Map<string, ManifestAssetVersion>();
  for (const m of base) for (const v of m.versions) allBaseVersions.set(versionKey(v), v);
  const allHeadVersions = new Map<string, ManifestAssetVersion>();
  for (const m of head) for (const v of m.versions) allHeadVersions.set(versionKey(v), v);
  const contentBase = contentResolver(base, resolveBase);
  const contentHead = contentResolver(head, resolveHead);
  // What serves what, in base: a version served by any deployment is released.
  const servedInBase = new Set<string>(contentBase.published);
  // The incumbent per model name: the version taking the most traffic now (over every endpoint of base).
  const incumbents = new Map<string, { key: string; share: number }>();
  for (const m of base) {
    for (const e of m.endpoints) {
      for (const d of e.deployments) if (d.modelVersion) servedInBase.add(d.modelVersion);
      const top = leader(e);
      if (!top?.modelVersion) continue;
      const name = top.modelVersion.split('/').slice(-2, -1)[0];
      const known = incumbents.get(name);
      if (!known || top.share > known.share) incumbents.set(name, { key: top.modelVersion, share: top.share });
    }
  }

  const hazards: ReviewHazard[] = [];
  const moves: ReviewMove[] = [];
  const hazard = (rule: string, level: string, stack: string, subject: string, message: string, fix: string) =>
    hazards.push({ id: `${rule}:${stack}:${subject}`, rule, level, stack, message, fix });

  const stacks: ReviewStack[] = stackNames.map(stack => {
    const b = baseByStack.get(stack);
    const h = headByStack.get(stack);
    const versions = compareVersions(stack, b?.versions ?? [], h?.versions ?? [], {
      servedInBase, incumbents, allBaseVersions, allHeadVersions, contentBase: contentBase.content, contentHead: contentHead.content, publishedInHead: new Set(contentHead.published), hazard,
    });
    const endpoints = compareEndpoints(stack, b?.endpoints ?? [], h?.endpoints ?? [], allHeadVersions, hazard);
    const { changes: resources, created } = compareResources(stack, b, h, resolveBase, resolveHead, hazard, moves);
    const status = !b ? 'added' : !h ? 'removed'
      : versions.length + endpoints.length + resources.length + created > 0 ? 'changed' : 'unchanged';
    return { stack, status, versions, endpoints, resources, otherResourcesCreated: created };
  });

  // Acknowledgements: in head's code (through its manifests), or given by the caller.
  const acks = new Map<string, string>(Object.entries(options.acknowledgements ?? {}));
  for (const m of head) for (const a of m.acknowledgements) acks.set(a.hazard, a.reason);
  const found = hazards.map(x => (acks.has(x.id) ? { ...x, acknowledged: acks.get(x.id) } : x));
  for (const [id, reason] of acks) {
    if (!hazards.some(x => x.id === id)) {
      found.push({
        id: `stale-acknowledgement:${id}`, rule: 'stale-acknowledgement', level: HazardLevel.INFO, stack: id.split(':')[1] ?? '',
        message: `the acknowledgement of '${id}' (${reason}) matches no hazard of this change`,
        fix: 'remove the acknowledgement once the change it was for has merged',
      });
    }
  }
  const order = [HazardLevel.BLOCKING, HazardLevel.WARNING, HazardLevel.INFO];
  found.sort((x, y) => order.indexOf(x.level) - order.indexOf(y.level) || x.id.localeCompare(y.id));
  moves.sort((x, y) => `${x.stack} ${x.from}`.localeCompare(`${y.stack} ${y.from}`));
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    stacks,
    hazards: found,
    moves,
    blocking: found.filter(x => x.level === HazardLevel.BLOCKING && x.acknowledged === undefined).length,
  };
}

type HazardFn = (rule: string, level: string, stack: string, subject: string, message: string, fix: string) => void;

interface VersionContext {
  readonly servedInBase: Set<string>;
  readonly incumbents: Map<string, { key: string; share: number }>;
  readonly allBaseVersions: Map<string, ManifestAssetVersion>;
  readonly allHeadVersions: Map<string, ManifestAssetVersion>;
  readonly contentBase: (v: ManifestAssetVersion) => string;
  readonly contentHead: (v: ManifestAssetVersion) => string;
  readonly publishedInHead: Set<string>;
  readonly hazard: HazardFn;
}

/**
 * A version's content with remote-state reads resolved; a version promoted into a registry has the content of the
 * workspace version it was published from. Also returns the keys of the workspace versions that were published
 * (so released).
 */
function contentResolver(manifests: StackManifest[], resolve: (s: string) => string): { content: (v: ManifestAssetVersion) => string; published: string[] } {
  const byIdentity = new Map<string, ManifestAssetVersion>();
  for (const m of manifests) {
    const identities = new Map(m.resources.map(r => [r.address, r.identity]));
    for (const v of m.versions) {
      const id = identities.get(v.address);
      if (id !== undefined) byIdentity.set(resolve(id), v);
    }
  }
  const source = (v: ManifestAssetVersion) => {
    const m = /^\{"publishedFrom":"\$\{<(.*)>\.id\}"\}$/.exec(resolve(v.content));
    return m ? byIdentity.get(m[1]) : undefined;
  };
  const published: string[] = [];
  for (const m of manifests) for (const v of m.versions) { const src = source(v); if (src) published.push(versionKey(src)); }
  return {
    content: v => { const src = source(v); return src ? `published:${resolve(src.content)}` : resolve(v.content); },
    published,
  };
}

function compareMetrics(v: ManifestAssetVersion, incumbent: ManifestAssetVersion | undefined): ReviewMetric[] {
  const names = [...new Set([...Object.keys(v.metrics), ...Object.keys(incumbent?.metrics ?? {})])].sort();
  return names.map(name => {
    const value = v.metrics[name];
    const inc = incumbent?.metrics[name];
    if (value === undefined || inc === undefined) return { name, value, incumbent: inc };
    const delta = Math.round((value - inc) * 1e6) / 1e6;
    return { name, value, incumbent: inc, delta, better: delta === 0 ? undefined : (LOWER_IS_BETTER.test(name) ? delta < 0 : delta > 0) };
  });
}

function compareVersions(stack: string, base: ManifestAssetVersion[], head: ManifestAssetVersion[], ctx: VersionContext): ReviewVersionChange[] {
  const b = new Map(base.map(v => [versionKey(v), v]));
  const h = new Map(head.map(v => [versionKey(v), v]));
  const out: ReviewVersionChange[] = [];
  const entry = (v: ManifestAssetVersion, change: string, before?: ManifestAssetVersion, extra: Partial<ReviewVersionChange> = {}): ReviewVersionChange => ({
    key: versionKey(v), kind: v.kind, name: v.name, version: v.version, locationKind: v.location.kind, locationName: v.location.name,
    change, stageBefore: before?.stage, stageAfter: change === 'removed' ? undefined : v.stage, metrics: [], ...extra,
  });
  for (const [key, v] of h) {
    const old = b.get(key);
    if (!old) {
      // A new model version: its metrics beside the version that takes most traffic now (else the latest before it).
      let comparedWith: string | undefined;
      if (v.kind === 'model') {
        const inc = ctx.incumbents.get(v.name)?.key;
        comparedWith = inc && inc !== key ? inc : latestBefore(v, ctx.allBaseVersions);
      }
      const incumbent = comparedWith ? ctx.allBaseVersions.get(comparedWith) : undefined;
      const metrics = v.kind === 'model' ? compareMetrics(v, incumbent) : [];
      out.push(entry(v, 'added', undefined, { comparedWith, metrics }));
      const worse = metrics.filter(m => m.better === false);
      // Warned once per model version: on the registry version when the workspace version was promoted.
      if (worse.length > 0 && comparedWith && !ctx.publishedInHead.has(key)) {
        ctx.hazard('metric-regression', HazardLevel.WARNING, stack, key,
          `${v.kind} ${v.name} version ${v.version} is worse than ${short(comparedWith)} on ${worse.map(m => `${m.name} (${m.value} vs ${m.incumbent})`).join(', ')}`,
          'check the evaluation before giving it traffic; a PromotionPolicy with noWorseThanIncumbent enforces this at synth');
      }
      continue;
    }
    const released = isReleased(old, ctx.servedInBase);
    if (ctx.contentBase(old) !== ctx.contentHead(v)) {
      out.push(entry(v, 'content-changed', old));
      ctx.hazard('version-content-changed', released ? HazardLevel.BLOCKING : HazardLevel.WARNING, stack, key,
        `the content of ${v.kind} ${v.name} version ${v.version} in ${v.location.kind} ${v.location.name} changes${released ? ' after its release' : ''}: versions are immutable, so it would be replaced`,
        `keep version ${v.version} as it was and declare a new version number for the new content`);
    } else if (!old.archived && v.archived) {
      out.push(entry(v, 'archived', old));
    } else if (old.archived && !v.archived) {
      out.push(entry(v, 'unarchived', old));
    } else if (old.stage !== v.stage) {
      out.push(entry(v, 'stage-changed', old));
    } else if (JSON.stringify(old.metrics) !== JSON.stringify(v.metrics) || JSON.stringify(old.lineage) !== JSON.stringify(v.lineage)) {
      out.push(entry(v, 'metadata-changed', old));
      ctx.hazard('version-metadata-changed', HazardLevel.WARNING, stack, key,
        `the lineage or metrics of ${v.kind} ${v.name} version ${v.version} change: Azure keeps a version's properties as first written`,
        'record new lineage or metrics on a new version');
    }
  }
  for (const [key, old] of b) {
    if (h.has(key)) continue;
    // A version that only moved to another stack is not removed.
    if (ctx.allHeadVersions.has(key)) continue;
    out.push(entry(old, 'removed', old));
    if (old.location.kind === 'registry') {
      ctx.hazard('registry-version-removed', HazardLevel.BLOCKING, stack, key,
        `${old.kind} ${old.name} version ${old.version} is removed from registry ${old.location.name}: a deleted registry version number can never be used again`,
        'archive the version instead (archived: true or ModelStage.ARCHIVED)');
    } else {
      const released = isReleased(old, ctx.servedInBase);
      ctx.hazard('version-removed', released ? HazardLevel.BLOCKING : HazardLevel.WARNING, stack, key,
        `${old.kind} ${old.name} version ${old.version} is deleted from workspace ${old.location.name}${released ? ', though it was released' : ''}`,
        'archive the version instead (archived: true or ModelStage.ARCHIVED)');
    }
  }
  return out.sort((x, y) => x.key.localeCompare(y.key, undefined, { numeric: true }));
}

function isReleased(v: ManifestAssetVersion, served: Set<string>): boolean {
  return v.location.kind === 'registry' || v.protected || RELEASED_STAGES.has(String(v.stage).toLowerCase()) || served.has(versionKey(v));
}

function latestBefore(v: ManifestAssetVersion, all: Map<string, ManifestAssetVersion>): string | undefined {
  const n = Number(v.version);
  let best: ManifestAssetVersion | undefined;
  for (const o of all.values()) {
    if (o.kind !== v.kind || o.name !== v.name || o.location.name !== v.location.name) continue;
    const m = Number(o.version);
    if (Number.isFinite(n) && Number.isFinite(m) && m < n && (!best || m > Number(best.version))) best = o;
  }
  return best ? versionKey(best) : undefined;
}

function compareEndpoints(stack: string, base: ManifestEndpoint[], head: ManifestEndpoint[],
  headVersions: Map<string, ManifestAssetVersion>, hazard: HazardFn): ReviewEndpointChange[] {
  const key = (e: ManifestEndpoint) => `${e.kind}:${e.name}`;
  const b = new Map(base.map(e => [key(e), e]));
  const h = new Map(head.map(e => [key(e), e]));
  const out: ReviewEndpointChange[] = [];
  for (const k of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    const before = b.get(k);
    const after = h.get(k);
    const e = (after ?? before)!;
    const share = (x: ManifestEndpoint | undefined, d: string, mirror: boolean) =>
      (mirror ? x?.mirror : x?.traffic)?.find(s => s.deployment === d)?.percent ?? 0;
    const names = [...new Set([...(before?.deployments ?? []), ...(after?.deployments ?? [])].map(d => d.name))].sort();
    const traffic: ReviewTrafficRow[] = names.map(d => ({
      deployment: d,
      before: share(before, d, false), after: share(after, d, false),
      mirrorBefore: share(before, d, true), mirrorAfter: share(after, d, true),
      modelVersion: (after?.deployments.find(x => x.name === d) ?? before?.deployments.find(x => x.name === d))?.modelVersion,
    }));
    const deployments: ReviewDeploymentChange[] = [];
    for (const d of names) {
      const x = before?.deployments.find(y => y.name === d);
      const y = after?.deployments.find(z => z.name === d);
      if (!x && y) deployments.push({ name: d, change: 'added', detail: `${short(y.modelVersion ?? y.model)} on ${describeSize(y)}` });
      else if (x && !y) {
        deployments.push({ name: d, change: 'removed', detail: `${short(x.modelVersion ?? x.model)} on ${describeSize(x)}` });
        const live = share(before, d, false);
        const mirrored = share(before, d, true);
        if (live > 0 || mirrored > 0) {
          hazard('live-deployment-removed', HazardLevel.BLOCKING, stack, `${e.name}/${d}`,
            `deployment ${d} of endpoint ${e.name} is removed while it takes ${live > 0 ? `${live}% of live traffic` : `${mirrored}% of mirror traffic`}: Terraform would delete it while traffic still points at it`,
            `remove it in two steps: first set its ${live > 0 ? 'traffic' : 'mirror'} share to 0 and apply, then remove the deployment`);
        }
      } else if (x && y) {
        if ((x.model ?? '') !== (y.model ?? '')) {
          deployments.push({ name: d, change: 'model-changed', detail: `${short(x.modelVersion ?? x.model)} → ${short(y.modelVersion ?? y.model)}` });
        }
        if (describeSize(x) !== describeSize(y)) deployments.push({ name: d, change: 'resized', detail: `${describeSize(x)} → ${describeSize(y)}` });
      }
    }
    const trafficChanged = traffic.some(r => r.before !== r.after);
    const mirrorChanged = traffic.some(r => r.mirrorBefore !== r.mirrorAfter);
    if (before && after && !trafficChanged && !mirrorChanged && deployments.length === 0) continue;
    out.push({
      name: e.name, kind: e.kind, change: !before ? 'added' : !after ? 'removed' : 'changed',
      rollout: classifyRollout(before, after, traffic, trafficChanged, mirrorChanged, headVersions),
      traffic, deployments,
    });
  }
  return out;
}

/** Names the rollout a traffic change is, from the shares and the versions they serve. */
function classifyRollout(before: ManifestEndpoint | undefined, after: ManifestEndpoint | undefined, rows: ReviewTrafficRow[],
  trafficChanged: boolean, mirrorChanged: boolean, _versions: Map<string, ManifestAssetVersion>): string {
  if (!trafficChanged) return mirrorChanged ? 'mirror-change' : 'none';
  const from = leader(before);
  const to = leader(after);
  if (!from || !to) return 'traffic-shift';
  const fromVersion = versionNumber(from.modelVersion);
  const toVersion = versionNumber(to.modelVersion);
  if (to.deployment !== from.deployment) {
    if (!Number.isNaN(fromVersion) && !Number.isNaN(toVersion) && toVersion < fromVersion) return 'rollback';
    return to.share === 100 ? 'promotion' : 'traffic-shift';
  }
  // The leader stays: a deployment gaining a minority share is a canary; one losing its share back to the leader
  // is a promotion of the leader when it is the newer version, else a rollback of the canary.
  const gained = rows.filter(r => r.deployment !== to.deployment && r.after > r.before);
  if (gained.length > 0 && to.share >= 50) return 'canary';
  const lost = rows.filter(r => r.deployment !== to.deployment && r.after < r.before);
  if (lost.length > 0 && to.share === 100) {
    const lostVersion = versionNumber(lost[0].modelVersion);
    if (!Number.isNaN(lostVersion) && !Number.isNaN(toVersion) && lostVersion > toVersion) return 'rollback';
    return 'promotion';
  }
  return 'traffic-shift';
}

/**
 * A resource deleted (or replaced) under a management lock that the state has: Azure refuses the delete with
 * 409 ScopeLocked, because a CanNotDelete lock covers the locked resource and everything under it (the library's
 * production protection locks the workspace; a Registry is locked by default). The fix is an apply of its own that lifts the lock first.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources
 */
function deletedUnderLock(stack: string, gone: ManifestResource[], base: readonly ManifestResource[], hazard: HazardFn): void {
  const locks = base.filter(r => r.type === 'azurerm_management_lock');
  for (const r of gone) {
    if (r.type === 'azurerm_management_lock') continue;
    const self = `\${<${r.identity}>.id}`;
    const lock = locks.find(l => {
      const scope = l.identity.split('|scope=')[1];
      return scope !== undefined && (scope === self || r.identity.includes(scope));
    });
    if (!lock) continue;
    hazard('deleted-under-lock', HazardLevel.WARNING, stack, r.address,
      `${r.type} ${r.name ?? r.address} is deleted under the management lock ${lock.address}: Azure refuses the delete (409 ScopeLocked), and the apply fails there`,
      'lift the lock in a change of its own first (a workspace\'s: Protection.custom({ preventDestroy: true, lockDependencies: true, lockWorkspace: false }); a registry\'s: deleteLock: false), apply, then make this change, and restore the lock after');
  }
}

function compareResources(stack: string, b: StackManifest | undefined, h: StackManifest | undefined,
  resolveBase: (s: string) => string, resolveHead: (s: string) => string, hazard: HazardFn, moves: ReviewMove[],
): { changes: ReviewResourceChange[]; created: number } {
  const baseRes = new Map((b?.resources ?? []).map(r => [r.address, r]));
  const headRes = new Map((h?.resources ?? []).map(r => [r.address, r]));
  const declared = new Map((h?.moved ?? []).map(m => [m.from, m.to]));
  const changes: ReviewResourceChange[] = [];
  const isVersion = (r: ManifestResource) => VERSION_AZURE_TYPE.test(r.azureType);
  const idOf = (r: ManifestResource, side: 'base' | 'head') => `${r.type}#${(side === 'base' ? resolveBase : resolveHead)(r.identity)}`;

  // Candidates for a move: head addresses new to this change, by Azure identity (a unique match only).
  const newByIdentity = new Map<string, ManifestResource[]>();
  for (const r of headRes.values()) {
    if (baseRes.has(r.address)) continue;
    const k = idOf(r, 'head');
    newByIdentity.set(k, [...(newByIdentity.get(k) ?? []), r]);
  }
  const matchedHead = new Set<string>();
  const soleRename = (r: ManifestResource): ManifestResource | undefined => {
    const gone = [...baseRes.values()].filter(x => x.type === r.type && !headRes.has(x.address) && !declared.has(x.address));
    const created = [...headRes.values()].filter(x => x.type === r.type && !baseRes.has(x.address) && !matchedHead.has(x.address));
    return gone.length === 1 && created.length === 1 ? created[0] : undefined;
  };
  const pairs: Array<[ManifestResource, ManifestResource]> = [];
  const gone: ManifestResource[] = [];
  for (const r of baseRes.values()) {
    const same = headRes.get(r.address);
    if (same && !declared.has(r.address)) { pairs.push([r, same]); continue; }
    const target = declared.get(r.address);
    const candidates = target ? [headRes.get(target)].filter((x): x is ManifestResource => x !== undefined) : (newByIdentity.get(idOf(r, 'base')) ?? []);
    const countInBase = [...baseRes.values()].filter(x => !headRes.has(x.address) && idOf(x, 'base') === idOf(r, 'base')).length;
    if (candidates.length === 1 && (target || countInBase === 1)) {
      const to = candidates[0];
      matchedHead.add(to.address);
      changes.push({ address: r.address, type: r.type, name: r.name, change: 'moved', stateful: r.stateful, to: to.address, declared: target !== undefined });
      if (!target) {
        moves.push({ stack, from: r.address, to: to.address, stateful: r.stateful });
        if (r.stateful) {
          hazard('stateful-moved', HazardLevel.BLOCKING, stack, r.address,
            `${r.type} ${r.name ?? ''} moves from ${r.address} to ${to.address} with no moved block: Terraform would destroy it and create it again`.replace('  ', ' '),
            'declare the move (run the review with --write-moves and commit the file MovedResources.fromFile reads)');
        }
      }
      pairs.push([r, to]);
      continue;
    }
    // A globally unique resource destroyed while one of its type is created: a rename (of it or of its construct).
    const renamedTo = r.globallyUnique ? soleRename(r) : undefined;
    if (renamedTo) {
      matchedHead.add(renamedTo.address);
      changes.push({ address: renamedTo.address, type: r.type, name: renamedTo.name, change: 'replaced', stateful: true, reason: `name ${r.name} → ${renamedTo.name}, address ${r.address} → ${renamedTo.address}` });
      hazard('global-name-changed', HazardLevel.BLOCKING, stack, r.address,
        `${r.type} ${r.name} is renamed to ${renamedTo.name}: a globally unique resource is replaced, its data left behind, and its old name may stay taken`,
        'keep the name: pass it explicitly, or keep the prefix, environment, resource group and location its default is derived from; then declare the move if the address changed');
      continue;
    }
    changes.push({ address: r.address, type: r.type, name: r.name, change: 'destroyed', stateful: r.stateful });
    gone.push(r);
    if (r.stateful && !isVersion(r)) {
      hazard('stateful-destroyed', HazardLevel.BLOCKING, stack, r.address,
        `${r.type} ${r.name ?? r.address} is destroyed${r.protected ? ' (prevent_destroy does not stop this: the resource left the configuration)' : ''}`,
        'keep the resource; if its construct was renamed or re-nested, declare the move');
    }
  }
  for (const [x, y] of pairs) {
    if (isVersion(x)) continue; // content changes of versions are the version rules' concern
    const identityChanged = resolveBase(x.identity) !== resolveHead(y.identity);
    const replaced = identityChanged || resolveBase(x.replaceKey ?? '') !== resolveHead(y.replaceKey ?? '');
    if (!replaced) continue;
    const reason = identityChanged ? (x.name !== y.name ? `name ${x.name} → ${y.name}` : 'parent or name changes') : 'an argument that forces replacement changes';
    changes.push({ address: y.address, type: y.type, name: y.name, change: 'replaced', stateful: y.stateful, reason });
    gone.push(x);
    if (x.globallyUnique && x.name !== y.name) {
      hazard('global-name-changed', HazardLevel.BLOCKING, stack, y.address,
        `${y.type} ${x.name} is renamed to ${y.name}: a globally unique resource is replaced, its data left behind, and its old name may stay taken`,
        'keep the name (pass it explicitly to keep it through other changes)');
    } else if (y.stateful) {
      hazard('stateful-replaced', HazardLevel.BLOCKING, stack, y.address, `${y.type} ${y.name ?? y.address} is replaced (${reason})`,
        'keep the arguments that force replacement; create a new resource beside it and migrate instead');
    }
  }
  deletedUnderLock(stack, gone, b?.resources ?? [], hazard);
  let created = 0;
  for (const r of headRes.values()) {
    if (baseRes.has(r.address) || matchedHead.has(r.address)) continue;
    if (r.stateful) changes.push({ address: r.address, type: r.type, name: r.name, change: 'created', stateful: true });
    else created++;
  }
  const rank: Record<string, number> = { destroyed: 0, replaced: 1, moved: 2, created: 3 };
  changes.sort((x, y) => rank[x.change] - rank[y.change] || x.address.localeCompare(y.address));
  return { changes, created };
}
