/**
 * Hand-kept facts laid over a derived schema: what a generated binding cannot know (sensitive values, provider-side
 * defaults, which changes replace a resource, and flags the generator drops). Each type's entry names its source.
 */
import type { AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema, ResourceSchema } from '../schema/model';

export interface AttributeFact {
  readonly forceNew?: boolean;
  readonly sensitive?: boolean;
  /** Known to be filled by the provider when left out (Optional+Computed upstream). */
  readonly computed?: boolean;
  /** The provider's default; implies `computed`, so the plan may carry it while the configuration has null. */
  readonly default?: unknown;
  /** Required upstream though the generated binding calls it optional (the generator makes provider arguments optional). */
  readonly required?: boolean;
  /** Why, when the fact is not a plain reading of the docs. */
  readonly note?: string;
}

export interface BlockFact {
  readonly forceNew?: boolean;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface TypeFacts {
  /** The documentation page the facts were read from. */
  readonly source: string;
  /** By path: `name`, or `blob_properties.delete_retention_policy.days` through nested blocks. */
  readonly attributes?: Readonly<Record<string, AttributeFact>>;
  readonly blocks?: Readonly<Record<string, BlockFact>>;
}

export interface ProviderFacts {
  readonly provider?: TypeFacts;
  readonly resources: Readonly<Record<string, TypeFacts>>;
  readonly dataSources?: Readonly<Record<string, TypeFacts>>;
}

/** A fact about an attribute or block the schema does not have is a mistake in the table: fail loudly. */
export class FactError extends Error {}

export function applyFacts(schema: ProviderSchema, facts: ProviderFacts): ProviderSchema {
  const onTypes = (types: Record<string, ResourceSchema>, table: Readonly<Record<string, TypeFacts>> | undefined, kind: string) => {
    const out = { ...types };
    for (const [type, f] of Object.entries(table ?? {})) {
      const r = out[type];
      if (r === undefined) throw new FactError(`facts for ${kind} ${type}, which the schema does not have`);
      out[type] = { ...r, block: applyToBlock(r.block, f, `${kind} ${type}`) };
    }
    return out;
  };
  return {
    provider: facts.provider ? applyToBlock(schema.provider, facts.provider, 'provider') : schema.provider,
    resources: onTypes(schema.resources, facts.resources, 'resource'),
    dataSources: onTypes(schema.dataSources, facts.dataSources, 'data source'),
  };
}

function applyToBlock(block: BlockSchema, facts: TypeFacts, where: string): BlockSchema {
  let out = block;
  for (const [path, fact] of Object.entries(facts.attributes ?? {})) {
    out = atPath(out, path.split('.'), where, (b, name) => {
      const a = b.attributes[name];
      if (a === undefined) throw new FactError(`${where}: no attribute ${path}`);
      return { ...b, attributes: { ...b.attributes, [name]: withAttributeFact(a, fact) } };
    });
  }
  for (const [path, fact] of Object.entries(facts.blocks ?? {})) {
    out = atPath(out, path.split('.'), where, (b, name) => {
      const nb = b.blocks[name];
      if (nb === undefined) throw new FactError(`${where}: no block ${path}`);
      const merged: NestedBlockSchema = { ...nb, ...fact };
      return { ...b, blocks: { ...b.blocks, [name]: merged } };
    });
  }
  return out;
}

function withAttributeFact(a: AttributeSchema, fact: AttributeFact): AttributeSchema {
  const { note: _note, required, default: dflt, ...flags } = fact;
  const out: AttributeSchema = { ...a, ...flags };
  if (required) {
    const { optional: _o, computed: _c, default: _d, ...rest } = out;
    return { ...rest, required: true };
  }
  if (dflt !== undefined) return { ...out, computed: true, default: dflt };
  return out;
}

/** Applies `edit` to the block that holds the last path segment. */
function atPath(block: BlockSchema, path: string[], where: string, edit: (b: BlockSchema, name: string) => BlockSchema): BlockSchema {
  if (path.length === 1) return edit(block, path[0]);
  const [head, ...rest] = path;
  const nb = block.blocks[head];
  if (nb === undefined) throw new FactError(`${where}: no block ${head} on the way to ${path.join('.')}`);
  return { ...block, blocks: { ...block.blocks, [head]: { ...nb, block: atPath(nb.block, rest, where, edit) } } };
}
