import { Dynamic, UNKNOWN_VALUE } from '../../tools/terraform-emulator/src/cty/values';
import { fillUnknowns, planComputed, replacePaths } from '../../tools/terraform-emulator/src/provider/walk';
import { impliedType } from '../../tools/terraform-emulator/src/schema/implied-type';
import type { BlockSchema } from '../../tools/terraform-emulator/src/schema/model';

const BLOCK: BlockSchema = {
  attributes: {
    id: { type: 'string', computed: true },
    name: { type: 'string', required: true, forceNew: true },
    sku: { type: 'string', optional: true, computed: true },
    note: { type: 'string', optional: true },
    secret: { type: 'string', optional: true, writeOnly: true },
    output: { type: 'dynamic', computed: true },
  },
  blocks: {
    identity: {
      nesting: 'list',
      maxItems: 1,
      block: { attributes: { type: { type: 'string', required: true }, principal_id: { type: 'string', computed: true } }, blocks: {} },
    },
    network: { nesting: 'list', block: { attributes: { subnet: { type: 'string', required: true, forceNew: true } }, blocks: {} } },
  },
};

const config = () => ({ id: null, name: 'a', sku: null, note: 'n', secret: 's', output: null, identity: [{ type: 'SystemAssigned', principal_id: null }], network: [{ subnet: 'x' }] });

describe('planning a resource from its schema', () => {
  test('on create, computed attributes the configuration leaves null are unknown, in nested blocks too', () => {
    const planned = planComputed(config(), BLOCK, true);
    expect(planned.id).toBe(UNKNOWN_VALUE);
    expect(planned.sku).toBe(UNKNOWN_VALUE);
    expect(planned.output).toBe(UNKNOWN_VALUE);
    expect((planned.identity as Array<Record<string, unknown>>)[0].principal_id).toBe(UNKNOWN_VALUE);
    expect(planned.note).toBe('n');
  });

  test('write-only attributes are never planned (Terraform requires them null in plan and state)', () => {
    expect(planComputed(config(), BLOCK, true).secret).toBeNull();
    expect(planComputed(config(), BLOCK, false).secret).toBeNull();
  });

  test('on update, known computed values stay as they were', () => {
    const prior = { ...config(), id: 'id-1', sku: 'Standard' };
    const planned = planComputed(prior, BLOCK, false);
    expect(planned.id).toBe('id-1');
    expect(planned.sku).toBe('Standard');
  });

  test('a changed force-new attribute, or one inside a nested block, replaces; other changes do not', () => {
    const prior = { ...config(), id: 'id-1' };
    expect(replacePaths(prior, { ...prior, note: 'changed' }, BLOCK)).toEqual([]);
    expect(replacePaths(prior, { ...prior, name: 'b' }, BLOCK)).toEqual([[{ attribute_name: 'name' }]]);
    expect(replacePaths(prior, { ...prior, network: [{ subnet: 'y' }] }, BLOCK)).toEqual([
      [{ attribute_name: 'network' }, { element_key_int: 0 }, { attribute_name: 'subnet' }],
    ]);
  });

  test('a type\'s own predicate decides instead of force-new (e.g. azapi replaces only when the type before @ changes)', () => {
    const prior = { ...config(), id: 'id-1' };
    const onlyToC = { name: (_p: unknown, n: unknown) => n === 'c' };
    expect(replacePaths(prior, { ...prior, name: 'b' }, BLOCK, onlyToC)).toEqual([]);
    expect(replacePaths(prior, { ...prior, name: 'c' }, BLOCK, onlyToC)).toEqual([[{ attribute_name: 'name' }]]);
  });
});

describe('applying: unknowns filled from the emulated Azure\'s answer', () => {
  const type = impliedType(BLOCK);

  test('unknowns take the answer, shaped to their type; known planned values are kept even if the answer differs', () => {
    const planned = planComputed(config(), BLOCK, true);
    const applied = fillUnknowns(planned, { id: '/x', name: 'ignored', output: { properties: { a: 1 } }, identity: [{ principal_id: 'p-1' }] }, type) as Record<string, unknown>;
    expect(applied.id).toBe('/x');
    expect(applied.name).toBe('a');
    expect(applied.output).toEqual(new Dynamic(['object', { properties: ['object', { a: 'number' }] }], { properties: { a: 1 } }));
    expect((applied.identity as Array<Record<string, unknown>>)[0]).toEqual({ type: 'SystemAssigned', principal_id: 'p-1' });
  });

  test('an unknown the answer does not cover becomes null, never stays unknown', () => {
    const applied = fillUnknowns(planComputed(config(), BLOCK, true), { id: '/x' }, type) as Record<string, unknown>;
    expect(applied.sku).toBeNull();
  });
});
