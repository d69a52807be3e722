import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { MlopsValidationError } from '../../lib/core/errors';
import { checkShape, childId, S } from '../../lib/core/shape';
import { Protection } from '../../lib/workspace/protection';

const SHAPE = S.struct('Props', {
  name: S.string('"x"').req,
  regions: S.list(S.string('"westeurope"')),
  tags: S.map(S.string()),
  count: S.number(),
  nested: S.struct('Nested', { on: S.boolean().req }),
  protection: S.enumLike(() => Protection, 'name'),
});

function problemsOf(props: unknown): string[] {
  try {
    checkShape('app/Thing', 'props for Thing', props, SHAPE);
  } catch (e) {
    expect(e).toBeInstanceOf(MlopsValidationError);
    return (e as MlopsValidationError).problems.map(p => `${p.subject}: ${p.rule} | ${p.fix}`);
  }
  return [];
}

describe('shape checks', () => {
  test('a valid prop set passes, and props not declared in the shape are left to the construct', () => {
    expect(problemsOf({ name: 'a', regions: ['x'], tags: { a: 'b' }, count: 2, nested: { on: true }, protection: Protection.DEVELOPMENT, extra: 1 })).toEqual([]);
  });

  test('every wrong type is listed at once, with its path, what was expected and a fix', () => {
    expect(problemsOf({ regions: 'northeurope', tags: [], count: '2', nested: {}, protection: 'development' })).toEqual([
      'name: is required (a string) | pass a string, e.g. "x"',
      'regions: must be a list (of a string) (got a string) | pass a list (of a string), e.g. ["westeurope"]',
      'tags: must be a map (of a string) (got a list) | pass a map (of a string), e.g. { key: "name" }',
      'count: must be a number (got a string) | pass a number, e.g. 1',
      'nested.on: is required (true or false) | pass true or false, e.g. true',
      'protection: must be a Protection (got a string) | use Protection.DEVELOPMENT',
    ]);
  });

  test('list items and map values are checked by position and key; no props at all reports the required ones', () => {
    expect(problemsOf({ name: 'a', regions: ['ok', 7], tags: { a: 1 } })).toEqual([
      'regions[1]: must be a string (got a number) | pass a string, e.g. "westeurope"',
      'tags.a: must be a string (got a number) | pass a string, e.g. "name"',
    ]);
    expect(problemsOf(undefined)).toEqual(['name: is required (a string) | pass a string, e.g. "x"']);
  });

  test('unresolved tokens pass every shape: they are known at apply', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const v = new TerraformVariable(stack, 'v', { type: 'string' });
    expect(problemsOf({ name: v.stringValue, regions: v.listValue, count: v.numberValue })).toEqual([]);
  });

  test('a child id must be a non-empty literal, unique among its siblings', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new Construct(stack, 'blue');
    expect(() => childId(stack, 'blue', 'OnlineDeployment')).toThrow(/Invalid id of OnlineDeployment for 's\/blue': id \(value: "blue"\) is already used by another construct in 's' \('s\/blue'\)/);
    expect(() => childId(stack, '', 'ModelVersion')).toThrow(/Invalid id of ModelVersion for 's': id \(value: ""\) must not be empty/);
    expect(() => childId(stack, 3 as any, 'Model')).toThrow(/id \(value: 3\) must be a literal string \(got a number\)/);
    expect(childId(stack, 'green', 'OnlineDeployment')).toBe('green');
  });
});
