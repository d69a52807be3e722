import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { renderValue } from '../core/errors';
import { NamingRules } from '../core/naming';
import { isToken, Validator } from '../core/validation';
import { AzapiResource } from '../bindings/azapi/resource';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { IDataVersion } from './asset-refs';
import { LocalPathOptions } from './local-path-options';
import { artifactStoreFor, checkLocalPathExists, uploadLocalPath } from './local-upload';
import { checkRemoteUri } from './uris';
import { bindSource, declareContainer, declareVersion, rejectDuplicateVersion, startVersion } from './versioned';

/** The type of a data asset. */
export class DataType {
  /** One file. */
  public static readonly URI_FILE = new DataType('uri_file');
  /** A folder. */
  public static readonly URI_FOLDER = new DataType('uri_folder');
  /** A folder with an `MLTable` file describing how to read it as a table. */
  public static readonly MLTABLE = new DataType('mltable');
  private constructor(public readonly value: string) {}
}

/** What a bound {@link DataSource} yields. */
export interface DataSourceConfig {
  /** `local`, `datastore` or `uri`. */
  readonly kind: string;
  readonly dataUri: string;
  readonly identity: { [key: string]: string };
  /** @default - none */
  readonly dependencies?: ITerraformDependable[];
}

/** What a {@link DataSource} is bound to. */
export interface DataSourceBindOptions {
  readonly dataName: string;
  readonly dataType: DataType;
  /** @default - the data asset is in a registry */
  readonly workspace?: IWorkspace;
  /** @default - the data asset is in a workspace */
  readonly registry?: IRegistry;
  readonly uploadScope: Construct;
}

const REGISTRY_RULE = 'cannot back a registry data version: Azure copies registry data into the registry\'s own ' +
  'storage through a data-plane upload that Terraform cannot perform';
const REGISTRY_FIX = 'declare the data version in a workspace, then share it with `az ml data share` ' +
  '(see lib/assets/README.md, "Registries")';

/**
 * Where a data version's files are.
 *
 * | Source | Workspace | Registry |
 * |---|---|---|
 * | `fromLocalPath` | uploaded, content-addressed, to the artifact store | ERROR |
 * | `fromDatastore`, `fromUri` | referenced | ERROR: share a workspace version instead |
 */
export abstract class DataSource {
  /** A local file or folder, uploaded content-addressed (`data/<name>/<sha256[:16]>/<file or folder>`). */
  public static fromLocalPath(localPath: string, options: LocalPathOptions = {}): DataSource {
    return new LocalDataSource(localPath, options.honourIgnoreFiles ?? false);
  }

  /** A path on a workspace datastore. */
  public static fromDatastore(datastoreName: string, datastorePath: string): DataSource {
    return new UriDataSource('datastore', `azureml://datastores/${datastoreName}/paths/${datastorePath.replace(/^\/+/, '')}`, datastoreName);
  }

  /** A blob, ADLS Gen2 or `azureml://` URI. */
  public static fromUri(uri: string): DataSource {
    return new UriDataSource('uri', uri);
  }

  public abstract readonly kind: string;
  public abstract bind(scope: Construct, options: DataSourceBindOptions): DataSourceConfig;
}

class LocalDataSource extends DataSource {
  public readonly kind = 'local';
  constructor(private readonly localPath: string, private readonly honourIgnoreFiles: boolean) { super(); }

  public bind(scope: Construct, options: DataSourceBindOptions): DataSourceConfig {
    const v = new Validator(scope, 'data version');
    const shown = `DataSource.fromLocalPath(${renderValue(this.localPath)})`;
    v.check(options.registry === undefined, () => ({ subject: 'source', value: shown, rule: REGISTRY_RULE, fix: REGISTRY_FIX }));
    const store = artifactStoreFor(v, shown, options.workspace);
    checkLocalPathExists(v, this.localPath, 'point DataSource.fromLocalPath at an existing file or folder');
    v.throwIfAny();
    const up = uploadLocalPath(options.uploadScope, store!, 'data', options.dataName, this.localPath, this.honourIgnoreFiles);
    const type = options.dataType;
    v.check(type === DataType.URI_FILE ? !up.hashed.isDirectory : up.hashed.isDirectory, () => ({
      subject: 'source', value: renderValue(this.localPath),
      rule: `is a ${up.hashed.isDirectory ? 'folder' : 'file'}, and a ${type.value} data asset needs a ${type === DataType.URI_FILE ? 'file' : 'folder'}`,
      fix: `point at a ${type === DataType.URI_FILE ? 'file' : 'folder'}, or declare the data asset with another DataType`,
    }));
    v.check(type !== DataType.MLTABLE || !up.hashed.isDirectory || up.hashed.files.some((f) => f.relativePath === 'MLTable'), () => ({
      subject: 'source', value: renderValue(this.localPath), rule: 'has no MLTable file at its root, which an mltable data asset needs',
      fix: 'add the MLTable file (see https://learn.microsoft.com/azure/machine-learning/how-to-mltable), or use DataType.URI_FOLDER',
    }));
    v.throwIfAny();
    return {
      kind: this.kind,
      dataUri: up.hashed.isDirectory ? `${up.datastoreUri}/` : up.datastoreUri,
      identity: { source: this.kind, sha256: up.hashed.sha256, path: up.blobPath },
      dependencies: [...up.blobs],
    };
  }
}

