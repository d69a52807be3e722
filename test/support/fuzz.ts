// Property-based fuzzing of construct input (issue 14): every prop set either synthesizes output that passes the
// library's own validator, or is refused with the library's own error. Never another exception.
import * as fc from 'fast-check';
import { TerraformStack } from 'cdktf';
import { MlopsValidationError } from '../../lib/core/errors';
import { azapiBodyProblems } from './azure-types';
import { Template } from './template';

/** What a JavaScript or Python caller may pass for a prop of another type. */
export const WRONG_TYPE: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  'northeurope', '', 42, -1, 0.5, NaN, true, {}, [], ['a'], { a: 1 }, null);

/** Mostly `valid`, sometimes unset, sometimes a value of the wrong type. */
export function prop<T>(valid: fc.Arbitrary<T>, weights: { valid?: number; unset?: number; wrong?: number } = {}): fc.Arbitrary<T | unknown> {
  return fc.oneof(
    { weight: weights.valid ?? 20, arbitrary: valid },
    { weight: weights.unset ?? 3, arbitrary: fc.constant(undefined) },
    { weight: weights.wrong ?? 1, arbitrary: WRONG_TYPE },
  );
}

/** A record of props without the keys that came out undefined (as a caller leaves them out). */
export function props(fields: { [key: string]: fc.Arbitrary<unknown> }): fc.Arbitrary<{ [key: string]: unknown }> {
  return fc.record(fields).map(r => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
}

const OURS = /^\s+\[[^\]]+\] Invalid .+? for '[^']+'/;

/**
 * Whether `e` is the library's refusal: a MlopsValidationError, or cdktf's validation failure whose every entry is
 * one of the library's messages (a body refused by the schema-validation aspect alone is a bug, not a refusal).
 */
export function isLibraryError(e: unknown): boolean {
  if (e instanceof MlopsValidationError) return true;
  const message = (e as Error)?.message ?? '';
  if (!message.startsWith('Validation failed with the following errors:')) return false;
  const entries = message.split('\n').filter(l => /^\s+\[/.test(l));
  return entries.length > 0 && entries.every(l => OURS.test(l));
}

export interface Outcome {
  readonly template?: Template;
  readonly refused?: string;
}

/**
 * Builds and synthesizes; returns the template, or the library's refusal. Rethrows anything else, and fails when a
 * synthesized azapi body is one the library's validator rejects.
 */
export function synthOrRefuse(build: () => TerraformStack): Outcome {
  let template: Template;
  try {
    // The bodies are checked once, below, with the same validator the schema-validation aspect runs.
    template = Template.synth(build(), { validateAzapiBodies: false });
  } catch (e) {
    if (isLibraryError(e)) return { refused: (e as Error).message };
    throw e;
  }
  const problems = azapiBodyProblems(template.json);
  if (problems.length > 0) throw new Error(`synthesized bodies the validator rejects:\n${problems.join('\n')}`);
  return { template };
}

/** fast-check settings shared by the fuzz suites: fixed seed, so a failure reproduces. */
export const FUZZ = (numRuns: number) => ({ numRuns, seed: 20261214, endOnFailure: true });

/** Counts outcomes and checks both were reached, so a property cannot pass vacuously. */
export class Tally {
  public synthesized = 0;
  public refused = 0;

  public record(o: Outcome): Outcome {
    if (o.template) this.synthesized++;
    else this.refused++;
    return o;
  }

  public expectBoth(min = 3): void {
    if (this.synthesized < min || this.refused < min) {
      throw new Error(`the generator reached ${this.synthesized} synthesized and ${this.refused} refused runs; both should be at least ${min}`);
    }
  }
}

/** Mostly one of `valid`, sometimes one of `invalid` (values of the right type that break a rule). */
export function choose<T>(valid: T[], invalid: T[] = []): fc.Arbitrary<T> {
  if (invalid.length === 0) return fc.constantFrom(...valid);
  return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
}
