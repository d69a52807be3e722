import { decode as rawDecode, encode as rawEncode, ExtData } from '@msgpack/msgpack';
import { decodeJson, decodeMsgpack, encodeMsgpack } from '../../tools/terraform-emulator/src/cty/codec';
import { Dynamic, Unknown, UNKNOWN_VALUE } from '../../tools/terraform-emulator/src/cty/values';
import type { CtyType } from '../../tools/terraform-emulator/src/schema/model';

const RESOURCE: CtyType = ['object', {
  id: 'string',
  count: 'number',
  enabled: 'bool',
  tags: ['map', 'string'],
  zones: ['set', 'string'],
  body: 'dynamic',
  identity: ['list', ['object', { type: 'string', principal_id: 'string' }]],
}];

describe('cty over msgpack, as Terraform sends values to a provider', () => {
  test('a value survives an encode and decode with its schema type', () => {
    const value = {
      id: '/subscriptions/0/resourceGroups/rg',
      count: 3,
      enabled: true,
      tags: { env: 'prod' },
      zones: ['1', '2'],
      body: new Dynamic(['object', { properties: ['object', { n: 'number' }] }], { properties: { n: 1.5 } }),
      identity: [{ type: 'SystemAssigned', principal_id: null }],
    };
    expect(decodeMsgpack(encodeMsgpack(value, RESOURCE), RESOURCE)).toEqual(value);
  });

  test('an object is sent with every attribute of its type, absent ones as nil', () => {
    const raw = rawDecode(encodeMsgpack({ id: 'x' }, RESOURCE)) as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual(['body', 'count', 'enabled', 'id', 'identity', 'tags', 'zones']);
    expect(raw.count).toBeNull();
  });

  test('an unknown is msgpack extension 0, and comes back as UNKNOWN', () => {
    const raw = rawDecode(encodeMsgpack({ id: UNKNOWN_VALUE }, RESOURCE)) as Record<string, unknown>;
    expect(raw.id).toBeInstanceOf(ExtData);
    expect((raw.id as ExtData).type).toBe(0);
    expect((decodeMsgpack(encodeMsgpack({ id: UNKNOWN_VALUE }, RESOURCE), RESOURCE) as Record<string, unknown>).id).toBe(UNKNOWN_VALUE);
  });

  test('an unknown with refinements (extension 12) is accepted and returned byte for byte', () => {
    const refinements = new Uint8Array([0x81, 0x01, 0xc3]); // {1: true}: "not null"
    const wire = rawEncode({ id: new ExtData(12, refinements) });
    const decoded = decodeMsgpack(wire, ['object', { id: 'string' }]) as Record<string, unknown>;
    expect(decoded.id).toBeInstanceOf(Unknown);
    const again = rawDecode(encodeMsgpack(decoded, ['object', { id: 'string' }])) as Record<string, ExtData>;
    expect(again.id.type).toBe(12);
    expect(Array.from(again.id.data as Uint8Array)).toEqual(Array.from(refinements));
  });

  test('a dynamic value travels as [type JSON, value] and keeps its concrete type', () => {
    const type: CtyType = ['object', { body: 'dynamic' }];
    const raw = rawDecode(encodeMsgpack({ body: new Dynamic(['tuple', ['string', 'number']], ['a', 1]) }, type)) as Record<string, unknown[]>;
    expect(JSON.parse(Buffer.from(raw.body[0] as Uint8Array).toString())).toEqual(['tuple', ['string', 'number']]);
    expect(raw.body[1]).toEqual(['a', 1]);
  });

  test('a dynamic position refuses a value without its type, instead of guessing one', () => {
    expect(() => encodeMsgpack({ body: { a: 1 } }, ['object', { body: 'dynamic' }])).toThrow(/wrapped in Dynamic/);
  });
});

describe('cty JSON, as Terraform stores state (UpgradeResourceState)', () => {
  test('a dynamic attribute stored with its type ({value, type}) is unwrapped into a Dynamic', () => {
    const state = JSON.stringify({ id: 'x', body: { value: { properties: { a: 'b' } }, type: ['object', { properties: ['object', { a: 'string' }] }] } });
    const decoded = decodeJson(state, ['object', { id: 'string', body: 'dynamic' }]) as Record<string, unknown>;
    expect(decoded.body).toEqual(new Dynamic(['object', { properties: ['object', { a: 'string' }] }], { properties: { a: 'b' } }));
  });

  test('a plain JSON value in a dynamic position gets the type Terraform would infer', () => {
    const decoded = decodeJson('{"body":{"a":[1,"x"]}}', ['object', { body: 'dynamic' }]) as Record<string, Dynamic>;
    expect(decoded.body.type).toEqual(['object', { a: ['tuple', ['number', 'string']] }]);
  });
});
