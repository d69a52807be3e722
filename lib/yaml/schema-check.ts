/**
 * Checks a YAML document against the JSON schema of its kind (lib/yaml/schemas, derived from the CLI v2 YAML
 * reference) and turns ajv's errors into {@link YamlProblem}s with the line, the key and the fix — "did you mean"
 * for misspelled keys. Not part of the jsii API.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { renderValue } from '../core/errors';
import { KeyPath, YamlDocument, keyPathText } from './document';
import { YamlProblem } from './errors';
import { didYouMean } from '../core/did-you-mean';

/** A vendored schema: a JSON schema object with `$id` and provenance in `$comment`. */
export type KindSchema = Record<string, unknown>;

const SCHEMAS = new Map<string, KindSchema>();

/**
 * The vendored schema `lib/yaml/schemas/<kind>.json` (copied next to the compiled module by scripts/copy-assets.js),
 * read once per process.
 */
export function kindSchema(kind: string): KindSchema {
  let s = SCHEMAS.get(kind);
  if (!s) {
    s = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', `${kind}.json`), 'utf8')) as KindSchema;
    SCHEMAS.set(kind, s);
  }
  return s;
}

// One compiler for the process; each schema compiles once (keyed by its $id), however many files are checked.
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function compile(schema: KindSchema): ValidateFunction {
  const id = String(schema.$id);
  let fn = compiled.get(id);
  if (!fn) {
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    fn = ajv.compile(schema);
    compiled.set(id, fn);
  }
  return fn;
}

/**
 * Every problem of `doc` against `schema`, one per key, with lines. Empty when the file is valid. `data` and `at`
 * check a part of the file (an inline model under `model:`) against a kind's schema.
 */
export function checkAgainstSchema(doc: YamlDocument, schema: KindSchema, data: unknown = doc.data, at: KeyPath = []): YamlProblem[] {
  const validate = compile(schema);
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter(keepError);
  const seen = new Set<string>();
  const out: YamlProblem[] = [];
  for (const e of errors) {
    const p = toProblem(doc, e, at);
    const key = `${p.key}|${p.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

// With oneOf/anyOf, ajv reports each branch's failure and then the oneOf itself; the branch errors say more when
// there is one branch of the right type, so drop the summary when a branch error is on the same path.
function keepError(e: ErrorObject, _i: number, all: ErrorObject[]): boolean {
  if (e.keyword === 'if') return false;
  if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return true;
  return !all.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type' && o.keyword !== e.keyword);
}

function pathOf(instancePath: string): KeyPath {
  if (!instancePath) return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function toProblem(doc: YamlDocument, e: ErrorObject, prefix: KeyPath): YamlProblem {
  const at = [...prefix, ...pathOf(e.instancePath)];
  const where = (p: KeyPath) => {
    const how = doc.overriddenAt(p);
    return { line: doc.lineOf(p), key: `${keyPathText(p)}${how ? ` (from ${how})` : ''}` };
  };
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent?.properties as object | undefined) ?? {});
      const renamed = PRE_GA_KEYS[extra];
      const guess = renamed ? undefined : didYouMean(extra, allowed);
      const keyPath = [...at, extra];
      return {
        ...where(keyPath), value: renderValue(extra),
        rule: `is not a key of ${at.length ? `\`${keyPathText(at)}\`` : 'this file'}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
        fix: renamed ?? (guess ? `did you mean \`${guess}\`? Rename the key` : 'remove the key, or check the CLI v2 YAML reference for the spelling'),
      };
    }
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      const desc = ((parent?.properties as Record<string, { description?: string }> | undefined)?.[missing])?.description;
      return {
        ...where(at), key: keyPathText([...at, missing]), value: '(not set)', rule: 'is required',
        fix: `add \`${missing}:\`${desc ? ` (${desc})` : ''}${at.length ? ` under \`${keyPathText(at)}\`` : ''}`,
      };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues).map(String);
      const guess = didYouMean(String(e.data), allowed);
      return {
        ...where(at), value: renderValue(e.data), rule: `must be one of ${allowed.join(', ')}`,
        fix: guess ? `did you mean \`${guess}\`?` : `use one of ${allowed.join(', ')}`,
      };
    }
    case 'type': {
      const t = String((e.params as { type: string | string[] }).type);
      return {
        ...where(at), value: renderValue(e.data), rule: `must be ${article(t)}`,
        fix: t.includes('string') && typeof e.data !== 'object' ? `quote the value as written, e.g. "${String(doc.sourceOf(at) ?? e.data)}" (YAML reads an unquoted ${typeof e.data} otherwise)`
          : t.includes('object') ? 'write the keys indented under this one' : t.includes('array') ? 'write a list (`- item` lines)'
            : t.includes('integer') || t.includes('number') ? 'write a number without quotes' : `write ${article(t)}`,
      };
    }
    case 'oneOf':
    case 'anyOf':
      return { ...where(at), value: renderValue(e.data), rule: parent?.description ? `must be ${parent.description}` : 'does not match any allowed form', fix: 'see the CLI v2 YAML reference for the forms this key takes' };
    default:
      return {
        ...where(at), value: renderValue(e.data), rule: e.message ?? 'is not valid',
        fix: parent?.description ? `it must be ${parent.description}` : 'see the CLI v2 YAML reference for this key',
      };
  }
}

/**
 * Keys of the CLI's pre-GA schemas that Microsoft's older examples still carry, with what the GA reference writes
 * instead (compare the examples' history in Azure/azureml-examples with the reference-yaml-* pages).
 */
const PRE_GA_KEYS: { [key: string]: string } = {
  local_path: 'this is the pre-GA spelling: write `path:`',
  model_uri: 'this is the pre-GA spelling: write `path:` with the URI',
  model_format: 'this is the pre-GA spelling: write `type: mlflow_model` (or custom_model, triton_model)',
  docker: 'this is the pre-GA form: write `image:` at the top level (or `build:` for a Docker build context)',
  datastore: 'this is the pre-GA form: write the full URI in `path:`, e.g. azureml://datastores/<datastore>/paths/<path>',
};

function article(t: string): string {
  return t.split(',').map((x) => (x === 'object' ? 'a mapping' : x === 'array' ? 'a list' : /^[aeiou]/.test(x) ? `an ${x}` : `a ${x}`)).join(' or ');
}

/** `schema` for an inline definition (under a deployment's `model:`, `environment:`): `name` is not required there. */
export function inlineSchema(schema: KindSchema): KindSchema {
  const id = `${String(schema.$id)}#inline`;
  let s = SCHEMAS.get(id);
  if (!s) {
    s = { ...schema, $id: id, required: ((schema.required as string[] | undefined) ?? []).filter((k) => k !== 'name') };
    SCHEMAS.set(id, s);
  }
  return s;
}

