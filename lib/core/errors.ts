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

const MLOPS_VALIDATION_ERROR = Symbol.for('cdktf-azure-mlops.MlopsValidationError');

/**
 * Thrown at synth when a construct's input breaks a rule of Azure or of this library.
 *
 * The message names the construct path and lists every problem; `problems` holds them one by one. In TypeScript and
 * JavaScript it is an `Error` (`instanceof MlopsValidationError` and `instanceof Error` both hold); in other jsii
 * languages an exception thrown inside the library reaches the app as the runtime's own error type carrying this
 * message, so match on the message there.
 */
export class MlopsValidationError {
  /**
   * Whether `x` is an MlopsValidationError, also when it comes from another copy of this package (two versions
   * installed side by side make `instanceof` false).
   */
  public static isMlopsValidationError(x: any): boolean {
    return x !== null && typeof x === 'object' && MLOPS_VALIDATION_ERROR in x;
  }

  /** The path of the construct whose input is wrong, e.g. `prod/Endpoint`. */
  public readonly constructPath: string;
  /** Every problem found in that construct's input. */
  public readonly problems: Problem[];
  /** The message: the construct path and every problem with its fix. */
  public readonly message: string;
  /** Always `MlopsValidationError`. */
  public readonly name: string;

  /**
   * @param constructPath the path of the construct at fault
   * @param what what was invalid, e.g. `props for OnlineEndpoint`
   * @param problems every problem found (at least one)
   */
  constructor(constructPath: string, what: string, problems: Problem[]) {
    this.constructPath = constructPath;
    this.problems = problems;
    this.message = formatProblems(constructPath, what, problems);
    this.name = 'MlopsValidationError';
    // jsii cannot export a subclass of Error (JSII3001: `Error` is no jsii type, and erasing a hidden base class
    // stops at it too), so the class declares no base and the constructor returns a native Error re-parented onto
    // this prototype (whose own parent is Error.prototype, below): Node prints it as an error with its stack, and
    // jest's toThrow and `instanceof` behave as for `class extends Error`. See aws/jsii#50.
    const error = new Error(this.message);
    Object.setPrototypeOf(error, new.target.prototype);
    Object.defineProperty(error, 'name', { value: this.name, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(error, MLOPS_VALIDATION_ERROR, { value: true, enumerable: false });
    Error.captureStackTrace?.(error, new.target);
    // Not enumerable: Node prints an uncaught error's enumerable properties after its stack, which repeated every
    // problem once more. They stay readable (`e.problems`).
    Object.defineProperty(error, 'constructPath', { value: constructPath, enumerable: false });
    Object.defineProperty(error, 'problems', { value: problems, enumerable: false });
    return error as unknown as MlopsValidationError;
  }
}
Object.setPrototypeOf(MlopsValidationError.prototype, Error.prototype);

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
    // A fraction in (0, 1) is most often a share meant as a percentage (0.9 for 90).
    const share = value > 0 && value < 1 && subject.startsWith('traffic');
    return { subject, value: renderValue(value), rule: 'must be a whole number', fix: share ? `weights are percents: use ${Math.round(value * 100)}` : `use ${Math.round(value)}` };
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
