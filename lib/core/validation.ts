import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { regionProblem, vmSizeProblem } from './azure-facts';
import { MlopsValidationError, Problem, Problems, renderValue } from './errors';
import { NamingRule, namingProblem } from './naming';

/**
 * Collects every problem with a construct's input, then throws once.
 *
 * Checks are token-aware: a value that is an unresolved token (a reference to another resource, a variable) cannot be
 * known at synth, so it is skipped rather than guessed.
 *
 * ```ts
 * const v = new Validator(this, 'props for Workspace');
 * v.name('name', props.name, NamingRules.ML_WORKSPACE);
 * v.integer('minNodes', props.minNodes, { min: 0 });
 * v.throwIfAny();
 * ```
 */
export class Validator {
  private readonly found: Problem[] = [];

  /**
   * @param scope the construct whose input is checked: its path goes in the message
   * @param what what is checked, for the message: "props", "traffic", "model version"
   */
  constructor(private readonly scope: IConstruct | string, private readonly what: string = 'props') {}

  public get problems(): readonly Problem[] {
    return this.found;
  }

  public get hasProblems(): boolean {
    return this.found.length > 0;
  }

  public add(problem: Problem): this {
    this.found.push(problem);
    return this;
  }

  /** Adds `problem` when `ok` is false. */
  public check(ok: boolean, problem: () => Problem): this {
    if (!ok) this.found.push(problem());
    return this;
  }

  public required(subject: string, value: unknown, fix: string): this {
    if (value === undefined || value === null || value === '') this.found.push(Problems.required(subject, fix));
    return this;
  }

  /** Checks a name against one of Azure's naming rules; skips tokens and unset values. */
  public name(subject: string, value: string | undefined, rule: NamingRule): this {
    if (value === undefined || isToken(value)) return this;
    const problem = namingProblem(subject, value, rule);
    if (problem) this.found.push(problem);
    return this;
  }

  /** Checks an integer and its range; skips tokens and unset values. */
  public integer(subject: string, value: number | undefined, range: { min?: number; max?: number } = {}): this {
    if (value === undefined || isToken(value)) return this;
    if (!Number.isFinite(value)) {
      this.found.push(Problems.notFinite(subject, value));
    } else if (!Number.isInteger(value)) {
      this.found.push(Problems.notInteger(subject, value));
    } else if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      this.found.push(Problems.outOfRange(subject, value, range.min, range.max));
    }
    return this;
  }

  /** Checks a finite number and its range; skips tokens and unset values. */
  public number(subject: string, value: number | undefined, range: { min?: number; max?: number } = {}): this {
    if (value === undefined || isToken(value)) return this;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.found.push(Problems.notFinite(subject, value));
    } else if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      this.found.push(Problems.outOfRange(subject, value, range.min, range.max));
    }
    return this;
  }

  /** Checks that a string is one of `allowed` (exact case); skips tokens and unset values. */
  public oneOf(subject: string, value: string | undefined, allowed: readonly string[]): this {
    if (value === undefined || isToken(value)) return this;
    if (!allowed.includes(value)) this.found.push(Problems.oneOf(subject, value, allowed));
    return this;
  }

  /** Checks a string against a pattern; skips tokens and unset values. */
  public matches(subject: string, value: string | undefined, pattern: RegExp, rule: string, fix: string): this {
    if (value === undefined || isToken(value)) return this;
    if (!pattern.test(value)) this.found.push({ subject, value: renderValue(value), rule, fix });
    return this;
  }

  /** Checks an Azure region name against Azure's region list ("West Europe" is refused for "westeurope"); skips tokens and unset values. */
  public region(subject: string, value: string | undefined): this {
    if (value === undefined || typeof value !== 'string' || isToken(value)) return this;
    const problem = regionProblem(subject, value);
    if (problem) this.found.push(problem);
    return this;
  }

  /** Checks a VM size name against Azure's size names and naming convention; skips tokens and unset values. */
  public vmSize(subject: string, value: string | undefined): this {
    if (value === undefined || typeof value !== 'string' || isToken(value)) return this;
    const problem = vmSizeProblem(subject, value);
    if (problem) this.found.push(problem);
    return this;
  }

  /** Throws one `MlopsValidationError` listing every problem found, if any. */
  public throwIfAny(): void {
    if (this.found.length > 0) throw this.toError();
  }

  public toError(): MlopsValidationError {
    const path = typeof this.scope === 'string' ? this.scope : this.scope.node.path;
    return new MlopsValidationError(path, this.what, [...this.found]);
  }

  /** The problems as one-line messages, for `node.addValidation` (cdktf prefixes each with the construct path). */
  public toMessages(): string[] {
    if (this.found.length === 0) return [];
    return [this.toError().message];
  }
}

/** True when `value` holds an unresolved token anywhere (a string, number or list token). */
export function isToken(value: unknown): boolean {
  return Token.isUnresolved(value);
}
