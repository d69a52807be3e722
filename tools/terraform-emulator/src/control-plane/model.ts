/**
 * The emulated Azure control plane: an in-memory (file-persisted) Azure Resource Manager that the local providers
 * call behind `terraform apply`, and that refuses what Azure refuses. Every rule lives in `rules/`, one per file,
 * with its source. Nothing here knows about Terraform: the provider handlers (../providers) translate.
 */

/** A JSON value as Azure sends and stores it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One ARM resource as the emulated control plane stores it. Ids keep Azure's casing as first written. */
export interface ArmResource {
  /** e.g. `/subscriptions/…/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw` */
  readonly id: string;
  /** The full resource type, e.g. `Microsoft.MachineLearningServices/workspaces/onlineEndpoints`. */
  readonly type: string;
  readonly name: string;
  /** The request body as Azure keeps it (properties, sku, kind, location, tags, identity), plus read-only fields. */
  readonly body: JsonObject;
}

/** Azure refused a request. The provider turns it into a Terraform error diagnostic. */
export class AzureRefusal extends Error {
  constructor(
    /** HTTP status Azure answers with, e.g. 409. */
    public readonly status: number,
    /** Azure's error code, e.g. `RoleAssignmentExists`. */
    public readonly code: string,
    message: string,
    /** Where the rule comes from: the Azure or provider doc page or issue. */
    public readonly source: string,
  ) {
    super(message);
    this.name = 'AzureRefusal';
  }
}
