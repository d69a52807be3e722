import type { Json, JsonObject } from './model';

/** JSON with keys sorted at every level, to compare two bodies for equal content. */
export function canonicalJson(value: Json | undefined): string {
  return JSON.stringify(sortKeys(value ?? null));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: JsonObject = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
    return sorted;
  }
  return value;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 merge patch, as ARM PATCH and azapi_update_resource apply it. */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isJsonObject(value) && isJsonObject(result[key])) result[key] = mergePatch(result[key] as JsonObject, value);
    else result[key] = value;
  }
  return result;
}

export function deepCopy<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
