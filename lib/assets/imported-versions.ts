/**
 * Asset versions that exist already (registered elsewhere, or curated by Azure), referenced by ARM id or `azureml://`
 * URI: what a deployment or a lineage record can point at without declaring the version in this app.
 */
import { Construct } from 'constructs';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { ICodeVersion, IEnvironmentVersion, IModelVersion, ModelStage, ModelType } from './asset-refs';
import { parseAssetVersionId, ParsedAssetId } from './asset-ids';

function parseOrThrow(scope: Construct, what: string, kind: string, id: string): ParsedAssetId {
  const v = new Validator(scope, what);
  const parsed = isToken(id) ? undefined : parseAssetVersionId(kind, id);
  v.check(isToken(id) || parsed !== undefined, () => ({
    subject: 'assetId', value: renderValue(id),
    rule: /\/labels\/|@latest/.test(id) ? 'is not pinned: a label can move to another version under a deployment'
      : `must be the ARM id or azureml:// URI of one ${what}`,
    fix: `pin the version: azureml://registries/<registry>/${kind}/<name>/versions/<version>, or the workspace version's ARM id ` +
      `(.../workspaces/<workspace>/${kind}/<name>/versions/<version>)`,
  }));
  v.throwIfAny();
  return parsed ?? { name: '(known at apply)', version: '(known at apply)' };
}

/** An environment version that exists already, by id. */
class ImportedEnvironmentVersion extends Construct implements IEnvironmentVersion {
  public readonly environmentName: string;
  public readonly version: string;
  public readonly registryId?: string = undefined;
  constructor(scope: Construct, id: string, public readonly assetId: string) {
    super(scope, id);
    const p = parseOrThrow(this, 'environment version', 'environments', assetId);
    this.environmentName = p.name;
    this.version = p.version;
  }
}

/** A code version that exists already, by id. */
class ImportedCodeVersion extends Construct implements ICodeVersion {
  public readonly codeName: string;
  public readonly version: string;
  constructor(scope: Construct, id: string, public readonly assetId: string) {
    super(scope, id);
    const p = parseOrThrow(this, 'code version', 'codes', assetId);
    this.codeName = p.name;
    this.version = p.version;
  }
}

/** What {@link ImportedAssets.modelVersion} knows about a model version it did not declare. */
export interface ImportedModelVersionOptions {
  /** @default ModelType.CUSTOM */
  readonly modelType?: ModelType;
  /** @default ModelStage.DEVELOPMENT */
  readonly stage?: ModelStage;
  /** @default - none */
  readonly metrics?: { [name: string]: number };
  /** The storage account of its files, so deployments are granted blob read. @default - none granted */
  readonly storageAccountId?: string;
}

class ImportedModelVersion extends Construct implements IModelVersion {
  public readonly modelName: string;
  public readonly version: string;
  public readonly uri: string;
  public readonly modelType: ModelType;
  public readonly stage: ModelStage;
  public readonly archived: boolean;
  public readonly metrics: { [name: string]: number };
  /** Unknown for a URI (a registry's ARM id needs its resource group): grants on the registry are the app's to make. */
  public readonly registryId?: string = undefined;
  public readonly storageAccountId?: string;
  constructor(scope: Construct, id: string, public readonly assetId: string, o: ImportedModelVersionOptions) {
    super(scope, id);
    const p = parseOrThrow(this, 'model version', 'models', assetId);
    this.modelName = p.name;
    this.version = p.version;
    this.uri = assetId;
    this.modelType = o.modelType ?? ModelType.CUSTOM;
    this.stage = o.stage ?? ModelStage.DEVELOPMENT;
    this.archived = this.stage === ModelStage.ARCHIVED;
    this.metrics = { ...(o.metrics ?? {}) };
    this.storageAccountId = o.storageAccountId;
  }
}

/**
 * Asset versions registered outside this app (another team's workspace, a registry, Azure's curated environments),
 * by pinned id or URI — so a deployment can run in `azureml://registries/azureml/environments/sklearn-1.5/versions/12`
 * without declaring it.
 */
export class ImportedAssets {
  /** An existing environment version by ARM id or `azureml://…/versions/<v>` URI. */
  public static environmentVersion(scope: Construct, id: string, assetId: string): IEnvironmentVersion {
    return new ImportedEnvironmentVersion(scope, id, assetId);
  }

  /** An existing code version by ARM id or `azureml://…/versions/<v>` URI. */
  public static codeVersion(scope: Construct, id: string, assetId: string): ICodeVersion {
    return new ImportedCodeVersion(scope, id, assetId);
  }

  /** An existing model version by ARM id or `azureml://…/versions/<v>` URI, with what this app should know of it. */
  public static modelVersion(scope: Construct, id: string, assetId: string, options: ImportedModelVersionOptions = {}): IModelVersion {
    return new ImportedModelVersion(scope, id, assetId, options);
  }

  private constructor() {}
}
