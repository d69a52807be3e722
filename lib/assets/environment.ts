import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { AzapiResource } from '../bindings/azapi/resource';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { IEnvironmentVersion } from './asset-refs';
import { hashLocalPath, localPathExists } from './content-hash';
import { artifactStoreFor, uploadLocalPath } from './local-upload';
import { bindSource, declareContainer, declareVersion, rejectDuplicateVersion, startVersion } from './versioned';
import { checkShape, childId } from '../core/shape';
import { ENVIRONMENT_PROPS, ENVIRONMENT_VERSION_PROPS } from './shapes';
import { checkArgs, S } from '../core/shape';

/** What a bound {@link EnvironmentSource} yields. */
export interface EnvironmentSourceConfig {
  /** `image` or `build-context`. */
  readonly kind: string;
  /** The base image. @default - built from `contextUri` */
  readonly image?: string;
  /** The conda file's contents. @default - none */
  readonly condaFile?: string;
  /** The uploaded Docker build context. @default - uses `image` */
  readonly contextUri?: string;
  /** The Dockerfile path inside the build context. @default - none */
  readonly dockerfilePath?: string;
  /** The version's identity: image reference or content hash. */
  readonly identity: { [key: string]: string };
  /** Resources the version must wait for. @default - none */
  readonly dependencies?: ITerraformDependable[];
}

/** What an {@link EnvironmentSource} is bound to. */
export interface EnvironmentSourceBindOptions {
  readonly environmentName: string;
  /** @default - the environment is in a registry */
  readonly workspace?: IWorkspace;
  /** @default - the environment is in a workspace */
  readonly registry?: IRegistry;
  /** Where uploads are declared (shared by an environment's versions). */
  readonly uploadScope: Construct;
}

/** Options for {@link EnvironmentSource.fromImage}. */
export interface ImageEnvironmentOptions {
  /** A local conda file (YAML) whose packages Azure ML installs on top of the image. @default - the image as it is */
  readonly condaFile?: string;
  /**
   * The conda specification itself (YAML text), for a specification that is not in a file of its own (a CLI v2
   * environment YAML may write it inline). Not with `condaFile`.
   * @default - the image as it is, or `condaFile`
   */
  readonly condaSpecification?: string;
}

/** Options for {@link EnvironmentSource.fromBuildContext}. */
export interface BuildContextOptions {
  /** The Dockerfile, relative to the build context. @default Dockerfile */
  readonly dockerfilePath?: string;
  /**
   * Leave out the files the context's `.amlignore` (or, without one, `.gitignore`) matches, as the CLI does.
   * @default false - every file of the folder is uploaded
   */
  readonly honourIgnoreFiles?: boolean;
}

/**
 * What an environment version runs: an image (optionally with a conda file) or a Docker build context.
 *
 * | Source | Workspace | Registry |
 * |---|---|---|
 * | `fromImage` | yes | yes |
 * | `fromBuildContext` | the folder is uploaded content-addressed to the artifact store | ERROR: build and push the image, then use `fromImage` |
 */
export abstract class EnvironmentSource {
  /**
   * A container image, e.g. `mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04@sha256:...`. Pin a digest: a tag can
   * be moved, which would change a released environment version under its users.
   */
  public static fromImage(image: string, options: ImageEnvironmentOptions = {}): EnvironmentSource {
    checkArgs('EnvironmentSource.fromImage', { image, options }, { image: S.string('"mcr.microsoft.com/azureml/<image>@sha256:<digest>"').req, options: S.struct('ImageEnvironmentOptions', { condaFile: S.string('"conda.yaml"'), condaSpecification: S.string() }) });
    return new ImageSource(image, options.condaFile, options.condaSpecification);
  }

  /** A local folder with a Dockerfile, uploaded content-addressed (`environments/<name>/<sha256[:16]>/<folder>`). */
  public static fromBuildContext(directory: string, options: BuildContextOptions = {}): EnvironmentSource {
    checkArgs('EnvironmentSource.fromBuildContext', { directory, options }, { directory: S.string('"docker/"').req, options: S.struct('BuildContextOptions', { dockerfilePath: S.string('"Dockerfile"'), honourIgnoreFiles: S.boolean() }) });
    return new BuildContextSource(directory, options.dockerfilePath ?? 'Dockerfile', options.honourIgnoreFiles ?? false);
  }

  /** `image` or `build-context`. */
  public abstract readonly kind: string;

