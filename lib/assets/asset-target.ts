/**
 * Where an asset lives — a workspace or a registry — and the shared pieces of every asset container and version:
 * ids, URIs, duplicate detection, reserved tag prefixes. Not part of the jsii API.
 */
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ArmId } from '../core/arm-id';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';

/** The prefix of every tag and property key this library writes on assets (see lib/assets/README.md). */
export const MLOPS_PREFIX = 'mlops.';

/** A resolved asset location. */
export interface AssetTarget {
  readonly kind: 'workspace' | 'registry';
  /** The workspace or registry ARM id: the parent of containers. */
  readonly parentId: string;
  /** `workspaces` or `registries`: the first segment of the ML resource types. */
  readonly typePrefix: 'workspaces' | 'registries';
  /** A stable key for lock files and duplicate detection: `workspace:<name>` / `registry:<name>`. */
  readonly key: string;
  readonly workspace?: IWorkspace;
  readonly registry?: IRegistry;
  readonly dependable?: ITerraformDependable;
}

/**
 * Resolves `workspace` xor `registry`, adding a problem to `v` when neither or both are given.
 */
export function resolveTarget(v: Validator, what: string, workspace?: IWorkspace, registry?: IRegistry): AssetTarget | undefined {
  if ((workspace === undefined) === (registry === undefined)) {
    v.add({
      subject: 'workspace / registry', value: workspace && registry ? 'both set' : '(neither set)',
      rule: `a ${what} lives in exactly one workspace or registry`,
      fix: `pass either { workspace } or { registry }, or use workspace.add... / registry.add...`,
    });
    return undefined;
  }
  if (workspace) {
    return {
      kind: 'workspace', parentId: workspace.workspaceId, typePrefix: 'workspaces', workspace,
      key: `workspace:${isToken(workspace.workspaceName) ? workspace.node.path : workspace.workspaceName}`,
    };
  }
  const r = registry!;
  return {
    kind: 'registry', parentId: r.registryId, typePrefix: 'registries', registry: r, dependable: r.dependable,
    key: `registry:${isToken(r.registryName) ? r.node.path : r.registryName}`,
  };
}

/**
 * `azureml://` URI of an asset version: `azureml://registries/<r>/<kind>/<name>/versions/<v>` in a registry, and
 * `azureml://subscriptions/<s>/resourceGroups/<rg>/workspaces/<w>/<kind>/<name>/versions/<v>` in a workspace
 * (the long form, valid from any workspace).
 */
export function assetUri(target: AssetTarget, kind: string, name: string, version: string): string {
  if (target.kind === 'registry') {
    return `azureml://registries/${target.registry!.registryName}/${kind}/${name}/versions/${version}`;
  }
  const ws = target.workspace!;
  return `azureml://subscriptions/${ArmId.subscriptionId(ws.workspaceId)}/resourceGroups/${ws.resourceGroupName}` +
    `/workspaces/${ws.workspaceName}/${kind}/${name}/versions/${version}`;
}

// Asset names claimed per stack, so two constructs declaring the same container fail at synth with both paths
// named, in O(1) per declaration.
const CLAIMED = new WeakMap<TerraformStack, Map<string, string>>();

/** Claims `<target>/<kind>/<name>` for `scope`; adds a problem naming the other construct if it is taken. */
export function claimAssetName(v: Validator, scope: IConstruct, target: AssetTarget, kind: string, name: string): void {
  if (isToken(name)) return;
  const stack = TerraformStack.of(scope);
  let claimed = CLAIMED.get(stack);
  if (!claimed) {
    claimed = new Map();
    CLAIMED.set(stack, claimed);
  }
  const key = `${target.key}/${kind}/${name.toLowerCase()}`;
  const other = claimed.get(key);
  if (other !== undefined && other !== scope.node.path) {
    v.add({
      subject: 'name', value: renderValue(name),
      rule: `is already declared in the same ${target.kind} by '${other}' (asset names are case-insensitive)`,
      fix: `declare the ${kind} once and add every version to that object, or choose another name`,
    });
    return;
  }
  claimed.set(key, scope.node.path);
}

/** Adds a problem for every user tag key that uses the library's reserved prefix. */
export function checkReservedKeys(v: Validator, subject: string, map: { [key: string]: string } | undefined): void {
  for (const key of Object.keys(map ?? {})) {
    v.check(!key.startsWith(MLOPS_PREFIX), () => ({
      subject: `${subject}.${key}`, value: renderValue(key),
      rule: `uses the prefix "${MLOPS_PREFIX}", which this library reserves for lineage, metrics and stage`,
      fix: 'use the typed props (lineage, metrics, stage) or a key without that prefix',
    }));
  }
}
