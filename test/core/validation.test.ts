import { Fn, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { MlopsValidationError } from '../../lib/core/errors';
import { NamingRules } from '../../lib/core/naming';
import { Validator } from '../../lib/core/validation';
import { testStack } from '../support/template';

describe('Validator', () => {
  test('collects every problem and throws once, naming the construct path, each value, rule and fix', () => {
    const scope = new Construct(testStack('prod'), 'churn');
    const v = new Validator(scope, 'props for OnlineEndpoint');
    v.name('name', '1-bad--name', NamingRules.ONLINE_ENDPOINT);
    v.integer('instanceCount', 0, { min: 1 });
    v.oneOf('authMode', 'Token', ['AADToken', 'Key', 'AMLToken']);
    let error: MlopsValidationError | undefined;
    try { v.throwIfAny(); } catch (e) { error = e as MlopsValidationError; }
    expect(error).toBeInstanceOf(MlopsValidationError);
    expect(error!.constructPath).toBe('prod/churn');
    expect(error!.problems).toHaveLength(3);
    expect(error!.message).toContain("Invalid props for OnlineEndpoint for 'prod/churn' (3 problems)");
    expect(error!.message).toContain('1. name (value: "1-bad--name") breaks the online endpoint naming rule');
    expect(error!.message).toContain('2. instanceCount (value: 0) must be at least 1');
    expect(error!.message).toContain('3. authMode (value: "Token") must be one of AADToken, Key, AMLToken');
  });

  test('one problem reads as one sentence', () => {
    const v = new Validator('app/x', 'traffic');
    v.add({ subject: 'traffic', value: 'blue=90, green=20', rule: 'sums to 110; weights must sum to 100', fix: 'lower green to 10' });
    expect(() => v.throwIfAny()).toThrow("Invalid traffic for 'app/x': traffic (value: blue=90, green=20) sums to 110; weights must sum to 100. Fix: lower green to 10");
  });

  test('unresolved tokens are skipped, never guessed', () => {
    const stack = testStack();
    const variable = new TerraformVariable(stack, 'n', { type: 'number' });
    const v = new Validator(stack);
    v.name('name', Fn.lower('X'), NamingRules.STORAGE_ACCOUNT);
    v.integer('count', variable.numberValue, { min: 1 });
    v.oneOf('mode', variable.stringValue, ['a']);
    expect(v.hasProblems).toBe(false);
  });

  test('integers must be whole and finite; numbers must be finite', () => {
    const v = new Validator('x');
    v.integer('a', 1.5).integer('b', Number.NaN).number('c', Number.POSITIVE_INFINITY).number('d', 0.5, { min: 0, max: 1 });
    expect(v.problems.map(p => [p.subject, p.rule])).toEqual([
      ['a', 'must be a whole number'], ['b', 'must be a finite number'], ['c', 'must be a finite number'],
    ]);
  });

  test('toMessages renders nothing when valid, one message when not (for node.addValidation)', () => {
    expect(new Validator('x').toMessages()).toEqual([]);
    const v = new Validator('x').add({ subject: 's', value: '1', rule: 'r', fix: 'f' });
    expect(v.toMessages()).toEqual(["Invalid props for 'x': s (value: 1) r. Fix: f"]);
  });
});
