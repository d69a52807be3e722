import type { CtyType } from '../schema/model';

/**
 * How cty values are held in JavaScript here: strings, numbers, booleans and null as themselves; lists, sets and
 * tuples as arrays; objects and maps as plain objects; a value Terraform does not know yet as `UNKNOWN` (or, when
 * Terraform sent refinements — msgpack extension 12 — as an `Unknown` that keeps them to send back as they came);
 * and a value of a `dynamic` attribute as a `Dynamic`, which carries the concrete type it was sent with.
 */
export class Unknown {
  /** The refinements' raw extension payload, returned to Terraform untouched; absent for a plain unknown. */
  constructor(public readonly refinements?: Uint8Array) {}
}

/** The plain unknown (msgpack extension 0). */
export const UNKNOWN_VALUE = new Unknown();

export class Dynamic {
  constructor(public readonly type: CtyType, public readonly value: unknown) {}
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Dynamic) && !(v instanceof Uint8Array);
}

/** The cty type that Terraform would infer for a JSON value (objects → object, arrays → tuple). */
export function impliedTypeOf(value: unknown): CtyType {
  if (value === null || value === undefined) return 'dynamic';
  if (value instanceof Dynamic) return value.type;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(impliedTypeOf)];
  if (isPlainObject(value)) {
    const attrs: Record<string, CtyType> = {};
    for (const [k, v] of Object.entries(value)) attrs[k] = impliedTypeOf(v);
    return ['object', attrs];
  }
  return 'dynamic';
}

/** Wraps a JSON value in a Dynamic with the type Terraform would give it. */
export function dynamicOf(value: unknown): Dynamic | null {
  return value === null || value === undefined ? null : new Dynamic(impliedTypeOf(value), value);
}
