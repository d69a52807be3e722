/**
 * Turns the CLI's references into pinned versions (lib/yaml/README.md, "Versions are pinned"): a reference names a
 * version declared in this app, or an existing version by its pinned id; `@latest` and `labels/latest` resolve to the
 * highest version of that name declared in the app, and otherwise fail with the pin to write. Not part of the jsii API.
 */
import { IConstruct } from 'constructs';
import { CodeVersion } from '../assets/code-asset';
import { DataVersion } from '../assets/data-asset';
import { EnvironmentVersion } from '../assets/environment';
import { ModelVersion } from '../assets/model';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError } from './errors';
import { AssetReference, highestVersion, parseAssetReference } from './references';

/** The asset kinds, as the CLI's URIs name them. */
export type AssetKindSegment = 'models' | 'environments' | 'codes' | 'data';

type Declared = ModelVersion | EnvironmentVersion | CodeVersion | DataVersion;

function nameOf(v: Declared): string {
  return v instanceof ModelVersion ? v.modelName : v instanceof EnvironmentVersion ? v.environmentName : v instanceof CodeVersion ? v.codeName : v.dataName;
}

function kindOf(v: Declared): AssetKindSegment {
  return v instanceof ModelVersion ? 'models' : v instanceof EnvironmentVersion ? 'environments' : v instanceof CodeVersion ? 'codes' : 'data';
}

/** The versions of `kind`/`name` declared anywhere in `scope`'s app, in a registry named `registry` or in workspaces. */
export function declaredVersions(scope: IConstruct, kind: AssetKindSegment, name: string, registry?: string): Declared[] {
  return scope.node.root.node.findAll().filter((c): c is Declared =>
    (c instanceof ModelVersion || c instanceof EnvironmentVersion || c instanceof CodeVersion || c instanceof DataVersion)
    && kindOf(c) === kind && nameOf(c).toLowerCase() === name.toLowerCase()
    && (registry === undefined ? !c.uri.startsWith('azureml://registries/') : c.uri.startsWith(`azureml://registries/${registry}/`)));
}

/** A reference resolved to one pinned version. */
export interface PinnedReference {
  /** What a deployment or job body takes: the ARM id (workspace) or `azureml://registries/...` URI. */
  readonly assetId: string;
  readonly name: string;
  readonly version: string;
  /** The version declared in this app, when it is one (so dependencies and invariants can follow it). */
  readonly declared?: Declared;
  readonly reference: AssetReference;
}

/**
 * Resolves the reference written at `keyPath` of `doc` to a pinned version of `kind`, in `workspace` for the short
 * forms. Throws a {@link YamlLoadError} naming the line, the reference and the pin to write.
 */
export function pinReference(doc: YamlDocument, keyPath: KeyPath, text: string, kind: AssetKindSegment, workspace: IWorkspace, what: string): PinnedReference {
  const ref = parseAssetReference(text);
  const fail = (rule: string, fix: string): never => {
    throw new YamlLoadError(doc.file, what, [doc.problem(keyPath, rule, fix, text)]);
  };
  if (!ref) {
    return fail('is not an asset reference', `write azureml:<name>:<version>, azureml://registries/<registry>/${kind}/<name>/versions/<version>, or define the ${kind.replace(/s$/, '')} inline`);
  }
  if (ref.kind !== undefined && ref.kind !== kind) {
    return fail(`names ${ref.kind}, not ${kind}`, `point at a version of ${kind}`);
  }
  const registry = ref.form === 'registry' ? ref.registry : undefined;
  const declared = declaredVersions(workspace, kind, ref.name, registry);
  const pinTo = (version: string) => (registry !== undefined ? `azureml://registries/${registry}/${kind}/${ref.name}/versions/${version}` : `azureml:${ref.name}:${version}`);
  let version = ref.version;
  if (version === undefined) {
    if (ref.label !== 'latest') return fail(`uses label "${ref.label}", which this library cannot resolve at synth`, `pin the version: ${pinTo('<version>')}`);
    version = highestVersion(declared.map((d) => d.version));
    if (version === undefined) {
      return fail(`asks for the latest version, and no version of ${ref.name} is declared in this app (Azure's newest can change between plans)`,
        `pin the version: ${pinTo('<version>')}`);
    }
  }
  const hit = declared.find((d) => d.version === version);
  if (hit) return { assetId: hit.assetId, name: ref.name, version, declared: hit, reference: ref };
  if (ref.form === 'registry') return { assetId: pinTo(version), name: ref.name, version, reference: ref };
  if (ref.form === 'other-workspace') {
    return {
      assetId: `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ref.workspace}/${kind}/${ref.name}/versions/${version}`,
      name: ref.name, version, reference: ref,
    };
  }
  // A pinned version in the file's workspace, registered outside this app.
  return { assetId: `${workspace.workspaceId}/${kind}/${ref.name}/versions/${version}`, name: ref.name, version, reference: ref };
}