class UriDataSource extends DataSource {
  constructor(public readonly kind: string, private readonly uri: string, private readonly datastoreName?: string) { super(); }

  public bind(scope: Construct, options: DataSourceBindOptions): DataSourceConfig {
    const v = new Validator(scope, 'data version');
    if (this.datastoreName !== undefined) v.name('source (datastore)', this.datastoreName, NamingRules.DATASTORE);
    checkRemoteUri(v, 'source', this.uri);
    v.check(options.registry === undefined, () => ({ subject: 'source', value: renderValue(this.uri), rule: REGISTRY_RULE, fix: REGISTRY_FIX }));
    v.throwIfAny();
    return { kind: this.kind, dataUri: this.uri, identity: { source: this.kind, uri: isToken(this.uri) ? '(known at apply)' : this.uri } };
  }
}

/** What `workspace.addDataAsset(id, options)` takes. */
export interface DataAssetOptions {
  /** The type of every version. */
  readonly dataType: DataType;
  /** The data asset name. @default - the construct id */
  readonly name?: string;
  /** @default - no description */
  readonly description?: string;
  /** @default - none */
  readonly tags?: { [key: string]: string };
  /** @default - true in a registry, false in a workspace */
  readonly preventDestroy?: boolean;
}

/** Props for {@link DataAsset}. */
export interface DataAssetProps extends DataAssetOptions {
  /** @default - the data asset is in `registry` */
  readonly workspace?: IWorkspace;
  /** @default - the data asset is in `workspace` */
  readonly registry?: IRegistry;
}

/** A data asset container (azapi `<workspaces|registries>/data`): uri_file, uri_folder or mltable. */
export class DataAsset extends Construct {
  /** Declares a data asset in `workspace`, as a child of the workspace construct — what `workspace.addDataAsset` does. */
  public static inWorkspace(workspace: IWorkspace, id: string, options: DataAssetOptions): DataAsset {
    return new DataAsset(workspace, id, { ...options, workspace });
  }

  public readonly dataName: string;
  public readonly dataType: DataType;
  /** The ARM id of the data container. */
  public readonly dataId: string;
  public readonly workspace?: IWorkspace;
  public readonly registry?: IRegistry;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: DataAssetProps) {
    super(scope, id);
    const c = declareContainer(this, id, 'data', props, { dataType: props.dataType.value });
    this.dataName = c.name;
    this.dataType = props.dataType;
    this.workspace = props.workspace;
    this.registry = props.registry;
    this.resource = c.resource;
    this.dataId = c.resource.id;
  }

  /** Adds a version; declaring a version twice fails. */
  public addVersion(version: string, options: DataVersionOptions): DataVersion {
    rejectDuplicateVersion(this, 'data', this.dataName, version);
    return new DataVersion(this, version, { ...options, dataAsset: this, version });
  }

}

/** What `dataAsset.addVersion(version, options)` takes. */
export interface DataVersionOptions {
  readonly source: DataSource;
  /** For mltable: the URIs the MLTable file reads, recorded for lineage. @default - none */
  readonly referencedUris?: string[];
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

/** Props for {@link DataVersion}. */
export interface DataVersionProps extends DataVersionOptions {
  readonly dataAsset: DataAsset;
  readonly version: string;
}

/** One immutable data version (azapi `<workspaces|registries>/data/versions`). */
export class DataVersion extends Construct implements IDataVersion {
  public readonly dataName: string;
  public readonly version: string;
  public readonly dataType: string;
  public readonly assetId: string;
  public readonly uri: string;
  /** The `dataUri` of the version. */
  public readonly dataUri: string;
  public readonly dependable?: ITerraformDependable;
  public readonly resource: AzapiResource;

  constructor(scope: Construct, id: string, props: DataVersionProps) {
    super(scope, id);
    const data = props.dataAsset;
    const { v, target } = startVersion(this, 'data', data, data.dataName, props.version, props.tags, props.properties);
    v.check(props.referencedUris === undefined || data.dataType === DataType.MLTABLE, () => ({
      subject: 'referencedUris', value: renderValue(props.referencedUris),
      rule: `apply to mltable data only, and '${data.dataName}' is ${data.dataType.value}`, fix: 'remove referencedUris',
    }));
    const cfg = bindSource(v, () => props.source.bind(this, {
      dataName: data.dataName, dataType: data.dataType, workspace: data.workspace, registry: data.registry, uploadScope: data,
    }));
    v.throwIfAny();
    const c = cfg!;
    this.dataName = data.dataName;
    this.version = props.version;
    this.dataType = data.dataType.value;
    this.dataUri = c.dataUri;
    const declared = declareVersion(this, {
      target: target!, kind: 'data', name: this.dataName, version: this.version, containerId: data.dataId,
      dependsOn: [data.resource, ...(c.dependencies ?? [])], identity: { ...c.identity, dataType: this.dataType },
      preventDestroy: props.preventDestroy, description: props.description, tags: props.tags, propertyBag: props.properties, archived: props.archived,
      properties: {
        dataType: this.dataType,
        dataUri: c.dataUri,
        ...(props.referencedUris ? { referencedUris: props.referencedUris } : {}),
      },
    });
    this.resource = declared.resource;
    this.uri = declared.uri;
    this.assetId = declared.assetId;
    this.dependable = this.resource;
  }
}
