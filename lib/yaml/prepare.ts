/**
 * The steps every loader takes before it builds constructs: read, apply the command-line overrides, check against
 * the kind's schema, and throw every problem at once. Plus the shared meaning helpers: local paths vs URIs, pinned
 * versions, secure-default notes, and construct errors re-thrown with the file's line. Not part of the jsii API.
 */
import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { parse as parseYamlValue } from 'yaml';
import { MlopsValidationError, renderValue } from '../core/errors';
import { KeyPath, keyPathText, YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { YamlLoadOptions } from './options';
import { isCloudUri, looksLikeReference } from './references';
import { checkAgainstSchema, KindSchema } from './schema-check';

/** Parses a `--set` key path: `a.b[0].c` → ['a', 'b', 0, 'c']. */
export function parseKeyPath(text: string): KeyPath | undefined {
  if (!/^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*|\[\d+\])*$/.test(text)) return undefined;
  const out: (string | number)[] = [];
  for (const m of text.matchAll(/([A-Za-z_$][\w$-]*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

function setIn(data: Record<string, unknown>, keyPath: KeyPath, value: unknown): void {
  let node: any = data;
  keyPath.forEach((part, i) => {
    if (i === keyPath.length - 1) {
      node[part] = value;
      return;
    }
    if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof keyPath[i + 1] === 'number' ? [] : {};
    node = node[part];
  });
}

/**
 * Loads `file` for a kind: parses it, applies `--name`, `--version` and `--set`, and checks it against `schema`.
 * Throws one {@link YamlLoadError} with every problem.
 */
export function prepare(file: string, what: string, schema: KindSchema, options: YamlLoadOptions = {}): YamlDocument {
  const doc = YamlDocument.load(file, what);
  const problems: YamlProblem[] = [];
  const overrides: [KeyPath, unknown, string][] = [];
  for (const [key, raw] of Object.entries(options.set ?? {})) {
    const keyPath = parseKeyPath(key);
    if (!keyPath) {
      problems.push({ key: `--set ${key}`, value: renderValue(raw), rule: 'is not a key path', fix: 'write keys with dots and list indexes, e.g. --set tags.team=ml or --set rules[0].name=pypi' });
      continue;
    }
    let value: unknown = raw;
    try {
      value = parseYamlValue(raw);
    } catch {
      // Not a YAML scalar: keep the text, as the CLI does.
    }
    overrides.push([keyPath, value, '--set']);
  }
  if (options.name !== undefined) overrides.push([['name'], options.name, '--name']);
  if (options.version !== undefined) overrides.push([['version'], options.version, '--version']);
  for (const [keyPath, value, how] of overrides) {
    setIn(doc.data, keyPath, value);
    doc.markOverridden(keyPath, how);
  }
  problems.push(...checkAgainstSchema(doc, schema));
  if (problems.length > 0) throw new YamlLoadError(file, what, problems);
  return doc;
}

/** A string the file wrote, as text (YAML turns `version: 1` into a number; Azure takes strings). */
export function text(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** Tags (or properties) as strings, as Azure stores them. */
export function stringMap(value: unknown): { [key: string]: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(value as object)) out[k] = String(v);
  return out;
}

/**
 * The version a file declares, pinned. The CLI auto-increments a missing version from what the workspace holds,
 * which Terraform cannot read at plan time; this library pins it to "1" — what the CLI gives a new name — and says so,
 * so the file's next change of content must raise it (changed content under one version plans a replacement, and
 * fails synth under a VersionLock; see lib/assets/README.md).
 */
export function pinnedVersion(doc: YamlDocument, scope: IConstruct, what: string): string {
  const v = text(doc.data.version);
  if (v !== undefined) return v;
  Annotations.of(scope).addInfo(`${doc.file}: no \`version\`; the CLI would auto-increment it from what is registered. ` +
    `This library pins the ${what} to version "1" (what the CLI gives a new name). Write \`version: 1\` in the file, ` +
    'and raise it whenever the content changes.');
  return '1';
}

/** Whether a path written in a file is local (uploaded by the CLI) rather than a cloud URI or asset reference. */
export function isLocalPath(p: string): boolean {
  return !isCloudUri(p) && !looksLikeReference(p) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(p);
}

const NOTED = new WeakMap<TerraformStack, Set<string>>();

/**
 * Says once per stack that a CLI default was replaced by this library's secure default (or, with `cliDefaults`,
 * that the CLI's default was kept).
 */
export function noteDefault(scope: IConstruct, key: string, message: string): void {
  const stack = TerraformStack.of(scope);
  let seen = NOTED.get(stack);
  if (!seen) NOTED.set(stack, (seen = new Set()));
  if (seen.has(key)) return;
  seen.add(key);
  Annotations.of(stack).addInfo(message);
}

/**
 * Runs `build` (which declares constructs) and re-throws a construct's validation error as a {@link YamlLoadError}
 * of `file`, each problem placed on the key it came from: `keys` maps the construct's subjects (`source`, `name`,
 * `version`, `tags`) to key paths of the file.
 */
export function withinFile<T>(doc: YamlDocument, what: string, keys: { [subject: string]: KeyPath }, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof MlopsValidationError) || e instanceof YamlLoadError) throw e;
    throw new YamlLoadError(doc.file, what, e.problems.map((p) => {
      const root = p.subject.split(/[ .([]/)[0];
      const keyPath = keys[p.subject] ?? keys[root];
      const how = keyPath ? doc.overriddenAt(keyPath) : undefined;
      return {
        line: keyPath ? doc.lineOf(keyPath) : undefined,
        key: keyPath ? `${keyPathText(keyPath)}${how ? ` (from ${how})` : ''}` : p.subject, value: p.value,
        rule: `${p.rule} (${e.constructPath})`, fix: p.fix,
      };
    }));
  }
}

/** A problem for a key this library does not carry to Azure: named, never silently dropped. */
export function unsupportedKeys(doc: YamlDocument, what: string, keys: { [key: string]: string }): void {
  const problems = Object.entries(keys).filter(([k]) => doc.data[k] !== undefined)
    .map(([k, fix]) => doc.problem([k], 'is not supported by this library', fix));
  if (problems.length > 0) throw new YamlLoadError(doc.file, what, problems);
}
