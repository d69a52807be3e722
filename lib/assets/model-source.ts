import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { renderValue } from '../core/errors';
import { NamingRules } from '../core/naming';
import { isToken, Validator } from '../core/validation';
import { IRegistry } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { IModelVersion, ModelType } from './asset-refs';
import { LocalPathOptions } from './local-path-options';
import { artifactStoreFor, checkLocalPathExists, uploadLocalPath } from './local-upload';
import { checkRemoteUri } from './uris';
import { checkArgs, S } from '../core/shape';

/** What a {@link ModelSource} is bound to. */
export interface ModelSourceBindOptions {
  readonly modelName: string;
  readonly version: string;
  readonly modelType: ModelType;
  /** The workspace the version is registered in. @default - the version is in a registry */
  readonly workspace?: IWorkspace;
  /** The registry the version is registered in. @default - the version is in a workspace */
  readonly registry?: IRegistry;
  /** Where uploads are declared (shared by the versions of one model, so equal content is uploaded once). */
  readonly uploadScope: Construct;
}

/** What a bound {@link ModelSource} yields. */
export interface ModelSourceConfig {
  /** `local`, `datastore`, `uri`, `job-output` or `workspace-model`. */
  readonly kind: string;
  /** The version's `modelUri`. @default - none: the version is promoted from `promoteFrom` */
  readonly modelUri?: string;
  /** The job that produced the model. @default - none */
  readonly jobName?: string;
  /** What makes the version what it is (content hash or URI): a replace trigger and the lock-file entry. */
  readonly identity: { [key: string]: string };
  /** Resources the version must wait for (uploaded blobs, the source version). @default - none */
  readonly dependencies?: ITerraformDependable[];
  /** The storage account holding the files, when known. @default - unknown */
  readonly storageAccountId?: string;
  /** For a local source: whether it is a folder. @default - not a local source */
  readonly localDirectory?: boolean;
  /** For a local folder: whether an `MLmodel` file is at its root. @default - not a local folder */
  readonly hasMlflowModelFile?: boolean;
  /** The workspace version a registry version is promoted from. @default - not a promotion */
  readonly promoteFrom?: IModelVersion;
}

/** Where a job output lives, for {@link ModelSource.fromJobOutput}. */
export interface JobOutputOptions {
  /**
   * The job output name. MLflow models logged by a job are in its default `artifacts` output.
   * @default artifacts
   */
  readonly outputName?: string;
  /** The path inside the output, e.g. `model`. @default - the whole output */
  readonly path?: string;
}

const REGISTRY_FIX = 'register the version in a workspace first (any source works there), then promote it: ' +
  'registryModel.addVersion("<version>", { source: ModelSource.fromWorkspaceModel(workspaceVersion) })';

/**
 * Where a model version's files come from.
 *
 * | Source | Workspace | Registry |
 * |---|---|---|
 * | `fromLocalPath` | uploaded, content-addressed, to the artifact store | ERROR: Azure takes files into a registry only through a data-plane upload |
 * | `fromDatastore`, `fromUri` | referenced | ERROR: a registry version's files must be in the registry's own storage |
 * | `fromJobOutput` | referenced; the job is recorded as lineage | ERROR: register it in the job's workspace, then promote |
 * | `fromWorkspaceModel` | ERROR: deploy the workspace version itself | promoted with the workspace version's `publish` action |
 */
export abstract class ModelSource {
  /**
   * A local file or folder, uploaded to the workspace's artifact store under a path that carries the SHA-256 of the
   * content (`models/<name>/<sha256[:16]>/<file or folder>`): the same bytes are uploaded once, changed bytes go to
   * a new path and never overwrite a released artifact. Relative paths resolve from the working directory.
   */
  public static fromLocalPath(localPath: string, options: LocalPathOptions = {}): ModelSource {
    checkArgs('ModelSource.fromLocalPath', { localPath }, { localPath: S.string('"models/churn"').req });
    return new LocalModelSource(localPath, options.honourIgnoreFiles ?? false);
  }

