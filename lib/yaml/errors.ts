/**
 * The loaders' errors, in the library's error vocabulary (lib/core/errors): one `YamlLoadError` per file, listing
 * every problem with its line and key, and the fix. Not part of the jsii API (jsii cannot export `Error` subclasses).
 */
import { formatProblems, MlopsValidationError, Problem } from '../core/errors';

/** One problem in a YAML file: what a {@link Problem} says, with the key path for a subject and its line. */
export interface YamlProblem {
  /** 1-based line of the key (or of the value, for values that are wrong), when known. */
  readonly line?: number;
  /** The key path, e.g. `build.dockerfile_path` or `tags.team`. */
  readonly key: string;
  /** The offending value as written. */
  readonly value: string;
  /** The rule broken, as a fact. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
}

/** Thrown when a YAML file cannot be loaded: names the file, and per problem the line, the key and the fix. */
export class YamlLoadError extends MlopsValidationError {
  /** The file, as the user passed it. */
  public readonly file: string;
  public readonly yamlProblems: YamlProblem[];

  constructor(file: string, what: string, problems: YamlProblem[]) {
    super(file, `${what} YAML`, problems.map(toProblem));
    this.name = 'YamlLoadError';
    this.file = file;
    this.yamlProblems = problems;
    // MlopsValidationError renders "for '<path>'"; a file reads better with "in" and its line.
    this.message = formatProblems(file, `${what} YAML`, problems.map(toProblem)).replace(/^Invalid (.*?) for '/, "Invalid $1 in '");
  }
}

function toProblem(p: YamlProblem): Problem {
  return { subject: p.line !== undefined ? `line ${p.line}, ${p.key}` : p.key, value: p.value, rule: p.rule, fix: p.fix };
}

/** Collects problems for one file and throws them at once, like lib/core's Validator does for a construct. */
export class YamlProblems {
  private readonly list: YamlProblem[] = [];
  constructor(private readonly file: string, private readonly what: string) {}

  public add(p: YamlProblem): void {
    this.list.push(p);
  }

  public get count(): number {
    return this.list.length;
  }

  public throwIfAny(): void {
    if (this.list.length > 0) throw new YamlLoadError(this.file, this.what, [...this.list]);
  }
}
