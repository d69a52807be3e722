import type { AttributeSchema, BlockSchema, ResourceSchema } from './model';

/** The neutral schema as tfplugin6 `Schema` messages (plain objects for @grpc/proto-loader, enums by name). */
export function toProtoSchema(schema: ResourceSchema): object {
  return { version: schema.version, block: toProtoBlock(schema.block) };
}

export function toProtoBlock(block: BlockSchema): object {
  return {
    version: 0,
    attributes: Object.entries(block.attributes).map(([name, attr]) => toProtoAttribute(name, attr)),
    block_types: Object.entries(block.blocks).map(([name, nested]) => ({
      type_name: name,
      block: toProtoBlock(nested.block),
      nesting: nested.nesting.toUpperCase(),
      min_items: nested.minItems ?? 0,
      max_items: nested.maxItems ?? 0,
    })),
  };
}

function toProtoAttribute(name: string, attr: AttributeSchema): object {
  return {
    name,
    type: attr.type !== undefined ? Buffer.from(JSON.stringify(attr.type)) : Buffer.alloc(0),
    nested_type: attr.nested
      ? {
          attributes: Object.entries(attr.nested.attributes).map(([n, a]) => toProtoAttribute(n, a)),
          nesting: attr.nested.nesting.toUpperCase(),
        }
      : undefined,
    required: attr.required ?? false,
    optional: attr.optional ?? false,
    computed: attr.computed ?? false,
    sensitive: attr.sensitive ?? false,
    write_only: attr.writeOnly ?? false,
  };
}