  /** Binds the source to a version; throws an error naming `scope` when it cannot be used there. */
  public abstract bind(scope: Construct, options: EnvironmentSourceBindOptions): EnvironmentSourceConfig;
}

const IMAGE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

class ImageSource extends EnvironmentSource {
  public readonly kind = 'image';
  constructor(private readonly image: string, private readonly condaFile?: string, private readonly condaSpecification?: string) { super(); }

  public bind(scope: Construct, _options: EnvironmentSourceBindOptions): EnvironmentSourceConfig {
    const v = new Validator(scope, 'environment version');
    v.matches('source (image)', this.image, IMAGE, 'must be an image reference: [registry/]repository[:tag][@sha256:digest], lowercase',
      'e.g. mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1');
    if (this.condaFile !== undefined) {
      v.check(localPathExists(this.condaFile) && fs.statSync(path.resolve(this.condaFile)).isFile(), () => ({
        subject: 'source (condaFile)', value: renderValue(this.condaFile),
        rule: `does not exist or is not a file (resolved from ${process.cwd()})`,
        fix: 'point condaFile at the conda YAML file, e.g. environments/train/conda.yaml',
      }));
    }
    v.check(this.condaFile === undefined || this.condaSpecification === undefined, () => ({
      subject: 'source (condaSpecification)', value: '(set with condaFile)', rule: 'conflicts with condaFile: an image takes one conda specification',
      fix: 'pass either condaFile or condaSpecification',
    }));
    v.throwIfAny();
    const conda = this.condaFile !== undefined ? fs.readFileSync(path.resolve(this.condaFile), 'utf8') : this.condaSpecification;
    if (!isToken(this.image) && !this.image.includes('@sha256:')) {
      const tag = /:([A-Za-z0-9_][A-Za-z0-9_.-]*)$/.exec(this.image.split('/').pop() ?? '')?.[1];
      if (tag === undefined || tag === 'latest') {
        Annotations.of(scope).addWarning(`Environment image ${JSON.stringify(this.image)} is not pinned (${tag ?? 'no tag'}): ` +
          'the image behind this released version can change. Pin a version tag or, better, a digest (@sha256:...).');
      }
    }
    return {
      kind: this.kind,
      image: this.image,
      condaFile: conda,
      identity: {
        source: this.kind,
        image: this.image,
        ...(this.condaFile !== undefined ? { condaSha256: hashLocalPath(this.condaFile).files[0].sha256 } : {}),
        ...(this.condaSpecification !== undefined ? { condaSha256: crypto.createHash('sha256').update(this.condaSpecification).digest('hex') } : {}),
      },
    };
  }
}

class BuildContextSource extends EnvironmentSource {
  public readonly kind = 'build-context';
  constructor(private readonly directory: string, private readonly dockerfilePath: string, private readonly honourIgnoreFiles: boolean) { super(); }

  public bind(scope: Construct, options: EnvironmentSourceBindOptions): EnvironmentSourceConfig {
    const v = new Validator(scope, 'environment version');
    const shown = `EnvironmentSource.fromBuildContext(${renderValue(this.directory)})`;
    v.check(options.registry === undefined, () => ({
      subject: 'source', value: shown,
      rule: 'cannot be registered in a registry: Azure takes a build context into a registry only through a ' +
        'data-plane upload that Terraform cannot perform',
      fix: 'build and push the image in CI (az acr build), then use EnvironmentSource.fromImage("<registry>/<repo>@sha256:...")',
    }));
    const store = artifactStoreFor(v, shown, options.workspace);
    const exists = localPathExists(this.directory);
    v.check(exists && fs.statSync(path.resolve(this.directory)).isDirectory(), () => ({
      subject: 'source', value: renderValue(this.directory),
      rule: `does not exist or is not a folder (resolved from ${process.cwd()})`,
      fix: 'point fromBuildContext at the folder holding the Dockerfile',
    }));
    if (exists) {
      v.check(fs.existsSync(path.join(path.resolve(this.directory), this.dockerfilePath)), () => ({
        subject: 'source (dockerfilePath)', value: renderValue(this.dockerfilePath),
        rule: `is not in the build context ${this.directory}`,
        fix: 'pass the Dockerfile path relative to the build context: fromBuildContext(dir, { dockerfilePath: "docker/Dockerfile" })',
      }));
    }
    v.throwIfAny();
    const up = uploadLocalPath(options.uploadScope, store!, 'environments', options.environmentName, this.directory, this.honourIgnoreFiles);
    return {
      kind: this.kind,
      // Build contexts are read over blob https (what Azure ML itself writes), with a trailing slash for a folder.
      contextUri: `${up.httpsUri}/`,
      dockerfilePath: this.dockerfilePath,
      identity: { source: this.kind, sha256: up.hashed.sha256, path: up.blobPath, dockerfilePath: this.dockerfilePath },
      dependencies: [...up.blobs],
    };
  }
}

