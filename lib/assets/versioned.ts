/**
 * The machinery every asset container and version shares, built one way: naming and placement checks, pinned
 * api-version, explicit values, content identity as a replace trigger, `prevent_destroy` where a deletion cannot be
 * undone. Each asset kind keeps only what differs (its source, its extra properties). Not part of the jsii API.
 */
import { Annotations, ITerraformDependable, TerraformResource, TerraformResourceLifecycle } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { mlType } from '../core/api-versions';
import { MlopsValidationError, renderValue } from '../core/errors';
import { NamingRules } from '../core/naming';
import { childId } from '../core/shape';
import { Validator } from '../core/validation';
import { AzapiResource } from '../bindings/azapi/resource';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { dependenciesWithin } from '../core/cross-stack';
import { checkOneDeclarationPerResource } from '../core/uniqueness';
import { AssetTarget, assetUri, checkReservedKeys, claimAssetName, resolveTarget } from './asset-target';
import { VersionLock } from './version-lock';

/** ML asset kinds, as they appear in resource types and `azureml://` URIs. */
export type AssetKind = 'models' | 'environments' | 'data' | 'codes';

/** How each kind is named in messages, and what to do instead of declaring a version twice. */
const KINDS: { [kind in AssetKind]: { construct: string; container: string; version: string; newVersionFix: string } } = {
  models: {
    construct: 'Model', container: 'model', version: 'model version',
    newVersionFix: 'versions are immutable: declare each version once, and add a new version number for new content',
  },
  environments: {
    construct: 'Environment', container: 'environment', version: 'environment version',
    newVersionFix: 'declare each version once; add a new version number for a new image or build context',
  },
  data: {
    construct: 'DataAsset', container: 'data asset', version: 'data version',
    newVersionFix: 'declare each version once; add a new version number for new data',
  },
  codes: {
    construct: 'CodeAsset', container: 'code asset', version: 'code version',
    newVersionFix: 'declare each version once; add a new version number for new code',
  },
};

export function lifecycleFor(preventDestroy: boolean): TerraformResourceLifecycle | undefined {
  return preventDestroy ? { preventDestroy: true } : undefined;
}

/** Why a registry version is protected by default. */
export const REGISTRY_REASON = 'a deleted registry version number can never be reused';
/** Why a version the owner protected is protected. */
export const ASKED_REASON = 'asked for with preventDestroy: true';

/**
 * `prevent_destroy` on a version's resources, for a reason: a default (registry, Production stage), the owner's
 * `preventDestroy: true`, or a production deployment that serves the version, asking after the version was declared.
 * An explicit `preventDestroy: false` is the opt-out, and wins over every reason.
 *
 * prevent_destroy plus a replace trigger means a content change fails the plan, so a protected version whose identity
 * is a replace trigger warns once, saying so; with a {@link VersionLock} the change already fails synth, and there is
 * nothing to warn about.
 */
export class VersionProtection {
  private protectedBecause?: string;

  /**
   * @param scope the version construct (warnings go on it)
   * @param label how messages name it: `Model version churn:3`
   * @param resources what gets `prevent_destroy`
   * @param optedOut the owner set `preventDestroy: false`
   * @param replaceTriggered the identity is a replace trigger on the resources
   */
  constructor(private readonly scope: IConstruct, private readonly label: string,
    private readonly resources: readonly TerraformResource[], private readonly optedOut: boolean,
    private readonly replaceTriggered: boolean) {}

  /** Protects the version unless its owner opted out; returns whether it is protected. Idempotent. */
  public protect(reason: string): boolean {
    if (this.optedOut) return false;
    if (this.protectedBecause !== undefined) return true;
    this.protectedBecause = reason;
    for (const r of this.resources) r.lifecycle = { ...r.lifecycle, preventDestroy: true };
    if (this.replaceTriggered && !VersionLock.of(this.scope)) {
      Annotations.of(this.scope).addWarning(`${this.label} has prevent_destroy (${reason}): changing its source ` +
        'would replace it and fail the plan. Add a new version number for new content (VersionLock.configure catches ' +
        'this at synth).');
    }
    return true;
  }
}

/** The props every container construct takes (the common part of ModelProps, EnvironmentProps, ...). */
export interface ContainerProps {
  readonly name?: string;
  readonly description?: string;
  readonly tags?: { [key: string]: string };
  readonly preventDestroy?: boolean;
  readonly workspace?: IWorkspace;
  readonly registry?: IRegistry;
}

/** A declared container. */
export interface Container {
  readonly target: AssetTarget;
  readonly name: string;
  readonly resource: AzapiResource;
}

/**
 * Validates and declares a container (`<workspaces|registries>/<kind>`) as `scope`'s `Resource`: name, reserved tag
 * keys, exactly one workspace or registry, one declaration per name. `properties` come before the shared ones.
 */
export function declareContainer(scope: Construct, id: string, kind: AssetKind, props: ContainerProps,
  properties: { [key: string]: any } = {}): Container {
  const v = new Validator(scope, `props for ${KINDS[kind].construct}`);
  const name = props.name ?? id;
  v.name('name', name, NamingRules.ASSET_NAME);
  checkReservedKeys(v, 'tags', props.tags);
  const target = resolveTarget(v, KINDS[kind].container, props.workspace, props.registry);
  if (target) claimAssetName(v, scope, target, kind, name);
  v.throwIfAny();
  checkOneDeclarationPerResource(scope);
  const resource = new AzapiResource(scope, 'Resource', {
    type: mlType(`${target!.typePrefix}/${kind}`),
    name,
    parentId: target!.parentId,
    body: {
      properties: {
        ...properties,
        ...(props.description !== undefined ? { description: props.description } : {}),
        tags: props.tags ?? {},
        isArchived: false,
      },
    },
    // Deleting a registry container deletes every version, whose numbers can never be reused.
    lifecycle: lifecycleFor(props.preventDestroy ?? target!.kind === 'registry'),
    dependsOn: dependenciesWithin(scope, [target!.dependable]),
  });
  return { target: target!, name, resource };
}

