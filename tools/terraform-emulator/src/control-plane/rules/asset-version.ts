import type { JsonObject } from '../model';
import { ML } from './rule';

/** Versioned asset types, in a workspace and in a registry. */
const VERSION_TYPE = new RegExp(`^${ML}/(workspaces|registries)/(models|environments|data|codes|components)/versions$`, 'i');

export function isAssetVersionType(type: string): boolean {
  return VERSION_TYPE.test(type);
}

export function isRegistryAssetVersionType(type: string): boolean {
  return isAssetVersionType(type) && /\/registries\//i.test(type);
}

/** The properties of a version Azure lets change after creation; the rest is its content. */
const MUTABLE_PROPERTIES = ['description', 'tags', 'isArchived', 'stage', 'provisioningState'];

/** A version's content: the body without what may change (top-level tags, mutable and read-only properties). */
export function assetContent(body: JsonObject): JsonObject {
  const properties = { ...((body.properties ?? {}) as JsonObject) };
  for (const key of MUTABLE_PROPERTIES) delete properties[key];
  return { properties };
}
