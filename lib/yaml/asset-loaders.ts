/**
 * Loaders for the CLI v2 asset files — model, environment, data, code — onto lib/assets' public API. lib/yaml calls
 * down into the constructs (no `addVersionFromYaml` on `Model`: that would import upward).
 */
import { stringify as toYaml } from 'yaml';
import { Construct } from 'constructs';
import { CodeAsset, CodeSource, CodeVersion } from '../assets/code-asset';
import { DataAsset, DataSource, DataType, DataVersion } from '../assets/data-asset';
import { Environment, EnvironmentSource, EnvironmentVersion, InferenceRoute, OperatingSystem } from '../assets/environment';
import { Model, ModelVersion } from '../assets/model';
import { ModelSource } from '../assets/model-source';
import { ModelStage, ModelType } from '../assets/asset-refs';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { YamlLoadOptions } from './options';
import { isLocalPath, pinnedVersion, prepare, stringMap, text, withinFile } from './prepare';
import { parseDatastorePath } from './references';
import { kindSchema } from './schema-check';

/** The vendored schemas of the asset kinds (read once, on first use). */
const ASSET_SCHEMAS = {
  get model() { return kindSchema('model'); },
  get environment() { return kindSchema('environment'); },
  get data() { return kindSchema('data'); },
  get code() { return kindSchema('code'); },
};

const COMMON_KEYS: { [subject: string]: KeyPath } = {
  name: ['name'], version: ['version'], tags: ['tags'], properties: ['properties'], source: ['path'], description: ['description'],
};

/** Where an asset goes: a workspace or a registry (what the CLI's `-w` / `--registry-name` choose). */
function parentOf(workspace?: IWorkspace, registry?: IRegistry): Construct {
  return (workspace ?? registry) as unknown as Construct;
}

/** The container named `name` already declared under `parent` (several files may add versions of one asset). */
function existing<T>(parent: Construct, name: string, type: abstract new (...a: any[]) => T): T | undefined {
  const child = parent.node.tryFindChild(name);
  return child instanceof type ? child : undefined;
}

/** A path written in a file: local (resolved against the file), a datastore path, a job output, or another URI. */
interface PathForm {
  readonly local?: string;
  readonly datastore?: { datastore: string; path: string };
  readonly job?: { job: string; output: string; path?: string };
  readonly uri?: string;
}

function pathForm(doc: YamlDocument, p: string): PathForm {
  const ds = parseDatastorePath(p);
  if (ds) return { datastore: ds };
  const job = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)(?:\/paths\/(.*))?$/.exec(p);
  if (job) return { job: { job: job[1], output: job[2], path: job[3]?.replace(/\/+$/, '') || undefined } };
  const run = /^runs:\/([^/]+)\/(.*)$/.exec(p);
  if (run) return { job: { job: run[1], output: 'artifacts', path: run[2].replace(/\/+$/, '') || undefined } };
  if (isLocalPath(p)) return { local: doc.resolvePath(p) };
  return { uri: p };
}

/** Where a version goes, and the names it gets. */
export interface BuildTarget {
  readonly workspace?: IWorkspace;
  readonly registry?: IRegistry;
  /** An existing container to add to (ModelYaml.addVersion). */
  readonly into?: Model;
}

type Data = { [key: string]: unknown };

function keysAt(at: KeyPath, keys: { [subject: string]: KeyPath }): { [subject: string]: KeyPath } {
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, [...at, ...v]]));
}

function modelSourceOf(form: PathForm): ModelSource {
  return form.local !== undefined ? ModelSource.fromLocalPath(form.local, { honourIgnoreFiles: true })
    : form.datastore ? ModelSource.fromDatastore(form.datastore.datastore, form.datastore.path)
      : form.job ? ModelSource.fromJobOutput(form.job.job, { outputName: form.job.output, path: form.job.path })
        : ModelSource.fromUri(form.uri!);
}

/**
 * The model version the mapping `d` (at `at` in `doc`: the file itself, or a deployment's inline `model:`) declares,
 * as `name`:`version` in `t`. Throws a YamlLoadError for what the library cannot carry.
 */