/** Throws when `version` is already declared in `container` (versions are the container's children, by number). */
export function rejectDuplicateVersion(container: Construct, kind: AssetKind, assetName: string, version: string): void {
  // A number (what JavaScript and YAML callers write) would crash the constructs package's lookup: refuse it first.
  if (typeof version !== 'string') childId(container, version, `${KINDS[kind].construct}Version`);
  const existing = container.node.tryFindChild(version);
  if (!existing) return;
  throw new Validator(container, KINDS[kind].version).add({
    subject: 'version', value: renderValue(version),
    rule: `is declared more than once in ${KINDS[kind].container} '${assetName}' (first at '${existing.node.path}')`,
    fix: KINDS[kind].newVersionFix,
  }).toError();
}

/** Where a version's container lives: exactly one of the two. */
export interface ContainerPlacement {
  readonly workspace?: IWorkspace;
  readonly registry?: IRegistry;
}

/**
 * Starts a version's checks: its number, its reserved tag keys, where its container lives and its claim there. The
 * caller adds its own checks and throws; `target` is undefined only when a problem says why.
 */
export function startVersion(scope: IConstruct, kind: AssetKind, container: ContainerPlacement, assetName: string,
  version: string, tags: { [key: string]: string } | undefined,
  properties?: { [key: string]: string }): { v: Validator; target: AssetTarget | undefined } {
  const v = new Validator(scope, KINDS[kind].version);
  v.name('version', version, NamingRules.ASSET_VERSION);
  checkReservedKeys(v, 'tags', tags);
  checkReservedKeys(v, 'properties', properties);
  const target = resolveTarget(v, KINDS[kind].version, container.workspace, container.registry);
  if (target) claimAssetName(v, scope, target, `${kind}/${assetName}/versions`, version);
  return { v, target };
}

/** Binds a source, adding its problems to `v` rather than throwing, so all of a version's problems come at once. */
export function bindSource<T>(v: Validator, bind: () => T): T | undefined {
  try {
    return bind();
  } catch (e) {
    if (!(e instanceof MlopsValidationError)) throw e;
    e.problems.forEach((p) => v.add(p));
    return undefined;
  }
}

/** The lock-file key of a version: `<workspace|registry>:<name>/<kind>/<asset>/<version>`. */
export function versionKey(target: AssetTarget, kind: AssetKind, name: string, version: string): string {
  return `${target.key}/${kind}/${name}/${version}`;
}

/** What every version says about itself, whatever its kind. */
export interface VersionSpec {
  readonly target: AssetTarget;
  readonly kind: AssetKind;
  readonly name: string;
  readonly version: string;
  readonly containerId: string;
  /** What the version waits for: its container, uploaded files, the source version. */
  readonly dependsOn: ITerraformDependable[];
  /** What makes the version what it is (content hash or URI, type): a replace trigger and the lock-file entry. */
  readonly identity: { [key: string]: string };
  /** The owner's choice: true protects, false opts out of every protection. @default - protected in a registry */
  readonly preventDestroy?: boolean;
  /** Why the version is protected by default besides being in a registry. @default - not protected in a workspace */
  readonly protectedBecause?: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** The version's property bag (lineage). @default - empty */
  readonly propertyBag?: { [key: string]: string };
  /** @default false */
  readonly archived?: boolean;
  /** The kind's own `properties` (modelUri, image, dataUri, ...), after the shared ones. */
  readonly properties: { [key: string]: any };
}

/** A declared version. */
export interface Version {
  readonly resource: AzapiResource;
  /** The `azureml://` URI. */
  readonly uri: string;
  /** What deployments and jobs reference: the ARM id in a workspace, the `azureml://registries/...` URI in a registry. */
  readonly assetId: string;
  readonly protection: VersionProtection;
}

/**
 * Declares a version (`<workspaces|registries>/<kind>/versions`) as `scope`'s `Resource`, and records its identity in
 * the stack's lock.
 */
export function declareVersion(scope: Construct, spec: VersionSpec): Version {
  const t = spec.target;
  VersionLock.of(scope)?.record(scope, versionKey(t, spec.kind, spec.name, spec.version), spec.identity);
  const resource = new AzapiResource(scope, 'Resource', {
    type: mlType(`${t.typePrefix}/${spec.kind}/versions`),
    name: spec.version,
    parentId: spec.containerId,
    body: {
      properties: {
        ...(spec.description !== undefined ? { description: spec.description } : {}),
        tags: spec.tags ?? {},
        properties: spec.propertyBag ?? {},
        isArchived: spec.archived ?? false,
        isAnonymous: false,
        ...spec.properties,
      },
    },
    // A version is immutable in Azure: a change of identity must show as a replacement in the plan (and fail it
    // where prevent_destroy holds), never as an in-place update.
    replaceTriggersExternalValues: { identity: spec.identity },
    dependsOn: dependenciesWithin(scope, spec.dependsOn),
  });
  const protection = new VersionProtection(scope, `${capitalized(KINDS[spec.kind].version)} ${spec.name}:${spec.version}`, [resource],
    spec.preventDestroy === false, true);
  const reason = spec.preventDestroy === true ? ASKED_REASON
    : t.kind === 'registry' ? REGISTRY_REASON : spec.protectedBecause;
  if (reason !== undefined) protection.protect(reason);
  const uri = assetUri(t, spec.kind, spec.name, spec.version);
  return { resource, uri, assetId: t.kind === 'registry' ? uri : resource.id, protection };
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