  /** A path on a workspace datastore: `azureml://datastores/<datastore>/paths/<path>`. */
  public static fromDatastore(datastoreName: string, datastorePath: string): ModelSource {
    checkArgs('ModelSource.fromDatastore', { datastoreName, datastorePath }, { datastoreName: S.string('"workspaceblobstore"').req, datastorePath: S.string('"models/churn/3"').req });
    return new UriModelSource('datastore', `azureml://datastores/${datastoreName}/paths/${datastorePath.replace(/^\/+/, '')}`, datastoreName);
  }

  /** A blob, ADLS Gen2 or `azureml://` URI (`https://`, `wasbs://`, `abfss://`, `azureml://`). */
  public static fromUri(uri: string): ModelSource {
    checkArgs('ModelSource.fromUri', { uri }, { uri: S.string('"azureml://datastores/<d>/paths/<p>"').req });
    return new UriModelSource('uri', uri);
  }

  /**
   * An output of a training job: `azureml://jobs/<job>/outputs/<output>[/paths/<path>]`. The job name is recorded in
   * the version (`jobName`, shown in studio as its lineage).
   */
  public static fromJobOutput(jobName: string, options: JobOutputOptions = {}): ModelSource {
    checkArgs('ModelSource.fromJobOutput', { jobName, options }, { jobName: S.string('"train-churn-42"').req, options: S.struct('JobOutputOptions', { outputName: S.string(), path: S.string() }) });
    return new JobOutputModelSource(jobName, options.outputName ?? 'artifacts', options.path);
  }

  /**
   * A version registered in a workspace, promoted into a registry with Azure's `publish` action (what
   * `az ml model share` does): the registry copies the files into its own storage. For registry versions only.
   */
  public static fromWorkspaceModel(modelVersion: IModelVersion): ModelSource {
    checkArgs('ModelSource.fromWorkspaceModel', { modelVersion }, { modelVersion: S.ref('IModelVersion', ['modelName', 'version', 'assetId'], 'pass what workspace model.addVersion(...) returns').req });
    return new WorkspaceModelSource(modelVersion);
  }

  /** `local`, `datastore`, `uri`, `job-output` or `workspace-model`. */
  public abstract readonly kind: string;

  /** The workspace version this source promotes, if it is a promotion. */
  public get promotedVersion(): IModelVersion | undefined {
    return undefined;
  }

  /** Binds the source to a version; throws an error naming `scope` when it cannot be used there. */
  public abstract bind(scope: Construct, options: ModelSourceBindOptions): ModelSourceConfig;
}

class LocalModelSource extends ModelSource {
  public readonly kind = 'local';
  constructor(private readonly localPath: string, private readonly honourIgnoreFiles: boolean) { super(); }

  public bind(scope: Construct, options: ModelSourceBindOptions): ModelSourceConfig {
    const v = new Validator(scope, 'model version');
    v.check(options.registry === undefined, () => ({
      subject: 'source', value: `ModelSource.fromLocalPath(${renderValue(this.localPath)})`,
      rule: 'cannot be registered in a registry: Azure takes local files into a registry only through a data-plane ' +
        'upload (startPendingUpload, then a SAS copy) that Terraform cannot perform',
      fix: REGISTRY_FIX,
    }));
    const store = artifactStoreFor(v, `ModelSource.fromLocalPath(${renderValue(this.localPath)})`, options.workspace);
    checkLocalPathExists(v, this.localPath, 'point ModelSource.fromLocalPath at an existing model file or folder');
    v.throwIfAny();
    const up = uploadLocalPath(options.uploadScope, store!, 'models', options.modelName, this.localPath, this.honourIgnoreFiles);
    return {
      kind: this.kind,
      modelUri: up.datastoreUri,
      identity: { source: this.kind, sha256: up.hashed.sha256, path: up.blobPath },
      dependencies: [...up.blobs],
      storageAccountId: store!.storageAccountId,
      localDirectory: up.hashed.isDirectory,
      hasMlflowModelFile: up.hashed.isDirectory && up.hashed.files.some((f) => f.relativePath === 'MLmodel'),
    };
  }
}