/**
 * A route path. Azure's type asks only for a non-empty string holding a letter, digit or `_` (`Route.path`, pattern
 * `[a-zA-Z0-9_]`, unanchored), so "/" alone is refused; the library adds what a container's HTTP server can match: a
 * leading `/`, then RFC 3986 path characters (letters, digits, `-._~`, `%XX`, `!$&'()*+,;=`, `:` and `@`), which lets
 * TF Serving's `/v1/models/<m>:predict` through.
 * (azapi refuses, at plan time, a body string that misses its type's pattern: shared/schemas/terraform/azapi.md, "validation".)
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-environment#inference_config ;
 * https://www.rfc-editor.org/rfc/rfc3986#section-3.3
 */
const ROUTE_PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const ROUTE_NAMES_SOMETHING = /[A-Za-z0-9_]/;

/** A route of the inference server inside an environment's container. */
export interface InferenceRoute {
  /** The path, starting with `/`, e.g. `/score`. */
  readonly path: string;
  /** The port, 1-65535. */
  readonly port: number;
}

/** The routes of a custom inference server (for environments that serve models without Azure ML's server). */
export interface InferenceRoutes {
  readonly liveness: InferenceRoute;
  readonly readiness: InferenceRoute;
  readonly scoring: InferenceRoute;
  /** @default - no startup route */
  readonly startup?: InferenceRoute;
}

/** The operating system of an environment's image. */
export class OperatingSystem {
  public static readonly LINUX = new OperatingSystem('Linux');
  public static readonly WINDOWS = new OperatingSystem('Windows');
  private constructor(public readonly value: string) {}
}

/** What `workspace.addEnvironment(id, options)` and `registry.addEnvironment(id, options)` take. */
export interface EnvironmentOptions {
  /** The environment name. @default - the construct id */
  readonly name?: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** @default - true in a registry, false in a workspace */
  readonly preventDestroy?: boolean;
}

/** Props for {@link Environment}. */
export interface EnvironmentProps extends EnvironmentOptions {
  /** @default - the environment is in `registry` */
  readonly workspace?: IWorkspace;
  /** @default - the environment is in `workspace` */
  readonly registry?: IRegistry;
}

/** An environment container in a workspace or registry (azapi `<workspaces|registries>/environments`). */
export class Environment extends Construct {
  /** Declares an environment in `workspace`, as a child of the workspace construct — what `workspace.addEnvironment` does. */
  public static inWorkspace(workspace: IWorkspace, id: string, options: EnvironmentOptions = {}): Environment {
    return new Environment(workspace, id, { ...options, workspace });
  }

  public readonly environmentName: string;
  /** The ARM id of the environment container. */
  public readonly environmentId: string;
  public readonly workspace?: IWorkspace;
  public readonly registry?: IRegistry;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: EnvironmentProps) {
    super(scope, childId(scope, id, 'Environment'));
    checkShape(this, 'props for Environment', props, ENVIRONMENT_PROPS);
    const c = declareContainer(this, id, 'environments', props);
    this.environmentName = c.name;
    this.workspace = props.workspace;
    this.registry = props.registry;
    this.resource = c.resource;
    this.environmentId = c.resource.id;
  }

  /** Adds a version; declaring a version twice fails. */
  public addVersion(version: string, options: EnvironmentVersionOptions): EnvironmentVersion {
    rejectDuplicateVersion(this, 'environments', this.environmentName, version);
    return new EnvironmentVersion(this, version, { ...options, environment: this, version });
  }

}

