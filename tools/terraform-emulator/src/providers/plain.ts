import type { Json, JsonObject } from '../control-plane/model';
import { UNKNOWN, type HandlerContext, type Plain } from './handler';

/** A planned value, or undefined when Terraform does not know it yet. */
export function known<T = unknown>(value: unknown): T | undefined {
  return value === UNKNOWN || value === null ? undefined : (value as T);
}

export function str(plain: Plain, key: string): string | undefined {
  const v = known(plain[key]);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A nested block (decoded as an array of objects) as its first object. */
export function block(plain: Plain, key: string): Plain | undefined {
  const v = known(plain[key]);
  return Array.isArray(v) && v.length > 0 ? (v[0] as Plain) : undefined;
}

/** A dynamic value (azapi `body`) as plain JSON, dropping unknowns. */
export function json(value: unknown): Json | undefined {
  const v = known(value);
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map((x) => json(x) ?? null);
  if (typeof v === 'object') {
    const result: JsonObject = {};
    for (const [k, x] of Object.entries(v as object)) {
      const j = json(x);
      if (j !== undefined) result[k] = j;
    }
    return result;
  }
  return v as Json;
}

export function subscriptionOf(ctx: HandlerContext): string {
  return str(ctx.providerConfig, 'subscription_id') ?? ctx.subscriptionId;
}