class UriModelSource extends ModelSource {
  constructor(public readonly kind: string, private readonly uri: string, private readonly datastoreName?: string) { super(); }

  public bind(scope: Construct, options: ModelSourceBindOptions): ModelSourceConfig {
    const v = new Validator(scope, 'model version');
    if (this.datastoreName !== undefined) v.name('source (datastore)', this.datastoreName, NamingRules.DATASTORE);
    checkRemoteUri(v, 'source', this.uri);
    v.check(options.registry === undefined, () => ({
      subject: 'source', value: renderValue(this.uri),
      rule: 'cannot back a registry version: Azure copies a registry version\'s files into the registry\'s own ' +
        'storage, through a data-plane upload that Terraform cannot perform',
      fix: REGISTRY_FIX,
    }));
    v.throwIfAny();
    return {
      kind: this.kind,
      modelUri: this.uri,
      identity: { source: this.kind, uri: isToken(this.uri) ? '(known at apply)' : this.uri },
      storageAccountId: options.workspace?.storageAccountId,
    };
  }
}

class JobOutputModelSource extends ModelSource {
  public readonly kind = 'job-output';
  constructor(private readonly jobName: string, private readonly outputName: string, private readonly path?: string) { super(); }

  public bind(scope: Construct, options: ModelSourceBindOptions): ModelSourceConfig {
    const v = new Validator(scope, 'model version');
    const name = /^[A-Za-z0-9_-]{1,255}$/;
    v.matches('source (job name)', this.jobName, name, 'must be a job name: letters, digits, "-" and "_"', 'copy the name from `az ml job show` or studio');
    v.matches('source (output name)', this.outputName, name, 'must be an output name: letters, digits, "-" and "_"', 'use the output name of the job, e.g. "artifacts"');
    v.check(options.registry === undefined, () => ({
      subject: 'source', value: `ModelSource.fromJobOutput(${renderValue(this.jobName)})`,
      rule: 'cannot be registered in a registry directly: job outputs live in the job\'s workspace',
      fix: 'register the output in the job\'s workspace with ModelSource.fromJobOutput, then promote that version with ModelSource.fromWorkspaceModel',
    }));
    v.throwIfAny();
    const sub = this.path ? `/paths/${this.path.replace(/^\/+/, '')}` : '';
    const uri = `azureml://jobs/${this.jobName}/outputs/${this.outputName}${sub}`;
    return {
      kind: this.kind,
      modelUri: uri,
      jobName: this.jobName,
      identity: { source: this.kind, uri },
      storageAccountId: options.workspace?.storageAccountId,
    };
  }
}

class WorkspaceModelSource extends ModelSource {
  public readonly kind = 'workspace-model';
  constructor(private readonly from: IModelVersion) { super(); }

  public get promotedVersion(): IModelVersion | undefined {
    return this.from;
  }

  public bind(scope: Construct, options: ModelSourceBindOptions): ModelSourceConfig {
    const v = new Validator(scope, 'model version');
    v.check(options.registry !== undefined, () => ({
      subject: 'source', value: `ModelSource.fromWorkspaceModel(${this.from.node.path})`,
      rule: 'promotes a workspace version into a registry, and this version is in a workspace',
      fix: 'deploy the workspace version itself, or add this version to a registry model (registry.addModel(...))',
    }));
    v.check(this.from.registryId === undefined, () => ({
      subject: 'source', value: `${this.from.modelName}:${this.from.version} (${this.from.node.path})`,
      rule: 'is already a registry version: only workspace versions can be promoted',
      fix: 'deploy the registry version directly; registries are shared by every workspace in their regions',
    }));
    v.throwIfAny();
    return {
      kind: this.kind,
      // The source's ARM id when literal; its name and version always (a construct path would change on refactor).
      identity: {
        source: this.kind,
        ...(isToken(this.from.assetId) ? {} : { from: this.from.assetId }),
        fromModel: `${this.from.modelName}:${this.from.version}`,
      },
      jobName: undefined,
      dependencies: this.from.dependable ? [this.from.dependable] : [],
      promoteFrom: this.from,
    };
  }
}