export function buildModelVersion(doc: YamlDocument, at: KeyPath, d: Data, what: string, t: BuildTarget, name: string, version: () => string): ModelVersion {
  unsupported(doc, at, d, what, {
    flavors: 'remove it: Azure ML reads an MLflow model\'s flavors from its MLmodel file',
    default_deployment_template: 'remove it and give the deployment its settings (deployment templates are a registry preview this library does not declare)',
    allowed_deployment_templates: 'remove it (deployment templates are a registry preview this library does not declare)',
    job_name: 'write the job output as `path: azureml://jobs/<job>/outputs/artifacts/paths/<path>` (the job is recorded as lineage)',
  });
  const stageText = text(d.stage);
  const stage = stageText === undefined ? undefined : ModelStage.all().find((s) => s.name.toLowerCase() === stageText.toLowerCase());
  if (stageText !== undefined && stage === undefined) {
    throw new YamlLoadError(doc.file, what, [doc.problem([...at, 'stage'], `must be one of ${ModelStage.all().map((s) => s.name).join(', ')}`,
      'use one of the stages this library records and gates promotion on')]);
  }
  const form = pathForm(doc, String(d.path));
  return withinFile(doc, what, keysAt(at, COMMON_KEYS), () => {
    const parent = parentOf(t.workspace, t.registry);
    const model = t.into ?? existing(parent, name, Model) ?? new Model(parent, name, { name, workspace: t.workspace, registry: t.registry });
    return model.addVersion(version(), {
      source: modelSourceOf(form),
      modelType: d.type !== undefined ? ModelType.of(String(d.type)) : undefined,
      description: text(d.description), tags: stringMap(d.tags), properties: stringMap(d.properties), stage,
    });
  });
}

/** Like {@link buildModelVersion}, for an environment: an image (+ conda file or inline conda) or a build context. */
export function buildEnvironmentVersion(doc: YamlDocument, at: KeyPath, d: Data, what: string, t: BuildTarget, name: string, version: () => string): EnvironmentVersion {
  const build = d.build as { path: string; dockerfile_path?: string } | undefined;
  const problems: YamlProblem[] = [];
  if ((d.image === undefined) === (build === undefined)) {
    problems.push(doc.problem(d.image === undefined ? at : [...at, 'build'], d.image === undefined ? 'needs `image` or `build`' : 'sets both `image` and `build`',
      'give either `image: <registry>/<repo>:<tag>` or `build: { path: <folder with a Dockerfile> }`', d.image === undefined ? '(neither)' : 'both'));
  }
  if (d.conda_file !== undefined && d.image === undefined) {
    problems.push(doc.problem([...at, 'conda_file'], 'needs `image`: Azure ML builds the conda environment on top of an image',
      'add `image:` (e.g. mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:<tag>), or install the packages in the build context\'s Dockerfile'));
  }
  if (build && !isLocalPath(build.path)) {
    problems.push(doc.problem([...at, 'build', 'path'], 'is a remote build context, which this library does not declare',
      'build and push the image in CI (az acr build), then write `image: <registry>/<repo>@sha256:...`'));
  }
  const ic = d.inference_config as { [k: string]: { path: string; port: number } } | undefined;
  if (ic && (!ic.liveness_route || !ic.readiness_route || !ic.scoring_route)) {
    problems.push(doc.problem([...at, 'inference_config'], 'needs liveness_route, readiness_route and scoring_route',
      'give all three routes (each with path and port)', Object.keys(ic).join(', ')));
  }
  if (problems.length > 0) throw new YamlLoadError(doc.file, what, problems);
  const conda = d.conda_file;
  const source = build
    ? EnvironmentSource.fromBuildContext(doc.resolvePath(build.path), { dockerfilePath: build.dockerfile_path, honourIgnoreFiles: true })
    : EnvironmentSource.fromImage(String(d.image), typeof conda === 'string' ? { condaFile: doc.resolvePath(conda) }
      : conda !== undefined ? { condaSpecification: toYaml(conda) } : {});
  const route = (r?: { path: string; port: number }): InferenceRoute | undefined => (r ? { path: r.path, port: r.port } : undefined);
  const keys = keysAt(at, { ...COMMON_KEYS, 'source': build ? ['build', 'path'] : ['image'], 'source (image)': ['image'], 'source (condaFile)': ['conda_file'],
    'source (dockerfilePath)': ['build', 'dockerfile_path'], 'inferenceRoutes': ['inference_config'] });
  return withinFile(doc, what, keys, () => {
    const parent = parentOf(t.workspace, t.registry);
    const env = existing(parent, name, Environment) ?? new Environment(parent, name, { name, workspace: t.workspace, registry: t.registry });
    return env.addVersion(version(), {
      source,
      operatingSystem: d.os_type !== undefined && String(d.os_type).toLowerCase() === 'windows' ? OperatingSystem.WINDOWS : OperatingSystem.LINUX,
      inferenceRoutes: ic ? {
        liveness: route(ic.liveness_route)!, readiness: route(ic.readiness_route)!, scoring: route(ic.scoring_route)!,
        startup: route(ic.startup_route),
      } : undefined,
      description: text(d.description), tags: stringMap(d.tags), properties: stringMap(d.properties),
    });
  });
}

