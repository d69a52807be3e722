/**
 * The provider schemas the local providers serve, in a neutral shape that maps one to one onto tfplugin6's
 * `Schema` message (see ../schema/to-proto.ts). Types are cty type JSON, as Terraform writes them:
 * `"string"`, `"number"`, `"bool"`, `"dynamic"`, `["list", T]`, `["set", T]`, `["map", T]`,
 * `["object", { name: T }]`, `["tuple", [T…]]`.
 */
export type CtyType = string | [string, unknown];

export type Nesting = 'single' | 'list' | 'set' | 'map' | 'group';

export interface AttributeSchema {
  /** The attribute's cty type; absent when `nested` is given. */
  readonly type?: CtyType;
  /** A nested attribute type (protocol 6 only), e.g. azapi's `retry` object. */
  readonly nested?: { readonly nesting: Exclude<Nesting, 'group'>; readonly attributes: Record<string, AttributeSchema> };
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly writeOnly?: boolean;
  /** A change of this attribute replaces the resource (what SDKv2 calls ForceNew). Not sent to Terraform. */
  readonly forceNew?: boolean;
  /**
   * The provider's default, planned when the configuration leaves the attribute null (SDKv2's `Default`); such an
   * attribute is also `computed`, or Terraform would reject the plan. Not sent to Terraform.
   */
  readonly default?: unknown;
}

export interface NestedBlockSchema {
  readonly nesting: Nesting;
  readonly block: BlockSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** A change anywhere inside this block replaces the resource. Not sent to Terraform. */
  readonly forceNew?: boolean;
}

export interface BlockSchema {
  readonly attributes: Record<string, AttributeSchema>;
  readonly blocks: Record<string, NestedBlockSchema>;
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: BlockSchema;
}

export interface ProviderSchema {
  readonly provider: BlockSchema;
  readonly resources: Record<string, ResourceSchema>;
  readonly dataSources: Record<string, ResourceSchema>;
}
