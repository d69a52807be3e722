import { Annotations, ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { mlType } from '../core/api-versions';
import { AzapiResource } from '../bindings/azapi/resource';
import { AzapiResourceAction } from '../bindings/azapi/resource-action';
import { AzapiUpdateResource } from '../bindings/azapi/update-resource';
import { IRegistry, registryIdAtSynth } from '../registry/registry-base';
import { IWorkspace } from '../workspace/workspace-base';
import { dependenciesWithin, requireStackOrder } from '../core/cross-stack';
import { IModelVersion, ModelStage, ModelType } from './asset-refs';
import { AssetTarget, assetUri, MLOPS_PREFIX } from './asset-target';
import { checkLineageAndMetrics, lineageProperties, metricEntries, ModelLineage } from './lineage';
import { ModelSource, ModelSourceConfig } from './model-source';
import {
  ASKED_REASON, bindSource, declareContainer, declareVersion, REGISTRY_REASON, rejectDuplicateVersion, startVersion, versionKey, VersionProtection,
} from './versioned';
import { VersionLock } from './version-lock';

/** A model container (the name its versions share), in a workspace or a registry. */
export interface IModel extends IConstruct {
  readonly modelName: string;
  /** The ARM id of the model container. */
  readonly modelId: string;
  /** The workspace holding the model. @default - the model is in a registry */
  readonly workspace?: IWorkspace;
  /** The registry holding the model. @default - the model is in a workspace */
  readonly registry?: IRegistry;
  /** What versions depend on. */
  readonly dependable?: ITerraformDependable;
}

/** What `workspace.addModel(id, options)` and `registry.addModel(id, options)` take. */
export interface ModelOptions {
  /** The model name: 1-255 letters, digits, `-` and `_`, starting with a letter or digit. @default - the construct id */
  readonly name?: string;
  /** @default - no description */
  readonly description?: string;
  /** Tags on the model container. @default - none */
  readonly tags?: { [key: string]: string };
  /**
   * Set `prevent_destroy` on the container.
   * @default - true in a registry (deleting it would delete every version, whose numbers can never be reused), false in a workspace
   */
  readonly preventDestroy?: boolean;
}

/** Props for {@link Model}: the options and where the model lives (a workspace or a registry, exactly one). */
export interface ModelProps extends ModelOptions {
  /** @default - the model is in `registry` */
  readonly workspace?: IWorkspace;
  /** @default - the model is in `workspace` */
  readonly registry?: IRegistry;
}

/**
 * A model — the container of its versions — in an Azure ML workspace or registry (azapi
 * `Microsoft.MachineLearningServices/<workspaces|registries>/models`).
 *
 * ```ts
 * const churn = new Model(this, 'churn', { workspace });
 * churn.addVersion('3', { source: ModelSource.fromLocalPath('models/churn'), modelType: ModelType.MLFLOW, metrics: { auc: 0.91 } });
 * ```
 */
export class Model extends Construct implements IModel {
  /**
   * Declares a model in `workspace`, as a child of the workspace construct — what `workspace.addModel(id, options)`
   * does.
   */
  public static inWorkspace(workspace: IWorkspace, id: string, options: ModelOptions = {}): Model {
    return new Model(workspace, id, { ...options, workspace });
  }

  /** Declares a model in `registry`, as a child of the registry construct — what `registry.addModel(id, options)` does. */
  public static inRegistry(registry: IRegistry, id: string, options: ModelOptions = {}): Model {
    return new Model(registry, id, { ...options, registry });
  }

  public readonly modelName: string;
  public readonly modelId: string;
  public readonly workspace?: IWorkspace;
  public readonly registry?: IRegistry;
  public readonly dependable?: ITerraformDependable;
  /** The azapi resource of the container. */
  public readonly resource: AzapiResource;
  private readonly versionList: ModelVersion[] = [];

  constructor(scope: Construct, id: string, props: ModelProps) {
    super(scope, id);
    const c = declareContainer(this, id, 'models', props);
    this.modelName = c.name;
    this.workspace = props.workspace;
    this.registry = props.registry;
    this.resource = c.resource;
    this.modelId = c.resource.id;
    this.dependable = c.resource;
  }

  /** The versions added so far, in order. */
  public get versions(): ModelVersion[] {
    return [...this.versionList];
  }

  /**
   * Adds a version. The version string is its construct id; declaring it twice fails.
   *
   * ```ts
   * model.addVersion('3', { source: ModelSource.fromJobOutput('train-churn-42', { path: 'model' }), modelType: ModelType.MLFLOW });
   * ```
   */
  public addVersion(version: string, options: ModelVersionOptions): ModelVersion {
    rejectDuplicateVersion(this, 'models', this.modelName, version);
    const created = new ModelVersion(this, version, { ...options, model: this, version });
    this.versionList.push(created);
    return created;
  }
}

/** What `model.addVersion(version, options)` takes. */
export interface ModelVersionOptions {
  /** Where the files come from. */
  readonly source: ModelSource;
  /**
   * How Azure ML serves the model.
   * @default - the source version's type when promoting from a workspace, ModelType.CUSTOM otherwise
   */
  readonly modelType?: ModelType;
  /** @default - no description (the source version's when promoting) */
  readonly description?: string;
  /** Tags (keys starting with `mlops.` are reserved). @default - none */
  readonly tags?: { [key: string]: string };
  /**
   * The version's property bag (`properties.properties` in Azure): free-form keys, set once when the version is
   * created (keys starting with `mlops.` are reserved for lineage, metrics and stage).
   * @default - none besides what this library records
   */
  readonly properties?: { [key: string]: string };
  /** What produced the model. @default - only the job, for job outputs */
  readonly lineage?: ModelLineage;
  /**
   * Evaluation metrics (finite numbers), stored as `mlops.metric.<name>` properties and tags.
   * @default - none (the source version's when promoting)
   */
  readonly metrics?: { [name: string]: number };
  /**
   * Lifecycle stage. ModelStage.ARCHIVED also archives the version.
   * @default - ModelStage.DEVELOPMENT (the source version's stage when promoting)
   */
  readonly stage?: ModelStage;
  /**
   * Archive the version: it is hidden from lists and may not take traffic. Archiving is how a version is retired
   * (deleting it is not: a registry version number can never be reused).
   * @default false
   */
  readonly archived?: boolean;
  /**
   * Set `prevent_destroy`, so a plan that would destroy or replace the version (a changed source, `terraform destroy`)
   * fails instead. `false` is the explicit opt-out from every default below. (Terraform drops the protection with the
   * resource: deleting the `addVersion` call still destroys the version.)
   * @default - true in a registry (a deleted registry version number can never be reused), at stage Production, and
   * once a deployment of a production endpoint serves the version; false otherwise
   */
  readonly preventDestroy?: boolean;
}

/** Props for {@link ModelVersion}. */
export interface ModelVersionProps extends ModelVersionOptions {
  readonly model: IModel;
  /** The version string: Azure ML uses whole numbers ("1", "2"); letters, digits, ".", "-" and "_" are allowed. */
  readonly version: string;
}

/**
 * One immutable version of a model, registered in a workspace (azapi `workspaces/models/versions`) or promoted into a
 * registry (the workspace version's `publish` action, then `registries/models/versions` tags, stage and archive state).
 */
export class ModelVersion extends Construct implements IModelVersion {
  public readonly modelName: string;
  public readonly version: string;
  public readonly assetId: string;
  public readonly uri: string;
  public readonly modelType: ModelType;
  public readonly stage: ModelStage;
  public readonly archived: boolean;
  public readonly metrics: { [name: string]: number };
  public readonly registryId?: string;
  /** The registry holding the version. @default - the version is in a workspace */
  public readonly registry?: IRegistry;
  public readonly storageAccountId?: string;
  public readonly dependable?: ITerraformDependable;
  /** The `modelUri` of the version. @default - none for promoted registry versions (Azure copies the files) */
  public readonly modelUri?: string;
  /** The SHA-256 of uploaded content, for local sources. */
  public readonly contentSha256?: string;
  /** The workspace holding the version. @default - the version is in a registry */
  public readonly workspace?: IWorkspace;
  private readonly protection: VersionProtection;

  constructor(scope: Construct, id: string, props: ModelVersionProps) {
    super(scope, id);
    const model = props.model;
    const { v, target } = startVersion(this, 'models', model, model.modelName, props.version, props.tags, props.properties);
    checkLineageAndMetrics(v, props.lineage, props.metrics);

    const promoteFrom = props.source.promotedVersion;
    const modelType = props.modelType ?? promoteFrom?.modelType ?? ModelType.CUSTOM;
    const config = bindSource(v, () => props.source.bind(this, {
      modelName: model.modelName, version: props.version, modelType,
      workspace: model.workspace, registry: model.registry, uploadScope: model,
    }));
    if (config?.kind === 'local' && (modelType === ModelType.MLFLOW || modelType === ModelType.TRITON)) {
      const what = modelType === ModelType.MLFLOW ? 'an MLflow model is a folder with an MLmodel file at its root'
        : 'a Triton model is a model repository folder';
      v.check(config.localDirectory === true, () => ({
        subject: 'source', value: 'a single file', rule: `cannot be a ${modelType.value}: ${what}`,
        fix: 'point ModelSource.fromLocalPath at the model folder, or use ModelType.CUSTOM for a single file',
      }));
      v.check(modelType !== ModelType.MLFLOW || config.localDirectory !== true || config.hasMlflowModelFile === true, () => ({
        subject: 'source', value: 'a folder without MLmodel',
        rule: 'is not an MLflow model: the folder has no MLmodel file at its root',
        fix: 'point at the folder mlflow.save_model() wrote (it contains MLmodel), or use ModelType.CUSTOM',
      }));
    }
    v.throwIfAny();

    const cfg = config!;
    const t = target!;
    this.modelName = model.modelName;
    this.version = props.version;
    this.workspace = model.workspace;
    this.modelType = modelType;
    this.stage = props.stage ?? promoteFrom?.stage ?? ModelStage.DEVELOPMENT;
    this.archived = (props.archived ?? false) || this.stage === ModelStage.ARCHIVED;
    this.metrics = { ...(props.metrics ?? (cfg.promoteFrom ? cfg.promoteFrom.metrics : {})) };
    this.modelUri = cfg.modelUri;
    this.contentSha256 = cfg.identity.sha256;
    this.storageAccountId = cfg.storageAccountId;
    const identity = { ...cfg.identity, modelType: modelType.value };
    const tags: { [key: string]: string } = {
      ...(props.tags ?? {}),
      [`${MLOPS_PREFIX}stage`]: this.stage.name,
      ...metricEntries(this.metrics),
    };

    if (cfg.promoteFrom) {
      this.uri = assetUri(t, 'models', this.modelName, this.version);
      this.registryId = t.registry!.registryId;
      this.registry = t.registry;
      this.assetId = this.uri;
      const [publish, update] = this.promote(model, t, cfg, identity, tags, props);
      this.dependable = update;
      // No replace trigger here (the identity is only in the lock file), so nothing for the protection to warn about.
      this.protection = new VersionProtection(this, `Model version ${this.modelName}:${this.version}`, [publish, update],
        props.preventDestroy === false, false);
      this.protection.protect(props.preventDestroy === true ? ASKED_REASON : REGISTRY_REASON); // always in a registry
    } else {
      const declared = declareVersion(this, {
        target: t, kind: 'models', name: this.modelName, version: this.version, containerId: model.modelId,
        dependsOn: [...(model.dependable ? [model.dependable] : []), ...(cfg.dependencies ?? [])],
        identity, preventDestroy: props.preventDestroy, description: props.description, tags,
        protectedBecause: this.stage === ModelStage.PRODUCTION ? 'its stage is Production' : undefined,
        propertyBag: { ...(props.properties ?? {}), ...lineageProperties(props.lineage, props.metrics, cfg.jobName) }, archived: this.archived,
        properties: {
          modelType: modelType.value,
          modelUri: cfg.modelUri,
          ...(cfg.jobName !== undefined ? { jobName: cfg.jobName } : {}),
          stage: this.stage.name,
        },
      });
      this.uri = declared.uri;
      this.assetId = declared.assetId;
      this.registryId = t.registry?.registryId;
      this.registry = t.registry;
      this.dependable = declared.resource;
      this.protection = declared.protection;
    }
    if (this.archived && this.stage === ModelStage.PRODUCTION) {
      Annotations.of(this).addWarning(`Model version ${this.modelName}:${this.version} is archived but its stage is ` +
        'Production: archived versions may not take traffic. Set stage: ModelStage.ARCHIVED when retiring it.');
    }
  }

  /**
   * Sets `prevent_destroy` on the version, unless it was declared with `preventDestroy: false`; what a deployment of a
   * production endpoint calls on the version it serves. Returns whether the version is protected.
   * @internal
   */
  public _protectFromDestroy(reason: string): boolean {
    return this.protection.protect(reason);
  }

  /**
   * Promotion: `POST <workspace version>/publish` copies the files and metadata into the registry (azapi has no
   * resource for that, so the copy is an action, which Terraform never undoes), then an update sets what this app
   * declares on the registry version: tags, stage, archive state, and any lineage or metrics given here.
   */
  private promote(model: IModel, t: AssetTarget, cfg: ModelSourceConfig, identity: { [key: string]: string },
    tags: { [key: string]: string }, props: ModelVersionProps): [AzapiResourceAction, AzapiUpdateResource] {
    VersionLock.of(this)?.record(this, versionKey(t, 'models', this.modelName, this.version), identity);
    const from = cfg.promoteFrom!;
    const publish = new AzapiResourceAction(this, 'Publish', {
      type: mlType('workspaces/models/versions'),
      resourceId: from.assetId,
      action: 'publish',
      method: 'POST',
      body: { registryName: t.registry!.registryName, destinationName: this.modelName, destinationVersion: this.version },
      dependsOn: dependenciesWithin(this, [model.dependable, ...(cfg.dependencies ?? [])]),
    });
    allowRegistryIntoWorkspaceStorage(this, from, t.registry!);
    const extra = lineageProperties(props.lineage, props.metrics);
    const update = new AzapiUpdateResource(this, 'Resource', {
      type: mlType('registries/models/versions'),
      name: this.version,
      parentId: model.modelId,
      body: {
        properties: {
          ...(props.description !== undefined ? { description: props.description } : {}),
          tags,
          ...(Object.keys(extra).length > 0 ? { properties: extra } : {}),
          isArchived: this.archived,
          stage: this.stage.name,
        },
      },
      // The registry copies asynchronously after publish returns: the version may not be readable at once.
      retry: { errorMessageRegex: ['ResourceNotFound', 'NotFound', 'UserError.*not found'], intervalSeconds: 10, maxIntervalSeconds: 60 },
      dependsOn: dependenciesWithin(this, [publish]),
    });
    return [publish, update];
  }
}

/**
 * Sharing a workspace version into a registry is refused while the workspace's storage refuses public access, unless
 * the storage has a resource instance rule for the registry
 * (https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry):
 * the source workspace adds it (see `IWorkspace.allowRegistryInstance`). The rule lives in the workspace's stack, so it
 * names the registry by an id that stack can read:
 *
 * | Registry | Id in the rule |
 * |---|---|
 * | in the workspace's stack | the registry's `id` |
 * | in another stack, id known at synth (literal resource group id, or a ResourceGroup of its stack with a literal name and a configured subscription) | the literal id |
 * | in another stack that does not wait for the workspace's | the registry's `id`, read from its stack (the workspace's stack is applied after it) |
 * | in the stack of the promotion, which reads the workspace version and so waits for the workspace's stack | none: a warning with the fix (a cross-stack read would make the stacks wait for each other) |
 */
function allowRegistryIntoWorkspaceStorage(promotion: Construct, from: IModelVersion, registry: IRegistry): void {
  const workspace = from instanceof ModelVersion ? from.workspace : undefined;
  if (workspace === undefined) return; // an imported version: its workspace is unknown here
  const here = TerraformStack.of(workspace);
  const there = TerraformStack.of(registry);
  const promotionStack = TerraformStack.of(promotion);
  let id: string | undefined;
  if (there === here) {
    id = registry.registryId;
  } else {
    id = registryIdAtSynth(registry);
    const waitsForWorkspace = there.dependsOn(here) || (there === promotionStack && promotionStack !== here);
    if (id === undefined && !waitsForWorkspace) {
      requireStackOrder(workspace, there, `its storage names registry '${registry.node.path}'`);
      id = registry.registryId;
    }
  }
  if (id === undefined) {
    Annotations.of(promotion).addWarning(`Promoting into registry '${registry.node.path}' from workspace '${workspace.node.path}' of ` +
      `stack '${here.node.id}': Azure refuses the share unless the workspace's storage allows the registry in, and stack ` +
      `'${here.node.id}' cannot read the registry's id from stack '${there.node.id}', which waits for it. Make the registry's id ` +
      'known at synth: give the Registry a literal resourceGroupId, or a ResourceGroup of its stack with a literal name and ' +
      `MlopsProviders.configure(stack, { subscriptionId }) on stack '${there.node.id}' ` +
      '(https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#share-assets-from-workspace-to-registry).');
    return;
  }
  workspace.allowRegistryInstance(id);
}