/** Like {@link buildModelVersion}, for code: a local folder (uploaded as the CLI uploads it) or a URI. */
export function buildCodeVersion(doc: YamlDocument, at: KeyPath, d: Data, what: string, workspace: IWorkspace, name: string, version: () => string): CodeVersion {
  const p = String(d.path);
  const form = pathForm(doc, p);
  return withinFile(doc, what, keysAt(at, COMMON_KEYS), () => {
    const asset = existing(workspace as unknown as Construct, name, CodeAsset) ?? CodeAsset.inWorkspace(workspace, name, { name });
    const source = form.local !== undefined ? CodeSource.fromLocalPath(form.local, { honourIgnoreFiles: true }) : CodeSource.fromUri(p);
    return asset.addVersion(version(), { source, description: text(d.description), tags: stringMap(d.tags), properties: stringMap(d.properties) });
  });
}

function unsupported(doc: YamlDocument, at: KeyPath, d: Data, what: string, keys: { [key: string]: string }): void {
  const problems = Object.entries(keys).filter(([k]) => d[k] !== undefined).map(([k, fix]) => doc.problem([...at, k], 'is not supported by this library', fix));
  if (problems.length > 0) throw new YamlLoadError(doc.file, what, problems);
}

/**
 * Loads a CLI v2 model file (`az ml model create -f model.yml`).
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-model
 */
export class ModelYaml {
  /**
   * Declares the file's model version in `workspace`, adding it to the model of that name if this app declared it
   * already (by this method or `Model.inWorkspace(workspace, name)`), else creating the model.
   */
  public static inWorkspace(workspace: IWorkspace, file: string, options: YamlLoadOptions = {}): ModelVersion {
    return ModelYaml.load(file, options, { workspace });
  }

  /** The same in a registry (the CLI's `--registry-name`): the file's `path` must be a workspace version to promote. */
  public static inRegistry(registry: IRegistry, file: string, options: YamlLoadOptions = {}): ModelVersion {
    return ModelYaml.load(file, options, { registry });
  }

  /** Adds the file's version to `model`; the file's `name` is replaced by the model's. */
  public static addVersion(model: Model, file: string, options: YamlLoadOptions = {}): ModelVersion {
    return ModelYaml.load(file, { ...options, name: options.name ?? model.modelName }, { workspace: model.workspace, registry: model.registry, into: model });
  }

  private static load(file: string, options: YamlLoadOptions, t: BuildTarget): ModelVersion {
    const doc = prepare(file, 'model', ASSET_SCHEMAS.model, options);
    const name = String(doc.data.name);
    return buildModelVersion(doc, [], doc.data, 'model', t, name, () => pinnedVersion(doc, parentOf(t.workspace, t.registry), `model ${name}`));
  }
}