/** What `environment.addVersion(version, options)` takes. */
export interface EnvironmentVersionOptions {
  readonly source: EnvironmentSource;
  /** Routes of a custom inference server. @default - Azure ML's inference server */
  readonly inferenceRoutes?: InferenceRoutes;
  /** @default OperatingSystem.LINUX */
  readonly operatingSystem?: OperatingSystem;
  /**
   * The version's property bag (`properties.properties` in Azure): free-form keys, set once when the version is
   * created (keys starting with `mlops.` are reserved for lineage, metrics and stage).
   * @default - none besides what this library records
   */
  readonly properties?: { [key: string]: string };
  /** @default - no description */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** @default false */
  readonly archived?: boolean;
  /** @default - true in a registry, false in a workspace */
  readonly preventDestroy?: boolean;
}

/** Props for {@link EnvironmentVersion}. */
export interface EnvironmentVersionProps extends EnvironmentVersionOptions {
  readonly environment: Environment;
  readonly version: string;
}

/**
 * One immutable environment version (azapi `<workspaces|registries>/environments/versions`). Automatic rebuilds are
 * disabled explicitly: a rebuild would change what a released version runs.
 */
export class EnvironmentVersion extends Construct implements IEnvironmentVersion {
  public readonly environmentName: string;
  public readonly version: string;
  public readonly assetId: string;
  /** The `azureml://` URI of the version. */
  public readonly uri: string;
  public readonly registryId?: string;
  public readonly customInferenceServer?: boolean;
  public readonly dependable?: ITerraformDependable;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: EnvironmentVersionProps) {
    super(scope, childId(scope, id, 'EnvironmentVersion'));
    checkShape(this, 'props for EnvironmentVersion', props, ENVIRONMENT_VERSION_PROPS);
    const env = props.environment;
    const { v, target } = startVersion(this, 'environments', env, env.environmentName, props.version, props.tags, props.properties);
    const routes = props.inferenceRoutes;
    if (routes) {
      for (const [name, route] of Object.entries({ liveness: routes.liveness, readiness: routes.readiness, scoring: routes.scoring, startup: routes.startup })) {
        if (!route) continue;
        v.integer(`inferenceRoutes.${name}.port`, route.port, { min: 1, max: 65535 });
        v.matches(`inferenceRoutes.${name}.path`, route.path, ROUTE_PATH, 'must be a URL path starting with "/" and naming something',
          'e.g. "/score", "/v2/health/ready" or "/v1/models/half_plus_two:predict"; percent-encode spaces and other characters');
        v.check(isToken(route.path) || ROUTE_NAMES_SOMETHING.test(route.path), () => ({
          subject: `inferenceRoutes.${name}.path`, value: JSON.stringify(route.path),
          rule: 'holds no letter, digit or "_"; Azure\'s resource type (which azapi checks at plan time) refuses such a route',
          fix: 'name the route, e.g. "/score" (a server that answers on "/" usually answers on a named path too, such as "/v2/health/ready")',
        }));
      }
    }
    const cfg = bindSource(v, () => props.source.bind(this, { environmentName: env.environmentName, workspace: env.workspace, registry: env.registry, uploadScope: env }));
    v.throwIfAny();
    const c = cfg!;
    this.environmentName = env.environmentName;
    this.version = props.version;
    const route = (r?: InferenceRoute) => (r ? { path: r.path, port: r.port } : undefined);
    const declared = declareVersion(this, {
      target: target!, kind: 'environments', name: this.environmentName, version: this.version, containerId: env.environmentId,
      dependsOn: [env.resource, ...(c.dependencies ?? [])], identity: c.identity, preventDestroy: props.preventDestroy,
      description: props.description, tags: props.tags, propertyBag: props.properties, archived: props.archived,
      properties: {
        ...(c.image !== undefined ? { image: c.image } : {}),
        ...(c.condaFile !== undefined ? { condaFile: c.condaFile } : {}),
        ...(c.contextUri !== undefined ? { build: { contextUri: c.contextUri, dockerfilePath: c.dockerfilePath } } : {}),
        ...(routes ? {
          inferenceConfig: {
            livenessRoute: route(routes.liveness), readinessRoute: route(routes.readiness), scoringRoute: route(routes.scoring),
            ...(routes.startup ? { startupRoute: route(routes.startup) } : {}),
          },
        } : {}),
        osType: (props.operatingSystem ?? OperatingSystem.LINUX).value,
        autoRebuild: 'Disabled',
      },
    });
    this.resource = declared.resource;
    this.uri = declared.uri;
    this.assetId = declared.assetId;
    this.registryId = target!.registry?.registryId;
    this.customInferenceServer = props.inferenceRoutes !== undefined;
    this.dependable = this.resource;
  }
}
