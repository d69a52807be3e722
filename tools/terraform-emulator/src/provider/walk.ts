import type { AttributeSchema, BlockSchema, CtyType, NestedBlockSchema } from '../schema/model';
import { attributeType } from '../schema/implied-type';
import { Dynamic, Unknown, UNKNOWN_VALUE, dynamicOf, isPlainObject } from '../cty/values';
import { UNKNOWN, type Plain } from '../providers/handler';

/**
 * Schema-directed rewrites of a resource's value: what planning (computed → unknown), apply (unknown → the
 * emulated Azure's answer) and the handlers (cty → plain JSON) need.
 */

/** The elements of a nested block or nested attribute value, whatever its nesting. */
function elements(value: unknown, nesting: string): unknown[] {
  if (value === null || value === undefined || value instanceof Unknown) return [];
  if (nesting === 'single' || nesting === 'group') return [value];
  if (nesting === 'map') return Object.values(value as object);
  return value as unknown[];
}

function mapElements(value: unknown, nesting: string, f: (v: unknown, key: string | number) => unknown): unknown {
  if (value === null || value === undefined || value instanceof Unknown) return value;
  if (nesting === 'single' || nesting === 'group') return f(value, 0);
  if (nesting === 'map') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, f(v, k)]));
  return (value as unknown[]).map((v, i) => f(v, i));
}

/**
 * On create, every computed attribute the configuration leaves null becomes unknown ("known after apply"); write-only
 * attributes are never planned (Terraform requires them null in planned and new state).
 */
export function planComputed(value: Record<string, unknown>, block: BlockSchema, creating: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const [name, attr] of Object.entries(block.attributes)) {
    if (attr.writeOnly) out[name] = null;
    else if (creating && attr.computed && (out[name] === null || out[name] === undefined)) out[name] = UNKNOWN_VALUE;
    else if (attr.nested) out[name] = mapElements(out[name], attr.nested.nesting, v => planComputedNested(v, attr, creating));
  }
  for (const [name, nested] of Object.entries(block.blocks)) {
    out[name] = mapElements(out[name], nested.nesting, v => planComputed(v as Record<string, unknown>, nested.block, creating));
  }
  return out;
}

function planComputedNested(value: unknown, attr: AttributeSchema, creating: boolean): unknown {
  if (!isPlainObject(value) || !attr.nested) return value;
  return planComputed(value, { attributes: attr.nested.attributes, blocks: {} }, creating);
}

