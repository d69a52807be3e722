/**
 * What a deployment file's `model`, `environment`, `code_configuration.code`, `compute` and `component` mean, as the
 * CLI means them, turned into this library's objects:
 *
 * | Written | Becomes |
 * |---|---|
 * | inline definition (`path:`, `image:`/`conda_file:`/`build:`) | a version declared here, named after the deployment (`<endpoint>-<deployment>`) unless the file names it, versioned by its content unless the file says `version` |
 * | local folder (`code: ./onlinescoring`) | a code version the same way (uploaded as the CLI uploads: `.amlignore`, else `.gitignore`) |
 * | `azureml:<name>:<version>`, or a `@latest`/`labels/latest` of something declared in the app | the declared version (with its stage, metrics and dependencies), or the workspace's ARM id of that version |
 * | `azureml:<name>@latest` of something not declared here | ERROR: Terraform cannot ask Azure which is newest at plan time; pin the version |
 * | `azureml://registries/<r>/…/versions/<v>`, an ARM id | the reference as it is |
 * | `azureml:<compute>` or a name | the compute's ARM id in the workspace |
 *
 * Not part of the jsii API.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import { Construct, IConstruct } from 'constructs';
import { stringify as yamlStringify } from 'yaml';
import { ICodeVersion, IEnvironmentVersion, IModelVersion, ModelType } from '../assets/asset-refs';
import { CodeAsset, CodeSource, CodeVersion } from '../assets/code-asset';
import { Environment, EnvironmentSource, EnvironmentVersion, InferenceRoute, InferenceRoutes } from '../assets/environment';
import { hashLocalPath, localPathExists } from '../assets/content-hash';
import { Model, ModelVersion } from '../assets/model';
import { ModelSource } from '../assets/model-source';
import { CodeReference, EnvironmentReference } from '../serving/asset-references';
import { DeploymentModel } from '../serving/deployment-model';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlProblem } from './errors';
import { isLocalPath, text } from './prepare';
import { AssetReference, highestVersion, parseAssetReference } from './references';

/** Where a deployment's assets are declared and how they are named. */
export interface AssetScope {
  readonly doc: YamlDocument;
  readonly scope: Construct;
  readonly workspace: IWorkspace;
  /** `<endpoint>-<deployment>`: the name of anonymous inline assets, as the CLI names none. */
  readonly ownerName: string;
  readonly problems: YamlProblem[];
}

type Kind = 'models' | 'environments' | 'codes';

/** A short content version: 12 hex digits of a SHA-256, stable for the same content. */
export function contentVersion(...parts: string[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 12);
}

function declaredVersions(root: IConstruct, kind: Kind): Array<IModelVersion | IEnvironmentVersion | ICodeVersion> {
  return root.node.findAll().filter((c): c is ModelVersion | EnvironmentVersion | CodeVersion =>
    (kind === 'models' && c instanceof ModelVersion) || (kind === 'environments' && c instanceof EnvironmentVersion)
    || (kind === 'codes' && c instanceof CodeVersion));
}

function nameOf(v: IModelVersion | IEnvironmentVersion | ICodeVersion): string {
  return 'modelName' in v ? v.modelName : 'environmentName' in v ? v.environmentName : v.codeName;
}

/**
 * The declared version a reference means (`@latest` and `labels/latest` pinned to the highest declared), or, for a
 * reference to something not declared here, the id Azure takes; a problem when it cannot be pinned.
 */
