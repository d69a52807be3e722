import { Decoder, Encoder, ExtData, ExtensionCodec } from '@msgpack/msgpack';
import type { CtyType } from '../schema/model';
import { Dynamic, Unknown, UNKNOWN_VALUE, isPlainObject } from './values';

/**
 * cty's msgpack encoding, as Terraform sends values over the plugin protocol: the schema gives the type, objects are
 * maps with every attribute, sets are arrays, an unknown is extension 0 (extension 12 when it carries refinements),
 * and a `dynamic` position holds `[type JSON, value]`.
 * @see https://github.com/hashicorp/terraform/blob/main/docs/plugin-protocol/object-wire-format.md
 */
const UNKNOWN_EXT = 0;
const REFINED_UNKNOWN_EXT = 12;

const extensions = new ExtensionCodec();
// Both extension types decode to an Unknown; encoding goes through `toWire`, which builds ExtData itself.
extensions.register({ type: UNKNOWN_EXT, encode: () => null, decode: () => UNKNOWN_VALUE });
extensions.register({ type: REFINED_UNKNOWN_EXT, encode: () => null, decode: data => new Unknown(data.slice()) });

const decoder = new Decoder({ extensionCodec: extensions, useBigInt64: false });
const encoder = new Encoder({ extensionCodec: extensions, ignoreUndefined: false });

export function decodeMsgpack(bytes: Uint8Array, type: CtyType): unknown {
  if (bytes.length === 0) return null;
  return fromWire(decoder.decode(bytes), type);
}

export function encodeMsgpack(value: unknown, type: CtyType): Uint8Array {
  return encoder.encode(toWire(value, type));
}

/** Decodes cty's JSON encoding (states in UpgradeResourceState) with the schema's type. */
export function decodeJson(text: string | Uint8Array, type: CtyType): unknown {
  const raw = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  return raw.length === 0 ? null : fromJson(JSON.parse(raw), type);
}

function kind(type: CtyType): string {
  return typeof type === 'string' ? type : type[0];
}

function fromWire(raw: unknown, type: CtyType): unknown {
  if (raw instanceof Unknown) return raw;
  if (kind(type) === 'dynamic') {
    if (raw === null) return null;
    const [typeJson, inner] = raw as [Uint8Array | string, unknown];
    const concrete = JSON.parse(typeof typeJson === 'string' ? typeJson : Buffer.from(typeJson).toString('utf8')) as CtyType;
    return new Dynamic(concrete, fromWire(inner, concrete));
  }
  if (raw === null || raw === undefined) return null;
  return walk(raw, type, fromWire);
}

function toWire(value: unknown, type: CtyType): unknown {
  if (value instanceof Unknown) {
    return value.refinements ? new ExtData(REFINED_UNKNOWN_EXT, value.refinements) : new ExtData(UNKNOWN_EXT, new Uint8Array([0]));
  }
  if (kind(type) === 'dynamic') {
    if (value === null || value === undefined) return null;
    if (!(value instanceof Dynamic)) throw new Error(`a dynamic value must be wrapped in Dynamic (got ${JSON.stringify(value)})`);
    return [Buffer.from(JSON.stringify(value.type)), toWire(value.value, value.type)];
  }
  if (value === null || value === undefined) return null;
  return walk(value, type, toWire);
}

function fromJson(raw: unknown, type: CtyType): unknown {
  if (kind(type) === 'dynamic') {
    if (raw === null || raw === undefined) return null;
    // ctyjson writes a dynamic value with its type: {"value": …, "type": …}.
    if (isPlainObject(raw) && 'type' in raw && 'value' in raw && Object.keys(raw).length === 2) {
      const concrete = raw.type as CtyType;
      return new Dynamic(concrete, fromJson(raw.value, concrete));
    }
    return new Dynamic(impliedJsonType(raw), raw);
  }
  if (raw === null || raw === undefined) return null;
  return walk(raw, type, fromJson);
}

function impliedJsonType(raw: unknown): CtyType {
  if (typeof raw === 'string') return 'string';
  if (typeof raw === 'number') return 'number';
  if (typeof raw === 'boolean') return 'bool';
  if (Array.isArray(raw)) return ['tuple', raw.map(impliedJsonType)];
  if (isPlainObject(raw)) return ['object', Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, impliedJsonType(v)]))];
  return 'dynamic';
}

/** Applies `f` to the elements of a collection or structural value, by its type. */
function walk(value: unknown, type: CtyType, f: (v: unknown, t: CtyType) => unknown): unknown {
  switch (kind(type)) {
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'number':
      // cty sends numbers that do not fit an int64 or float64 as strings.
      return typeof value === 'string' ? Number(value) : value;
    case 'bool':
      return value;
    case 'list':
    case 'set': {
      const element = (type as [string, CtyType])[1];
      return (value as unknown[]).map(v => f(v, element));
    }
    case 'tuple': {
      const elements = (type as [string, CtyType[]])[1];
      return (value as unknown[]).map((v, i) => f(v, elements[i]));
    }
    case 'map': {
      const element = (type as [string, CtyType])[1];
      return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, f(v, element)]));
    }
    case 'object': {
      const attrs = (type as [string, Record<string, CtyType>])[1];
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, attrType] of Object.entries(attrs)) out[name] = f(source[name] ?? null, attrType);
      return out;
    }
    default:
      throw new Error(`unsupported cty type ${JSON.stringify(type)}`);
  }
}