/** Whether two cty values are equal (an unknown equals nothing: a force-new attribute not yet known replaces). */
export function ctyEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (a instanceof Dynamic) return ctyEqual(a.value, b instanceof Dynamic ? b.value : b);
  if (b instanceof Dynamic) return ctyEqual(a, b.value);
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter(k => (a as Record<string, unknown>)[k] !== null);
  const kb = Object.keys(b as object).filter(k => (b as Record<string, unknown>)[k] !== null);
  if (ka.length !== kb.length) return false;
  return ka.every(k => ctyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export type ReplaceWhen = (prior: unknown, next: unknown) => boolean;
export type AttributePathSteps = Array<{ attribute_name: string } | { element_key_int: number } | { element_key_string: string }>;

/** The paths whose change replaces the resource: force-new attributes and blocks, or a type's own predicate. */
export function replacePaths(
  prior: Record<string, unknown>,
  next: Record<string, unknown>,
  block: BlockSchema,
  replaceWhen: Record<string, ReplaceWhen> = {},
): AttributePathSteps[] {
  const paths: AttributePathSteps[] = [];
  collectReplacePaths(prior, next, block, replaceWhen, [], paths);
  return paths;
}

function collectReplacePaths(
  prior: Record<string, unknown>,
  next: Record<string, unknown>,
  block: BlockSchema,
  replaceWhen: Record<string, ReplaceWhen>,
  at: AttributePathSteps,
  paths: AttributePathSteps[],
): void {
  for (const [name, attr] of Object.entries(block.attributes)) {
    const predicate = at.length === 0 ? replaceWhen[name] : undefined;
    const changed = predicate ? predicate(plain(prior[name]), plain(next[name])) : attr.forceNew && !ctyEqual(prior[name], next[name]);
    if (changed) paths.push([...at, { attribute_name: name }]);
  }
  for (const [name, nested] of Object.entries(block.blocks)) {
    const here = [...at, { attribute_name: name }];
    if (nested.forceNew) {
      if (!ctyEqual(prior[name], next[name])) paths.push(here);
      continue;
    }
    if (!hasForceNew(nested)) continue;
    const before = elements(prior[name], nested.nesting);
    const after = elements(next[name], nested.nesting);
    if (nested.nesting === 'set' || before.length !== after.length) {
      if (!ctyEqual(prior[name], next[name])) paths.push(here);
      continue;
    }
    before.forEach((b, i) =>
      collectReplacePaths(b as Record<string, unknown>, after[i] as Record<string, unknown>, nested.block, {}, nested.nesting === 'list' ? [...here, { element_key_int: i }] : here, paths),
    );
  }
}

function hasForceNew(nested: NestedBlockSchema): boolean {
  return (
    Object.values(nested.block.attributes).some(a => a.forceNew) ||
    Object.values(nested.block.blocks).some(b => b.forceNew || hasForceNew(b))
  );
}

/** A cty value as plain JSON for the handlers: dynamic values unwrapped, unknowns as the UNKNOWN symbol. */
export function plain(value: unknown): unknown {
  if (value instanceof Unknown) return UNKNOWN;
  if (value instanceof Dynamic) return plain(value.value);
  if (Array.isArray(value)) return value.map(plain);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export function plainObject(value: unknown): Plain {
  return (plain(value) ?? {}) as Plain;
}

/**
 * Fills what the plan left unknown with the emulated Azure's answer (`result`, plain JSON), shaped to the type; known
 * planned values stay as they are, since Terraform refuses an apply result that changes them. An unknown with no
 * answer becomes null.
 */
export function fillUnknowns(planned: unknown, result: unknown, type: CtyType): unknown {
  if (planned instanceof Unknown) return result === undefined || result === UNKNOWN ? null : conform(result, type);
  const kind = typeof type === 'string' ? type : type[0];
  if (planned === null || planned === undefined) return null;
  if (planned instanceof Dynamic) return new Dynamic(planned.type, fillUnknowns(planned.value, result, planned.type));
  const r = (result ?? {}) as Record<string | number, unknown>;
  switch (kind) {
    case 'object': {
      const attrs = (type as [string, Record<string, CtyType>])[1];
      const p = planned as Record<string, unknown>;
      return Object.fromEntries(Object.keys(attrs).map(k => [k, fillUnknowns(p[k], r[k], attrs[k])]));
    }
    case 'list':
    case 'set':
      return (planned as unknown[]).map((v, i) => fillUnknowns(v, Array.isArray(result) ? result[i] : undefined, (type as [string, CtyType])[1]));
    case 'tuple':
      return (planned as unknown[]).map((v, i) => fillUnknowns(v, Array.isArray(result) ? result[i] : undefined, (type as [string, CtyType[]])[1][i]));
    case 'map':
      return Object.fromEntries(Object.entries(planned as object).map(([k, v]) => [k, fillUnknowns(v, r[k], (type as [string, CtyType])[1])]));
    default:
      return planned;
  }
}

/** A plain JSON value in the shape of a cty type (missing object attributes null, dynamic wrapped). */
export function conform(value: unknown, type: CtyType): unknown {
  if (value === undefined || value === null || value === UNKNOWN) return null;
  const kind = typeof type === 'string' ? type : type[0];
  switch (kind) {
    case 'dynamic':
      return value instanceof Dynamic ? value : dynamicOf(value);
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'number':
      return Number(value);
    case 'bool':
      return Boolean(value);
    case 'list':
    case 'set':
      return (Array.isArray(value) ? value : [value]).map(v => conform(v, (type as [string, CtyType])[1]));
    case 'tuple':
      return (type as [string, CtyType[]])[1].map((t, i) => conform((value as unknown[])[i], t));
    case 'map':
      return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, conform(v, (type as [string, CtyType])[1])]));
    case 'object': {
      const attrs = (type as [string, Record<string, CtyType>])[1];
      const v = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(attrs).map(([k, t]) => [k, conform(v?.[k], t)]));
    }
    default:
      return value;
  }
}

/** Marks every computed attribute of a data source's config unknown, so fillUnknowns takes the read's answer. */
export function dataSourceUnknowns(config: Record<string, unknown>, block: BlockSchema): Record<string, unknown> {
  return planComputed(config, block, true);
}

export { attributeType };
