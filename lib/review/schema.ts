// The manifest every synth writes beside each stack's cdk.tf.json (`mlops-manifest.json`), schema version 1.
// It is derived from the synthesized Terraform JSON alone (see manifest.ts), so the review can also read a synth made
// by a version of the library that wrote no manifest. Documented field by field in lib/review/README.md.

/** The file name of a stack's manifest, beside its `cdk.tf.json`. */
export const MANIFEST_FILE_NAME = 'mlops-manifest.json';

/** The schema identifier written in every manifest. */
export const MANIFEST_SCHEMA = 'cdktf-azure-mlops/manifest';

/** Bumped on any change a reader of an older version would misread; additions of optional fields keep the version. */
export const MANIFEST_SCHEMA_VERSION = 1;

/** Where a version lives. */
export interface ManifestAssetLocation {
  /** `workspace` or `registry`. */
  readonly kind: string;
  /** The workspace or registry name, or its canonical expression when it is known only at apply. */
  readonly name: string;
}

/** One model, environment, data or code version. */
export interface ManifestAssetVersion {
  /** `model`, `environment`, `data` or `code`. */
  readonly kind: string;
  /** The asset (container) name. */
  readonly name: string;
  readonly version: string;
  readonly location: ManifestAssetLocation;
  /** The Terraform address, e.g. `azapi_resource.Workspace_churn_1_78948A80`. */
  readonly address: string;
  /** The construct path cdktf recorded. @default - unknown */
  readonly constructPath?: string;
  /**
   * The version's content identity as canonical JSON: its `replace_triggers_external_values.identity` (hash and blob
   * path, or URI; model type), or for a version promoted into a registry the workspace version it was published from.
   */
  readonly content: string;
  /** `mlops.lineage.*` properties without the prefix (`trainingJob`, `environment`, `data.0`, `sourceCommit`, ...). */
  readonly lineage: { [key: string]: string };
  /** `mlops.metric.*` properties, as numbers. */
  readonly metrics: { [key: string]: number };
  /** @default - no stage */
  readonly stage?: string;
  readonly archived: boolean;
  /** `lifecycle.prevent_destroy`. */
  readonly protected: boolean;
}

/** One deployment of an endpoint. */
export interface ManifestDeployment {
  readonly name: string;
  readonly address: string;
  /** The model served: an `azureml://` URI, or the canonical expression of an ARM id. @default - none */
  readonly model?: string;
  /** The served version as `<kind>:<location name>/<name>/<version>` when it is a version of this app. @default - unknown */
  readonly modelVersion?: string;
  /** @default - batch deployments run on a compute cluster */
  readonly instanceType?: string;
  /** @default - unknown */
  readonly instanceCount?: number;
  /** @default - no autoscale */
  readonly autoscaleMin?: number;
  /** @default - no autoscale */
  readonly autoscaleMax?: number;
}

/** One share of traffic. */
export interface ManifestTrafficShare {
  readonly deployment: string;
  readonly percent: number;
}

/** One online or batch endpoint. */
export interface ManifestEndpoint {
  /** `online` or `batch`. */
  readonly kind: string;
  readonly name: string;
  /** The canonical expression of the workspace (its identity). */
  readonly workspace: string;
  readonly address: string;
  readonly deployments: ManifestDeployment[];
  /** Live traffic (online), or the default deployment at 100 (batch); shares of 0 are left out. */
  readonly traffic: ManifestTrafficShare[];
  /** Mirror (shadow) traffic; shares of 0 are left out. */
  readonly mirror: ManifestTrafficShare[];
}

/** One Terraform resource: what the review needs to tell a move from a destroy. */
export interface ManifestResource {
  readonly address: string;
  /** The Terraform type, e.g. `azurerm_storage_account`. */
  readonly type: string;
  /** The Azure type without api-version for azapi (`Microsoft.MachineLearningServices/workspaces`), else the Terraform type. */
  readonly azureType: string;
  /** @default - no name argument */
  readonly name?: string;
  /**
   * The Azure identity: type, parent and name with every reference to another resource of the stack replaced by that
   * resource's identity, so it does not change when only construct paths (and so Terraform addresses) change.
   */
  readonly identity: string;
  /** A digest of the arguments that force replacement when changed. @default - none known */
  readonly replaceKey?: string;
  /** Holds data, or a name or identity that cannot be recreated without loss. */
  readonly stateful: boolean;
  /** The name is globally unique (storage, Key Vault, container registry, ML registry). */
  readonly globallyUnique: boolean;
  /** `lifecycle.prevent_destroy`. */
  readonly protected: boolean;
  /** @default - unknown */
  readonly constructPath?: string;
}

/** A `moved` block in the stack. */
export interface ManifestMove {
  readonly from: string;
  readonly to: string;
}

/** A hazard acknowledged in code (`ReviewAcknowledgement.acknowledge`), so a reviewer sees it in the diff. */
export interface ManifestAcknowledgement {
  /** The hazard id the review printed. */
  readonly hazard: string;
  readonly reason: string;
}

/** The manifest of one stack. */
export interface StackManifest {
  /** Always `cdktf-azure-mlops/manifest`. */
  readonly schema: string;
  readonly schemaVersion: number;
  readonly stack: string;
  readonly versions: ManifestAssetVersion[];
  readonly endpoints: ManifestEndpoint[];
  /** Every resource of the stack (stateful ones flagged). */
  readonly resources: ManifestResource[];
  readonly moved: ManifestMove[];
  /** The stack's outputs as canonical expressions, so another stack's remote-state reads can be resolved. */
  readonly outputs: { [key: string]: string };
  readonly acknowledgements: ManifestAcknowledgement[];
}
