import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Problem, renderValue } from '../core/errors';
import { Validator } from '../core/validation';
import { checkShape, childId } from '../core/shape';
import { VERSION_LOCK_PROPS } from './shapes';

/** How a {@link VersionLock} treats versions that are not in the lock file yet. */
export class VersionLockMode {
  /**
   * New versions are added to the lock file at synth (commit it with the change); a locked version whose content
   * changed fails synth. For development machines.
   */
  public static readonly UPDATE = new VersionLockMode('update');
  /**
   * The lock file is never written: a version missing from it fails synth, as does a changed one. For CI, so a pull
   * request that forgot to commit the lock file cannot merge.
   */
  public static readonly VERIFY = new VersionLockMode('verify');

  private constructor(public readonly value: string) {}
}

/** Props for {@link VersionLock}. */
export interface VersionLockProps {
  /** Path of the lock file, resolved from the working directory (commit it next to `cdktf.json`). */
  readonly path: string;
  /**
   * @default VersionLockMode.VERIFY when the `CI` environment variable is set, VersionLockMode.UPDATE otherwise
   */
  readonly mode?: VersionLockMode;
}

/** The identity of one declared asset version. */
interface LockEntry {
  readonly identity: { [key: string]: string };
  readonly path: string;
}

/** The lock file's shape: `{ "lockVersion": 1, "versions": { "<location>/<kind>/<name>/<version>": {identity} } }`. */
interface LockFile {
  readonly lockVersion: number;
  readonly versions: { [key: string]: { [key: string]: string } };
}

const LOCK_FILE_VERSION = 1;

/**
 * Makes released asset versions immutable across synths, the way a package manager's lock file pins dependencies.
 *
 * Every model, environment, data and code version in the stack records its identity (the content hash of uploaded
 * files, or its URI; its type) under `<workspace|registry>/<kind>/<name>/<version>`. At synth the lock compares them
 * with the committed file: a version whose identity differs from the locked one fails synth, naming the version, the
 * locked and the new identity — changing the content of a released version is refused before it reaches Azure.
 * Versions removed from the app stay in the file, so a version number is never reused with other content (in a
 * registry Azure never allows that anyway).
 *
 * ```ts
 * VersionLock.configure(stack, { path: 'asset-versions.lock.json' });
 * ```
 */
export class VersionLock extends Construct {
  /** The construct id the lock uses in a stack. */
  public static readonly ID = 'MlopsVersionLock';

  /** Adds a lock to `stack`. */
  public static configure(stack: TerraformStack, props: VersionLockProps): VersionLock {
    return new VersionLock(stack, VersionLock.ID, props);
  }

  /** The lock of the stack `scope` is in, if one is configured. */
  public static of(scope: IConstruct): VersionLock | undefined {
    const stack = TerraformStack.of(scope);
    return stack.node.tryFindChild(VersionLock.ID) as VersionLock | undefined;
  }

  /** The resolved path of the lock file. */
  public readonly lockFilePath: string;
  public readonly mode: VersionLockMode;
  private readonly entries = new Map<string, LockEntry>();

  constructor(scope: TerraformStack, id: string, props: VersionLockProps) {
    super(scope, childId(scope, id, 'VersionLock'));
    checkShape(this, 'props for VersionLock', props, VERSION_LOCK_PROPS);
    this.lockFilePath = path.resolve(props.path);
    this.mode = props.mode ?? (process.env.CI ? VersionLockMode.VERIFY : VersionLockMode.UPDATE);
    this.node.addValidation({ validate: () => this.check() });
  }

  /**
   * Records the identity of the version at `scope`. Called by the version constructs; a key recorded twice with
   * different identities is reported at synth.
   *
   * @param key `<workspace|registry>:<name>/<kind>/<asset name>/<version>`
   * @param identity what makes the version what it is: content hash or URI, type
   */
  public record(scope: IConstruct, key: string, identity: { [key: string]: string }): void {
    this.entries.set(key, { identity, path: scope.node.path });
  }

  private read(): LockFile {
    if (!fs.existsSync(this.lockFilePath)) return { lockVersion: LOCK_FILE_VERSION, versions: {} };
    const parsed = JSON.parse(fs.readFileSync(this.lockFilePath, 'utf8')) as LockFile;
    return { lockVersion: parsed.lockVersion ?? LOCK_FILE_VERSION, versions: parsed.versions ?? {} };
  }

  private check(): string[] {
    let locked: LockFile;
    try {
      locked = this.read();
    } catch (e) {
      return [new Validator(this, 'version lock file').add({
        subject: 'path', value: renderValue(this.lockFilePath), rule: `is not valid JSON (${(e as Error).message})`,
        fix: 'restore it from version control; never edit it by hand',
      }).toError().message];
    }
    const changed: Problem[] = [];
    const missing: string[] = [];
    const added: { [key: string]: { [key: string]: string } } = {};
    for (const [key, entry] of this.entries) {
      const before = locked.versions[key];
      if (before === undefined) {
        missing.push(key);
        added[key] = entry.identity;
      } else if (stable(before) !== stable(entry.identity)) {
        changed.push({
          subject: `${key} (${entry.path})`, value: renderValue(entry.identity),
          rule: `was released with ${stable(before)}; a version is immutable, so its content, type and location may never change`,
          fix: 'declare a new version (e.g. the next number) for the new content, and keep this one as it was',
        });
      }
    }
    const v = new Validator(this, `asset versions against the lock file ${path.basename(this.lockFilePath)}`);
    changed.forEach((p) => v.add(p));
    if (this.mode === VersionLockMode.VERIFY && missing.length > 0) {
      v.add({
        subject: 'lock file', value: renderValue(missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, ... (${missing.length})` : '')),
        rule: 'does not list these versions (VERIFY mode never writes the lock file)',
        fix: 'run `cdktf synth` locally (UPDATE mode) and commit the updated lock file with the change',
      });
    }
    if (v.hasProblems) return v.toMessages();
    if (this.mode === VersionLockMode.UPDATE && missing.length > 0) {
      const versions = { ...locked.versions, ...added };
      const sorted = Object.fromEntries(Object.keys(versions).sort().map((k) => [k, versions[k]]));
      fs.mkdirSync(path.dirname(this.lockFilePath), { recursive: true });
      fs.writeFileSync(this.lockFilePath, JSON.stringify({ lockVersion: LOCK_FILE_VERSION, versions: sorted }, null, 2) + '\n');
    }
    return [];
  }
}

function stable(identity: { [key: string]: string }): string {
  return JSON.stringify(Object.fromEntries(Object.keys(identity).sort().map((k) => [k, identity[k]])));
}
