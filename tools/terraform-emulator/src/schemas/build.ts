/**
 * Small builders for hand-written schemas (azapi, azuredevops), so that each attribute reads as one line:
 * `name: opt('string', { forceNew: true })`.
 */
import type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from '../schema/model';

type Extra = Omit<AttributeSchema, 'type' | 'nested' | 'required' | 'optional'>;

export const req = (type: CtyType, extra: Extra = {}): AttributeSchema => ({ type, required: true, ...extra });
export const opt = (type: CtyType, extra: Extra = {}): AttributeSchema => ({ type, optional: true, ...extra });
/** Optional, and filled by the provider when left out. */
export const optComputed = (type: CtyType, extra: Extra = {}): AttributeSchema => ({ type, optional: true, computed: true, ...extra });
export const computed = (type: CtyType, extra: Omit<Extra, 'computed'> = {}): AttributeSchema => ({ type, computed: true, ...extra });

export const block = (attributes: Record<string, AttributeSchema>, blocks: Record<string, NestedBlockSchema> = {}): BlockSchema =>
  ({ attributes, blocks });

/** The `timeouts` block of the Terraform plugin framework and of SDKv2 (a single nested block). */
export const timeouts = (...operations: Array<'create' | 'read' | 'update' | 'delete'>): NestedBlockSchema => ({
  nesting: 'single',
  block: block(Object.fromEntries(operations.map(o => [o, opt('string')]))),
});

export const STRINGS: CtyType = ['list', 'string'];
export const STRING_SET: CtyType = ['set', 'string'];
export const STRING_MAP: CtyType = ['map', 'string'];
