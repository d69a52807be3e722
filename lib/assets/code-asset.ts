import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { AzapiResource } from '../bindings/azapi/resource';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { ICodeVersion } from './asset-refs';
import { LocalPathOptions } from './local-path-options';
import { artifactStoreFor, checkLocalPathExists, uploadLocalPath } from './local-upload';
import { checkRemoteUri } from './uris';
import { bindSource, declareContainer, declareVersion, rejectDuplicateVersion, startVersion } from './versioned';

/** What a bound {@link CodeSource} yields. */
export interface CodeSourceConfig {
  /** `local` or `uri`. */
  readonly kind: string;
  readonly codeUri: string;
  readonly identity: { [key: string]: string };
  /** @default - none */
  readonly dependencies?: ITerraformDependable[];
}

/** What a {@link CodeSource} is bound to. */
export interface CodeSourceBindOptions {
  readonly codeName: string;
  /** @default - the code asset is in a registry */
  readonly workspace?: IWorkspace;
  /** @default - the code asset is in a workspace */
  readonly registry?: IRegistry;
  readonly uploadScope: Construct;
}

const REGISTRY_RULE = 'cannot back a registry code version: Azure takes code into a registry only through a ' +
  'data-plane upload (startPendingUpload, then a SAS copy) that Terraform cannot perform';
const REGISTRY_FIX = 'declare the code version in a workspace; registry components that need code get it when ' +
  'they are created with `az ml component create --registry-name` (see lib/assets/README.md, "Registries")';

/**
 * Where a code version (a scoring or training script folder) comes from.
 *
 * | Source | Workspace | Registry |
 * |---|---|---|
 * | `fromLocalPath` | uploaded, content-addressed, to the artifact store | ERROR |
 * | `fromUri` | referenced | ERROR |
 */
export abstract class CodeSource {
  /** A local folder (or file), uploaded content-addressed (`codes/<name>/<sha256[:16]>/<folder>`). */
  public static fromLocalPath(localPath: string, options: LocalPathOptions = {}): CodeSource {
    return new LocalCodeSource(localPath, options.honourIgnoreFiles ?? false);
  }

  /** Code already in storage: an `https://` blob URI (what Azure ML itself writes) or `azureml://` URI. */
  public static fromUri(uri: string): CodeSource {
    return new UriCodeSource(uri);
  }

  public abstract readonly kind: string;
  public abstract bind(scope: Construct, options: CodeSourceBindOptions): CodeSourceConfig;
}

class LocalCodeSource extends CodeSource {
  public readonly kind = 'local';
  constructor(private readonly localPath: string, private readonly honourIgnoreFiles: boolean) { super(); }

  public bind(scope: Construct, options: CodeSourceBindOptions): CodeSourceConfig {
    const v = new Validator(scope, 'code version');
    const shown = `CodeSource.fromLocalPath(${renderValue(this.localPath)})`;
    v.check(options.registry === undefined, () => ({ subject: 'source', value: shown, rule: REGISTRY_RULE, fix: REGISTRY_FIX }));
    const store = artifactStoreFor(v, shown, options.workspace);
    checkLocalPathExists(v, this.localPath, 'point CodeSource.fromLocalPath at the folder holding the script');
    v.throwIfAny();
    const up = uploadLocalPath(options.uploadScope, store!, 'codes', options.codeName, this.localPath, this.honourIgnoreFiles);
    return {
      kind: this.kind,
      // Azure ML writes code URIs as blob https URLs; a folder keeps no trailing slash, as the CLI writes it.
      codeUri: up.httpsUri,
      identity: { source: this.kind, sha256: up.hashed.sha256, path: up.blobPath },
      dependencies: [...up.blobs],
    };
  }
}

class UriCodeSource extends CodeSource {
  public readonly kind = 'uri';
  constructor(private readonly uri: string) { super(); }

