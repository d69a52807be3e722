import { ITerraformDependable } from 'cdktf';
import { IConstruct } from 'constructs';
import type { IRegistry } from '../registry/registry-base';

/**
 * The lifecycle stage of a model version. Stages are ordered (Development < Staging < Production) so promotion gates
 * can ask for "at least Staging"; Archived is outside the order: an archived version may not take traffic.
 */
export class ModelStage {
  public static readonly DEVELOPMENT = new ModelStage('Development', 1);
  public static readonly STAGING = new ModelStage('Staging', 2);
  public static readonly PRODUCTION = new ModelStage('Production', 3);
  public static readonly ARCHIVED = new ModelStage('Archived', 0);

  /** All stages, in promotion order (Archived last). */
  public static all(): ModelStage[] {
    return [ModelStage.DEVELOPMENT, ModelStage.STAGING, ModelStage.PRODUCTION, ModelStage.ARCHIVED];
  }

  private constructor(public readonly name: string, public readonly rank: number) {}

  /** Whether this stage is `other` or later in the promotion order (never true for Archived). */
  public isAtLeast(other: ModelStage): boolean {
    return this.rank > 0 && this.rank >= other.rank;
  }
}

/** The kind of a model: how Azure ML serves it. */
export class ModelType {
  /** Any files, served with your scoring script and environment. */
  public static readonly CUSTOM = new ModelType('custom_model');
  /** An MLflow model folder (with an `MLmodel` file): no-code deployment, no scoring script or environment needed. */
  public static readonly MLFLOW = new ModelType('mlflow_model');
  /** A Triton model repository. */
  public static readonly TRITON = new ModelType('triton_model');

  /** A model type not listed here. */
  public static of(value: string): ModelType {
    return new ModelType(value);
  }

  private constructor(public readonly value: string) {}
}

/** A model version that can be deployed: registered in a workspace or a registry by this library, or imported. */
export interface IModelVersion extends IConstruct {
  readonly modelName: string;
  readonly version: string;
  /**
   * What a deployment references: the ARM id for a workspace version, the `azureml://registries/...` URI for a
   * registry version.
   */
  readonly assetId: string;
  /** The `azureml://` URI of the version. */
  readonly uri: string;
  readonly modelType: ModelType;
  readonly stage: ModelStage;
  /** Archived versions are hidden from lists and may not take traffic. */
  readonly archived: boolean;
  /** Evaluation metrics (finite numbers), e.g. `{ auc: 0.91 }`. */
  readonly metrics: { [name: string]: number };
  /** The ARM id of the registry holding the version, when it is a registry version. */
  readonly registryId?: string;
  /**
   * The registry holding the version, when it is a registry version declared or imported in this app: grants on it
   * read its parts from the registry's own stack.
   * @default - not known as an object (only `registryId`)
   */
  readonly registry?: IRegistry;
  /** The ARM id of the storage account holding the version's files, when known (deployments need blob read). */
  readonly storageAccountId?: string;
  /** What deployments depend on, so they are created after the version. */
  readonly dependable?: ITerraformDependable;
}

/** An environment version (image, or build context and conda file) a deployment runs in. */
export interface IEnvironmentVersion extends IConstruct {
  readonly environmentName: string;
  readonly version: string;
  /** The ARM id (workspace) or `azureml://registries/...` URI (registry). */
  readonly assetId: string;
  readonly registryId?: string;
  readonly dependable?: ITerraformDependable;
  /**
   * Whether the image runs its own inference server (the version declares inference routes): a custom model served
   * in it needs no scoring script, and the model may be baked into the image.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-deploy-custom-container
   * @default false - Azure ML's inference server runs a scoring script
   */
  readonly customInferenceServer?: boolean;
}

/** A code version (a folder with a scoring script). */
export interface ICodeVersion extends IConstruct {
  readonly codeName: string;
  readonly version: string;
  /** The ARM id (workspace) or `azureml://registries/...` URI (registry). */
  readonly assetId: string;
  readonly dependable?: ITerraformDependable;
}

/** A data asset version (uri_file, uri_folder or mltable) that jobs and lineage can reference. */
export interface IDataVersion extends IConstruct {
  readonly dataName: string;
  readonly version: string;
  /** `uri_file`, `uri_folder` or `mltable`. */
  readonly dataType: string;
  /** The ARM id (workspace) or `azureml://registries/...` URI (registry). */
  readonly assetId: string;
  /** The `azureml://` URI of the version, as jobs take it as an input. */
  readonly uri: string;
  readonly dependable?: ITerraformDependable;
}