/**
 * Loads a CLI v2 environment file (`az ml environment create -f environment.yml`): an image, optionally with a
 * conda file (a path or inline), or a Docker build context.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-environment
 */
export class EnvironmentYaml {
  /** Declares the file's environment version in `workspace` (reusing an environment of that name declared already). */
  public static inWorkspace(workspace: IWorkspace, file: string, options: YamlLoadOptions = {}): EnvironmentVersion {
    return EnvironmentYaml.load(file, options, { workspace });
  }

  /** The same in a registry: only images (a build context needs a data-plane upload, see EnvironmentSource). */
  public static inRegistry(registry: IRegistry, file: string, options: YamlLoadOptions = {}): EnvironmentVersion {
    return EnvironmentYaml.load(file, options, { registry });
  }

  private static load(file: string, options: YamlLoadOptions, t: BuildTarget): EnvironmentVersion {
    const doc = prepare(file, 'environment', ASSET_SCHEMAS.environment, options);
    const name = String(doc.data.name);
    return buildEnvironmentVersion(doc, [], doc.data, 'environment', t, name, () => pinnedVersion(doc, parentOf(t.workspace, t.registry), `environment ${name}`));
  }
}

/**
 * Loads a CLI v2 data file (`az ml data create -f data.yml`): uri_file, uri_folder (the CLI's default) or mltable.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-data
 */
export class DataYaml {
  /** Declares the file's data version in `workspace` (reusing a data asset of that name declared already). */
  public static inWorkspace(workspace: IWorkspace, file: string, options: YamlLoadOptions = {}): DataVersion {
    const doc = prepare(file, 'data', ASSET_SCHEMAS.data, options);
    const d = doc.data;
    const name = String(d.name);
    // The CLI's default type (reference-yaml-data: "Default value: uri_folder").
    const type = String(d.type ?? 'uri_folder');
    const dataType = type === 'uri_file' ? DataType.URI_FILE : type === 'mltable' ? DataType.MLTABLE : DataType.URI_FOLDER;
    const form = pathForm(doc, String(d.path));
    if (form.job) {
      throw new YamlLoadError(file, 'data', [doc.problem(['path'], 'is a job output, which a data version does not reference here',
        'register the output once it exists: copy its azureml://datastores/... path from the job\'s outputs')]);
    }
    return withinFile(doc, 'data', COMMON_KEYS, () => {
      const asset = existing(workspace as unknown as Construct, name, DataAsset) ?? DataAsset.inWorkspace(workspace, name, { name, dataType });
      if (asset.dataType !== dataType) {
        throw new YamlLoadError(file, 'data', [doc.problem(['type'], `differs from data asset ${name}'s type ${asset.dataType.value}, declared already`,
          'keep one type per data asset (Azure fixes it on the container), or use another name', type)]);
      }
      const source = form.local !== undefined ? DataSource.fromLocalPath(form.local, { honourIgnoreFiles: true })
        : form.datastore ? DataSource.fromDatastore(form.datastore.datastore, form.datastore.path) : DataSource.fromUri(form.uri!);
      return asset.addVersion(pinnedVersion(doc, asset, `data asset ${name}`), {
        source, description: text(d.description), tags: stringMap(d.tags), properties: stringMap(d.properties),
      });
    });
  }
}

/**
 * Loads a CLI v2 code file (`az ml code create -f code.yml`): a local folder (uploaded as the CLI uploads it,
 * honouring `.amlignore`/`.gitignore`) or a cloud URI.
 */
export class CodeYaml {
  /** Declares the file's code version in `workspace` (reusing a code asset of that name declared already). */
  public static inWorkspace(workspace: IWorkspace, file: string, options: YamlLoadOptions = {}): CodeVersion {
    const doc = prepare(file, 'code', ASSET_SCHEMAS.code, options);
    const name = String(doc.data.name);
    return buildCodeVersion(doc, [], doc.data, 'code', workspace, name, () => pinnedVersion(doc, workspace, `code ${name}`));
  }
}
