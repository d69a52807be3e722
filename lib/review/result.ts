// What a review finds, as data: the Markdown is rendered from it and `--json` prints it. Schema version 1.

/** The version of the review's JSON. */
export const REVIEW_SCHEMA_VERSION = 1;

/** How bad a hazard is: `blocking` fails the review unless acknowledged; `warning` and `info` only inform. */
export class HazardLevel {
  /** Fails the review (non-zero exit) unless acknowledged. */
  public static readonly BLOCKING = 'blocking';
  public static readonly WARNING = 'warning';
  public static readonly INFO = 'info';
  private constructor() {}
}

/** One hazard. */
export interface ReviewHazard {
  /** Stable id, `<rule>:<stack>:<subject>`: what an acknowledgement names. */
  readonly id: string;
  /** The rule, e.g. `live-deployment-removed`. */
  readonly rule: string;
  /** `blocking`, `warning` or `info`. */
  readonly level: string;
  readonly stack: string;
  /** One line: what happens. */
  readonly message: string;
  /** What to do instead. */
  readonly fix: string;
  /** The acknowledgement's reason, when acknowledged. @default - not acknowledged */
  readonly acknowledged?: string;
}

/** A metric of a new version beside the version that takes most traffic now. */
export interface ReviewMetric {
  readonly name: string;
  /** @default - the new version does not record it */
  readonly value?: number;
  /** @default - the incumbent does not record it */
  readonly incumbent?: number;
  /** value − incumbent. @default - one side is missing */
  readonly delta?: number;
  /** Whether the delta is an improvement (lower is better for loss, error, rmse, mae, mse, latency). @default - no delta */
  readonly better?: boolean;
}

/** A version added, changed, archived or removed. */
export interface ReviewVersionChange {
  /** `<kind>:<workspace or registry>/<name>/<version>`. */
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly version: string;
  /** `workspace` or `registry`. */
  readonly locationKind: string;
  readonly locationName: string;
  /** `added`, `removed`, `content-changed`, `archived`, `unarchived`, `stage-changed` or `metadata-changed`. */
  readonly change: string;
  /** @default - no stage */
  readonly stageBefore?: string;
  /** @default - no stage */
  readonly stageAfter?: string;
  /** The key of the version metrics are compared with (the one taking most traffic now). @default - none */
  readonly comparedWith?: string;
  readonly metrics: ReviewMetric[];
}

/** A deployment's traffic and mirror share, before and after. */
export interface ReviewTrafficRow {
  readonly deployment: string;
  readonly before: number;
  readonly after: number;
  readonly mirrorBefore: number;
  readonly mirrorAfter: number;
  /** The model version served after (or before, for a removed deployment). @default - unknown */
  readonly modelVersion?: string;
}

/** A deployment added, removed, resized, or given another model. */
export interface ReviewDeploymentChange {
  readonly name: string;
  /** `added`, `removed`, `resized`, `model-changed`. */
  readonly change: string;
  /** One line, e.g. `Standard_F4s_v2 × 1 → Standard_F8s_v2 × 2`. */
  readonly detail: string;
}

/** What a change does to one endpoint. */
export interface ReviewEndpointChange {
  readonly name: string;
  /** `online` or `batch`. */
  readonly kind: string;
  /** `added`, `removed` or `changed`. */
  readonly change: string;
  /** `canary`, `promotion`, `rollback`, `traffic-shift`, `mirror-change` or `none` (deployments changed only). */
  readonly rollout: string;
  readonly traffic: ReviewTrafficRow[];
  readonly deployments: ReviewDeploymentChange[];
}

/** A Terraform resource destroyed, replaced, moved or created. */
export interface ReviewResourceChange {
  readonly address: string;
  readonly type: string;
  /** @default - no name */
  readonly name?: string;
  /** `destroyed`, `replaced`, `moved` or `created`. */
  readonly change: string;
  readonly stateful: boolean;
  /** For moves: the new address. @default - not a move */
  readonly to?: string;
  /** For moves: whether head declares the `moved` block. @default - not a move */
  readonly declared?: boolean;
  /** Why (for replacements: what changed). @default - nothing to add */
  readonly reason?: string;
}

/** A `moved` block the review found necessary. */
export interface ReviewMove {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
  /** The moved resource is stateful (destroying it would lose data). */
  readonly stateful: boolean;
}

/** One stack's review. */
export interface ReviewStack {
  readonly stack: string;
  /** `added`, `removed`, `changed` or `unchanged`. */
  readonly status: string;
  readonly versions: ReviewVersionChange[];
  readonly endpoints: ReviewEndpointChange[];
  readonly resources: ReviewResourceChange[];
  /** Resources created that are not stateful, counted rather than listed. */
  readonly otherResourcesCreated: number;
}

/** The whole review. */
export interface ReviewResult {
  readonly schemaVersion: number;
  readonly stacks: ReviewStack[];
  readonly hazards: ReviewHazard[];
  /** Moves not yet declared in head: what `--write-moves` writes. */
  readonly moves: ReviewMove[];
  /** Blocking hazards not acknowledged: the review fails when this is above 0. */
  readonly blocking: number;
}
