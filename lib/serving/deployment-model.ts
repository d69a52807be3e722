import { ITerraformDependable, Token } from 'cdktf';
import { IRegistry } from '../registry/registry-base';
import { IModelVersion, ModelStage, ModelType } from '../assets/asset-refs';
import { checkArgs, S } from '../core/shape';
import { MlopsValidationError, renderValue } from '../core/errors';

/** What a deployment needs to know about the model it serves, after binding. */
export interface DeploymentModelConfig {
  /** What the deployment body references: an ARM id or an `azureml://` URI. */
  readonly assetId: string;
  /** A short label for messages and reviews, e.g. `churn:3`. */
  readonly label: string;
  readonly modelType: ModelType;
  /** @default - unknown: a promotion policy with a minimum stage rejects the model */
  readonly stage?: ModelStage;
  readonly archived: boolean;
  readonly metrics: { [name: string]: number };
  /** @default - not a registry model */
  readonly registryId?: string;
  /** The registry as an object, when known. @default - only registryId */
  readonly registry?: IRegistry;
  /** @default - unknown: no blob read is granted beyond the workspace storage */
  readonly storageAccountId?: string;
  /** @default - nothing to wait for */
  readonly dependable?: ITerraformDependable;
  /** The model version object, for a model given as one. @default - the model is given by URI */
  readonly modelVersion?: IModelVersion;
  /** The model is inside the environment's image (no model asset). @default false */
  readonly inImage?: boolean;
}

/** What is known about a model given by URI: it is not a construct, so the deployment cannot look it up. */
export interface ModelUriOptions {
  /**
   * How Azure ML serves it. Custom models need an environment and a scoring script.
   * @default ModelType.CUSTOM
   */
  readonly modelType?: ModelType;
  /** For promotion policies. @default - unknown: a policy with a minimum stage rejects the model */
  readonly stage?: ModelStage;
  /** For promotion policies. @default - none */
  readonly metrics?: { [name: string]: number };
  /**
   * The registry the URI points into, so the endpoint identity is granted AzureML Registry User on it.
   * @default - none granted
   */
  readonly registryId?: string;
  /** The storage account holding the files, so the endpoint identity is granted blob read on it. @default - none granted */
  readonly storageAccountId?: string;
}

/**
 * The model a deployment serves: a model version declared in this app (or imported), or a URI.
 *
 * ```ts
 * DeploymentModel.fromModelVersion(churnV3)
 * DeploymentModel.fromUri('azureml://registries/mlr-shared/models/churn/versions/3', { modelType: ModelType.MLFLOW })
 * ```
 */
export abstract class DeploymentModel {
  /** A model version: its stage, archive state and metrics feed the traffic invariants and promotion policies. */
  public static fromModelVersion(version: IModelVersion): DeploymentModel {
    checkArgs('DeploymentModel.fromModelVersion', { version }, { version: S.ref('IModelVersion', ['modelName', 'version', 'assetId'], 'pass what model.addVersion(...) returns').req });
    return new ModelVersionDeploymentModel(version);
  }

  /**
   * A model by ARM id or `azureml://` URI (`azureml://registries/<r>/models/<m>/versions/<v>`,
   * `azureml://locations/<region>/workspaces/<id>/models/<m>/versions/<v>`, or a workspace model's ARM id).
   */
  public static fromUri(uri: string, options: ModelUriOptions = {}): DeploymentModel {
    checkArgs('DeploymentModel.fromUri', { uri, options }, { uri: S.string('"azureml://registries/<r>/models/<m>/versions/<v>"').req, options: S.struct('ModelUriOptions', { registryId: S.string(), storageAccountId: S.string(), metrics: S.map(S.any()) }) });
    // Azure takes a model version's ARM id or azureml:// URI here; anything else would synthesize and fail at apply.
    if (!Token.isUnresolved(uri) && !MODEL_URI.test(uri)) {
      throw new MlopsValidationError('DeploymentModel.fromUri', 'arguments', [{
        subject: 'uri', value: renderValue(uri), rule: 'must be a model version\'s azureml:// URI or ARM id, ending in /models/<name>/versions/<version>',
        fix: 'e.g. "azureml://registries/<registry>/models/churn/versions/3", or DeploymentModel.fromModelVersion(version) for a version this app declares',
      }]);
    }
    return new UriDeploymentModel(uri, options);
  }

  /**
   * No model asset: the model is inside the image of an environment with its own inference server (a custom container
   * that bakes its model in). The deployment sends no `model`.
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-deploy-custom-container
   */
  public static inImage(): DeploymentModel {
    return new InImageDeploymentModel();
  }

  /** Returns what the deployment needs. */
  public abstract bind(): DeploymentModelConfig;
}

class ModelVersionDeploymentModel extends DeploymentModel {
  constructor(private readonly version: IModelVersion) {
    super();
  }

  public bind(): DeploymentModelConfig {
    const v = this.version;
    return {
      assetId: v.assetId,
      label: `${v.modelName}:${v.version}`,
      modelType: v.modelType,
      stage: v.stage,
      archived: v.archived || v.stage === ModelStage.ARCHIVED,
      metrics: { ...v.metrics },
      registryId: v.registryId,
      registry: v.registry,
      storageAccountId: v.storageAccountId,
      dependable: v.dependable,
      modelVersion: v,
    };
  }
}

/** What Azure accepts as a deployment's model: a version's `azureml://…` URI or ARM id. */
const MODEL_URI = /^(azureml:\/\/|\/subscriptions\/)\S*\/models\/[^/\s]+\/versions\/[^/\s]+\/?$/i;

class UriDeploymentModel extends DeploymentModel {
  constructor(private readonly uri: string, private readonly options: ModelUriOptions) {
    super();
  }

  public bind(): DeploymentModelConfig {
    const o = this.options;
    return {
      assetId: this.uri,
      label: labelOfUri(this.uri),
      modelType: o.modelType ?? ModelType.CUSTOM,
      stage: o.stage,
      archived: o.stage === ModelStage.ARCHIVED,
      metrics: { ...(o.metrics ?? {}) },
      registryId: o.registryId,
      storageAccountId: o.storageAccountId,
    };
  }
}

class InImageDeploymentModel extends DeploymentModel {
  public bind(): DeploymentModelConfig {
    return { assetId: '', label: '(model in the image)', modelType: ModelType.CUSTOM, archived: false, metrics: {}, inImage: true };
  }
}

/** `churn:3` from `.../models/churn/versions/3`; the URI itself otherwise. */
function labelOfUri(uri: string): string {
  const m = /\/models\/([^/]+)\/versions\/([^/]+)\/?$/.exec(uri);
  return m ? `${m[1]}:${m[2]}` : uri;
}
