import type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from './model';

/** The cty object type of a block, as Terraform derives it from the schema (hcldec's implied type). */
export function impliedType(block: BlockSchema): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, attr] of Object.entries(block.attributes)) attrs[name] = attributeType(attr);
  for (const [name, nested] of Object.entries(block.blocks)) attrs[name] = nestedBlockType(nested);
  return ['object', attrs];
}

export function attributeType(attr: AttributeSchema): CtyType {
  if (attr.type !== undefined) return attr.type;
  if (!attr.nested) throw new Error('an attribute needs a type or a nested type');
  const attrs: Record<string, CtyType> = {};
  for (const [name, a] of Object.entries(attr.nested.attributes)) attrs[name] = attributeType(a);
  const object: CtyType = ['object', attrs];
  return attr.nested.nesting === 'single' ? object : [attr.nested.nesting, object];
}

function nestedBlockType(nested: NestedBlockSchema): CtyType {
  const object = impliedType(nested.block);
  switch (nested.nesting) {
    case 'single':
    case 'group':
      return object;
    default:
      return [nested.nesting, object];
  }
}