function resolveReference(a: AssetScope, keyPath: KeyPath, kind: Kind, ref: AssetReference):
  { declared?: IModelVersion | IEnvironmentVersion | ICodeVersion; id?: string } {
  const inRegistry = ref.form === 'registry';
  const candidates = declaredVersions(a.scope.node.root, kind).filter((v) => nameOf(v) === ref.name
    && (inRegistry ? v.assetId.includes(`/registries/${ref.registry}/`) : !v.assetId.startsWith('azureml://registries/')));
  const version = ref.version ?? (ref.label === 'latest' ? highestVersion(candidates.map((c) => c.version)) : undefined);
  const declared = candidates.find((c) => c.version === version);
  if (declared) return { declared };
  if (ref.version !== undefined) {
    if (ref.form === 'workspace') return { id: `${a.workspace.workspaceId}/${kind}/${ref.name}/versions/${ref.version}` };
    if (ref.form === 'other-workspace') {
      return { id: `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ref.workspace}/${kind}/${ref.name}/versions/${ref.version}` };
    }
    return { id: ref.text };
  }
  a.problems.push(a.doc.problem(keyPath,
    `cannot be pinned: ${ref.label ? `"${ref.label}" is` : 'no version is'} resolved by Azure when the CLI runs, and no version of ${kind.slice(0, -1)} '${ref.name}' is declared in this app`,
    `name the version (e.g. ${inRegistry ? `azureml://registries/${ref.registry}/${kind}/${ref.name}/versions/<v>` : `azureml:${ref.name}:<version>`}), or declare the version in this app (e.g. load its YAML first)`));
  return {};
}

function parseRef(a: AssetScope, keyPath: KeyPath, value: string): AssetReference | undefined {
  const ref = parseAssetReference(value) ?? (/^\/subscriptions\//i.test(value) ? armReference(value) : undefined);
  if (!ref) {
    a.problems.push(a.doc.problem(keyPath, 'is not an asset reference this library can resolve',
      'write azureml:<name>:<version>, azureml:<name>@latest, azureml://registries/<r>/<kind>/<name>/versions/<v>, or an ARM id'));
  }
  return ref;
}

/** An ARM id with the provider segment (the framework's parser takes the CLI's long form). */
function armReference(value: string): AssetReference | undefined {
  const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/(models|environments|codes|components)\/([^/]+)\/versions\/([^/]+)$/i.exec(value);
  return m ? { form: 'other-workspace', subscriptionId: m[1], resourceGroup: m[2], workspace: m[3], kind: m[4], name: m[5], version: m[6], text: value } : undefined;
}

/** Resolves a local path of the file, recording a problem when it does not exist. */
function localPath(a: AssetScope, keyPath: KeyPath, p: string): string | undefined {
  const resolved = a.doc.resolvePath(p);
  if (localPathExists(resolved)) return resolved;
  a.problems.push(a.doc.problem(keyPath, `does not exist (resolved against the file's folder: ${resolved})`,
    'fix the path; relative paths are relative to the YAML file, as the CLI reads them'));
  return undefined;
}

function hashOf(p: string): string {
  return hashLocalPath(p, true).sha256;
}

/** The deployment's model: `model` as written (reference or inline), its type inferred where the file cannot say it. */
export function deploymentModel(a: AssetScope, keyPath: KeyPath, noRuntime: boolean): DeploymentModel | undefined {
  const value = a.doc.get(keyPath);
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const ref = parseRef(a, keyPath, value);
    if (!ref) return undefined;
    const r = resolveReference(a, keyPath, 'models', ref);
    if (r.declared) return DeploymentModel.fromModelVersion(r.declared as IModelVersion);
    // A model not declared here says nothing of its type; a deployment without environment and code is a no-code one
    // (MLflow, or Triton), which is the only way Azure serves a model without a scoring script.
    return r.id ? DeploymentModel.fromUri(r.id, { modelType: noRuntime ? ModelType.MLFLOW : ModelType.CUSTOM }) : undefined;
  }
  const m = value as Record<string, unknown>;
  const p = text(m.path);
  if (p === undefined) {
    a.problems.push(a.doc.problem([...keyPath, 'path'], 'is required for a model defined inline', 'add `path:` (a local file or folder, or a cloud URI)'));
    return undefined;
  }
  const local = isLocalPath(p) ? localPath(a, [...keyPath, 'path'], p) : undefined;
  if (isLocalPath(p) && local === undefined) return undefined;
  const name = text(m.name) ?? a.ownerName;
  const version = text(m.version) ?? contentVersion(local ? hashOf(local) : p, String(m.type ?? ''));
  const model = Model.inWorkspace(a.workspace, `${a.ownerName}-model`, { name, description: text(m.description) });
  const mv = model.addVersion(version, {
    source: local ? ModelSource.fromLocalPath(local, { honourIgnoreFiles: true }) : ModelSource.fromUri(p),
    modelType: m.type ? ModelType.of(String(m.type)) : ModelType.CUSTOM,
    tags: stringTags(m.tags),
  });
  return DeploymentModel.fromModelVersion(mv);
}

/** The deployment's environment: a reference, or an inline definition declared as a version here. */
export function deploymentEnvironment(a: AssetScope, keyPath: KeyPath): IEnvironmentVersion | undefined {
  const value = a.doc.get(keyPath);
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const ref = parseRef(a, keyPath, value);
    if (!ref) return undefined;
    const r = resolveReference(a, keyPath, 'environments', ref);
    if (r.declared) return r.declared as IEnvironmentVersion;
    return r.id ? EnvironmentReference.fromAssetId(a.scope, 'EnvironmentReference', r.id) : undefined;
  }
  const e = value as Record<string, unknown>;
  const built = environmentSourceOf(a, keyPath, e);
  if (!built) return undefined;
  const { source, content } = built;
  const routes = inferenceRoutes(e.inference_config);
  const name = text(e.name) ?? a.ownerName;
  const version = text(e.version) ?? contentVersion(content, JSON.stringify(e.inference_config ?? null));
  return Environment.inWorkspace(a.workspace, `${a.ownerName}-environment`, { name, description: text(e.description) })
    .addVersion(version, { source, inferenceRoutes: routes, tags: stringTags(e.tags) });
}

/** An inline environment's source and the text its content version is the hash of. */
function environmentSourceOf(a: AssetScope, keyPath: KeyPath, e: Record<string, unknown>): { source: EnvironmentSource; content: string } | undefined {
  const image = text(e.image);
  const build = e.build as Record<string, unknown> | undefined;
  let source: EnvironmentSource | undefined;
  let content: string;
  if (build !== undefined) {
    const dir = localPath(a, [...keyPath, 'build', 'path'], text(build.path) ?? '');
    if (!dir) return undefined;
    source = EnvironmentSource.fromBuildContext(dir, { dockerfilePath: text(build.dockerfile_path), honourIgnoreFiles: true });
    content = `build:${hashOf(dir)}:${text(build.dockerfile_path) ?? ''}`;
  } else if (image !== undefined) {
    const conda = e.conda_file;
    if (typeof conda === 'string') {
      const file = localPath(a, [...keyPath, 'conda_file'], conda);
      if (!file) return undefined;
      source = EnvironmentSource.fromImage(image, { condaFile: file });
      content = `image:${image}:${fs.readFileSync(file, 'utf8')}`;
    } else if (conda !== undefined && conda !== null) {
      const spec = yamlStringify(conda);
      source = EnvironmentSource.fromImage(image, { condaSpecification: spec });
      content = `image:${image}:${spec}`;
    } else {
      source = EnvironmentSource.fromImage(image);
      content = `image:${image}`;
    }
  } else {
    a.problems.push(a.doc.problem(keyPath, 'defines an environment without `image` or `build`', 'add `image:` (and optionally `conda_file:`), or `build: { path: ... }`'));
    return undefined;
  }
  return { source: source!, content };
}

/** The version the loader gives an inline environment without `version` (for `yaml convert` too). */
export function inlineEnvironmentVersion(a: AssetScope, keyPath: KeyPath, e: Record<string, unknown>): string | undefined {
  const built = environmentSourceOf(a, keyPath, e);
  return built ? text(e.version) ?? contentVersion(built.content, JSON.stringify(e.inference_config ?? null)) : undefined;
}

/** The version the loader gives an inline model without `version`. */
export function inlineModelVersion(doc: YamlDocument, m: Record<string, unknown>): string {
  const p = String(m.path);
  const local = isLocalPath(p) ? doc.resolvePath(p) : undefined;
  return text(m.version) ?? contentVersion(local && localPathExists(local) ? hashOf(local) : p, String(m.type ?? ''));
}

/** The version the loader gives a local code folder. */
export function inlineCodeVersion(doc: YamlDocument, p: string): string {
  const dir = doc.resolvePath(p);
  return contentVersion(localPathExists(dir) ? hashOf(dir) : p);
}

function inferenceRoutes(config: unknown): InferenceRoutes | undefined {
  if (config === undefined || config === null) return undefined;
  const c = config as Record<string, { path?: unknown; port?: unknown } | undefined>;
  const route = (r: { path?: unknown; port?: unknown } | undefined): InferenceRoute | undefined =>
    r ? { path: String(r.path ?? ''), port: Number(r.port) } : undefined;
  return { liveness: route(c.liveness_route)!, readiness: route(c.readiness_route)!, scoring: route(c.scoring_route)!, startup: route(c.startup_route) };
}

/** `code_configuration.code`: a local folder (declared as a content-versioned code version) or a reference. */
export function deploymentCode(a: AssetScope, keyPath: KeyPath): ICodeVersion | undefined {
  const value = text(a.doc.get(keyPath));
  if (value === undefined) return undefined;
  if (isLocalPath(value)) {
    const dir = localPath(a, keyPath, value);
    if (!dir) return undefined;
    return CodeAsset.inWorkspace(a.workspace, `${a.ownerName}-code`, { name: a.ownerName })
      .addVersion(contentVersion(hashOf(dir)), { source: CodeSource.fromLocalPath(dir, { honourIgnoreFiles: true }) });
  }
  if (/^(https?|wasbs?|abfss?):\/\//i.test(value)) {
    return CodeAsset.inWorkspace(a.workspace, `${a.ownerName}-code`, { name: a.ownerName })
      .addVersion(contentVersion(value), { source: CodeSource.fromUri(value) });
  }
  const ref = parseRef(a, keyPath, value);
  if (!ref) return undefined;
  const r = resolveReference(a, keyPath, 'codes', ref);
  if (r.declared) return r.declared as ICodeVersion;
  return r.id ? CodeReference.fromAssetId(a.scope, 'CodeReference', r.id) : undefined;
}

/** `compute: azureml:<name>` (or a bare name, or an ARM id) as the compute's ARM id in the workspace. */
export function computeIdOf(workspace: IWorkspace, value: string): string {
  if (/^\/subscriptions\//i.test(value)) return value;
  return `${workspace.workspaceId}/computes/${value.replace(/^azureml:/, '')}`;
}

/**
 * A pipeline component reference as its id: declared components are not a construct of this library yet, so a
 * version must be named (or an ARM id / registry URI given).
 */
export function componentIdOf(a: AssetScope, keyPath: KeyPath): string | undefined {
  const value = a.doc.get(keyPath);
  if (typeof value !== 'string') {
    a.problems.push(a.doc.problem(keyPath, 'defines the pipeline component inline, which this library cannot register yet',
      'register the component (az ml component create -f …) and reference it: component: azureml:<name>:<version>'));
    return undefined;
  }
  const ref = parseRef(a, keyPath, value);
  if (!ref) return undefined;
  if (ref.version === undefined) {
    a.problems.push(a.doc.problem(keyPath, `cannot be pinned: "${ref.label ?? '(no version)'}" is resolved by Azure when the CLI runs`,
      `name the component version, e.g. azureml:${ref.name}:<version>, or pass it as an override (--set component=azureml:${ref.name}:<version>)`));
    return undefined;
  }
  if (ref.form === 'workspace') return `${a.workspace.workspaceId}/components/${ref.name}/versions/${ref.version}`;
  if (ref.form === 'other-workspace') return armReference(value) ? value : `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ref.workspace}/components/${ref.name}/versions/${ref.version}`;
  return ref.text;
}

function stringTags(v: unknown): { [k: string]: string } | undefined {
  if (v === undefined || v === null) return undefined;
  return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, String(x)]));
}