  public bind(scope: Construct, options: CodeSourceBindOptions): CodeSourceConfig {
    const v = new Validator(scope, 'code version');
    checkRemoteUri(v, 'source', this.uri);
    v.check(options.registry === undefined, () => ({ subject: 'source', value: renderValue(this.uri), rule: REGISTRY_RULE, fix: REGISTRY_FIX }));
    v.throwIfAny();
    return { kind: this.kind, codeUri: this.uri, identity: { source: this.kind, uri: isToken(this.uri) ? '(known at apply)' : this.uri } };
  }
}

/** What `workspace.addCode(id, options)` takes. */
export interface CodeAssetOptions {
  /** The code asset name. @default - the construct id */
  readonly name?: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** @default - true in a registry, false in a workspace */
  readonly preventDestroy?: boolean;
}

/** Props for {@link CodeAsset}. */
export interface CodeAssetProps extends CodeAssetOptions {
  /** @default - the code asset is in `registry` */
  readonly workspace?: IWorkspace;
  /** @default - the code asset is in `workspace` */
  readonly registry?: IRegistry;
}

/** A code asset container (azapi `<workspaces|registries>/codes`). */
export class CodeAsset extends Construct {
  /** Declares a code asset in `workspace`, as a child of the workspace construct — what `workspace.addCode` does. */
  public static inWorkspace(workspace: IWorkspace, id: string, options: CodeAssetOptions = {}): CodeAsset {
    return new CodeAsset(workspace, id, { ...options, workspace });
  }

  public readonly codeName: string;
  /** The ARM id of the code container. */
  public readonly codeId: string;
  public readonly workspace?: IWorkspace;
  public readonly registry?: IRegistry;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: CodeAssetProps) {
    super(scope, id);
    const c = declareContainer(this, id, 'codes', props);
    this.codeName = c.name;
    this.workspace = props.workspace;
    this.registry = props.registry;
    this.resource = c.resource;
    this.codeId = c.resource.id;
  }

  /** Adds a version; declaring a version twice fails. */
  public addVersion(version: string, options: CodeVersionOptions): CodeVersion {
    rejectDuplicateVersion(this, 'codes', this.codeName, version);
    return new CodeVersion(this, version, { ...options, codeAsset: this, version });
  }

}

/** What `codeAsset.addVersion(version, options)` takes. */
export interface CodeVersionOptions {
  readonly source: CodeSource;
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

/** Props for {@link CodeVersion}. */
export interface CodeVersionProps extends CodeVersionOptions {
  readonly codeAsset: CodeAsset;
  readonly version: string;
}

/** One immutable code version (azapi `<workspaces|registries>/codes/versions`). */
export class CodeVersion extends Construct implements ICodeVersion {
  public readonly codeName: string;
  public readonly version: string;
  public readonly assetId: string;
  /** The `azureml://` URI of the version. */
  public readonly uri: string;
  /** The `codeUri` of the version. */
  public readonly codeUri: string;
  public readonly dependable?: ITerraformDependable;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: CodeVersionProps) {
    super(scope, id);
    const code = props.codeAsset;
    const { v, target } = startVersion(this, 'codes', code, code.codeName, props.version, props.tags, props.properties);
    const cfg = bindSource(v, () => props.source.bind(this, { codeName: code.codeName, workspace: code.workspace, registry: code.registry, uploadScope: code }));
    v.throwIfAny();
    const c = cfg!;
    this.codeName = code.codeName;
    this.version = props.version;
    this.codeUri = c.codeUri;
    const declared = declareVersion(this, {
      target: target!, kind: 'codes', name: this.codeName, version: this.version, containerId: code.codeId,
      dependsOn: [code.resource, ...(c.dependencies ?? [])], identity: c.identity, preventDestroy: props.preventDestroy,
      description: props.description, tags: props.tags, propertyBag: props.properties, archived: props.archived,
      properties: { codeUri: c.codeUri },
    });
    this.resource = declared.resource;
    this.uri = declared.uri;
    this.assetId = declared.assetId;
    this.dependable = this.resource;
  }
}
