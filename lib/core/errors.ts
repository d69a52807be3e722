/**
 * The library's one error vocabulary.
 *
 * Every problem a user can cause is reported as a `Problem` (what, the value, the rule, the fix) and thrown as one
 * `MlopsValidationError` per construct that names the construct path and lists every problem at once, so a user
 * fixes a whole prop set in one go instead of one message per synth.
 *
 * Message factories for recurring problems live here too, so wording stays consistent and tests can match stable
 * fragments. Construct-specific wording belongs in the construct's own module.
 */
import { installShortErrorOutput } from './error-output';

/** One thing wrong with the input of a construct. */
export interface Problem {
  /** The prop, argument or path at fault, e.g. `name` or `traffic.blue`. */
  readonly subject: string;
  /** The offending value as the user wrote it (rendered to a short string). */
  readonly value: string;
  /** The rule that is broken, stated as a fact: "must be 3-32 characters". */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
}

/**
 * Thrown at synth when a construct's input breaks a rule of Azure or of this library.
 *
 * Not part of the jsii API (jsii cannot export subclasses of `Error`); TypeScript users can import it from
 * `cdktf-azure-mlops/lib/core/errors` to check `instanceof`.
 */
export class MlopsValidationError extends Error {
  public readonly constructPath!: string;
  public readonly problems!: Problem[];

  constructor(constructPath: string, what: string, problems: Problem[]) {
    super(formatProblems(constructPath, what, problems));
    this.name = 'MlopsValidationError';
    // Not enumerable: Node prints an uncaught error's enumerable properties after its stack, which repeated every
    // problem once more. They stay readable (`e.problems`).
    Object.defineProperty(this, 'constructPath', { value: constructPath, enumerable: false });
    Object.defineProperty(this, 'problems', { value: problems, enumerable: false });
  }
}

installShortErrorOutput();

/** Renders a value for a message: short, quoted strings, tokens shown as such. */
export function renderValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 160 ? `${json.slice(0, 157)}...` : json;
  } catch {
    return String(value);
  }
}

export function formatProblems(constructPath: string, what: string, problems: Problem[]): string {
  const head = `Invalid ${what} for '${constructPath}'`;
  if (problems.length === 1) {
    const p = problems[0];
    return `${head}: ${p.subject} (value: ${p.value}) ${p.rule}. Fix: ${p.fix}`;
  }
  const lines = problems.map((p, i) => `  ${i + 1}. ${p.subject} (value: ${p.value}) ${p.rule}. Fix: ${p.fix}`);
  return `${head} (${problems.length} problems):\n${lines.join('\n')}`;
}

/** Message factories shared across constructs. */
export const Problems = {
  required(subject: string, fix: string): Problem {
    return { subject, value: '(not set)', rule: 'is required', fix };
  },
  outOfRange(subject: string, value: number, min: number | undefined, max: number | undefined, fix?: string): Problem {
    const range = min !== undefined && max !== undefined ? `between ${min} and ${max}`
      : min !== undefined ? `at least ${min}` : `at most ${max}`;
    return { subject, value: renderValue(value), rule: `must be ${range}`, fix: fix ?? `use a value ${range}` };
  },
  notInteger(subject: string, value: number): Problem {
    return { subject, value: renderValue(value), rule: 'must be a whole number', fix: `use ${Math.round(value)}` };
  },
  notFinite(subject: string, value: unknown): Problem {
    return { subject, value: renderValue(value), rule: 'must be a finite number', fix: 'pass a finite number (not NaN, Infinity or a string)' };
  },
  oneOf(subject: string, value: unknown, allowed: readonly string[]): Problem {
    return { subject, value: renderValue(value), rule: `must be one of ${allowed.join(', ')}`, fix: `use one of ${allowed.join(', ')}` };
  },
  conflict(subject: string, value: unknown, rule: string, fix: string): Problem {
    return { subject, value: renderValue(value), rule, fix };
  },
  duplicate(subject: string, value: unknown, where: string): Problem {
    return { subject, value: renderValue(value), rule: `is declared more than once in ${where}`, fix: 'give each one a unique name, or declare it once and reuse the object' };
  },
};
