import type { Cloud } from '../control-plane/cloud';

/**
 * A plain value of a resource's attributes as the handlers see them: cty values decoded to JSON, dynamic values
 * (azapi's `body`, `output`) unwrapped, sets as arrays, nested blocks as arrays of objects (single blocks too,
 * as `[obj]` for list-nested blocks with max one item). At create, computed attributes not yet known are `UNKNOWN`.
 */
export type Plain = { [key: string]: unknown };

/** Marks a value Terraform does not know yet (a computed attribute before apply). */
export const UNKNOWN: unique symbol = Symbol('unknown');

export interface HandlerContext {
  readonly cloud: Cloud;
  readonly subscriptionId: string;
  readonly tenantId: string;
  /** The provider's own configuration (e.g. azurerm's `subscription_id`), decoded. */
  readonly providerConfig: Plain;
}

/**
 * How one Terraform resource type maps onto the emulated control plane. Returned objects give values for the
 * attributes that were unknown in the plan (e.g. `{ id: '/subscriptions/…' }`); known planned values are kept
 * as they are, and any unknown left is filled with an empty value of its type.
 */
export interface ResourceHandler {
  create(ctx: HandlerContext, planned: Plain): Plain;
  update(ctx: HandlerContext, prior: Plain, planned: Plain): Plain;
  delete(ctx: HandlerContext, prior: Plain): void;
  /** Reads the resource back at refresh; `undefined` when it no longer exists in the emulated Azure. */
  read?(ctx: HandlerContext, state: Plain): Plain | undefined;
}

export interface DataSourceHandler {
  read(ctx: HandlerContext, config: Plain): Plain;
}
