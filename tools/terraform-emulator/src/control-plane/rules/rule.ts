import { AzureRefusal, type ArmResource, type Json, type JsonObject } from '../model';

/** What a rule may read of the emulated Azure: never write. */
export interface CloudView {
  get(id: string): ArmResource | undefined;
  list(): ArmResource[];
  /** Direct and indirect children of `id` (not `id` itself, not extension resources attached to it). */
  children(id: string): ArmResource[];
  /** Whether `id` was retired: deleted in a way Azure never lets it be created again. */
  isRetired(id: string): boolean;
}

/** A PUT (create or replace) or PATCH, as a rule sees it: `body` is what would be stored (for PATCH, merged). */
export interface Write {
  readonly verb: 'PUT' | 'PATCH';
  readonly id: string;
  readonly type: string;
  readonly body: JsonObject;
  /** The stored resource before this write; absent on create. */
  readonly prior?: ArmResource;
}

/**
 * One behaviour of Azure, as a pure check: it throws an AzureRefusal to refuse the request and returns to let
 * it through. `source` is where the behaviour is documented.
 */
export interface Rule {
  readonly name: string;
  readonly source: string;
  onWrite?(cloud: CloudView, write: Write): void;
  onDelete?(cloud: CloudView, target: ArmResource): void;
  onAction?(cloud: CloudView, target: ArmResource, action: string, body: JsonObject): void;
}

export function refuse(rule: Pick<Rule, 'source'>, status: number, code: string, message: string): never {
  throw new AzureRefusal(status, code, message, rule.source);
}

export function isType(typeOrResource: string | { type: string }, type: string): boolean {
  const t = typeof typeOrResource === 'string' ? typeOrResource : typeOrResource.type;
  return t.toLowerCase() === type.toLowerCase();
}

export function objectAt(body: JsonObject | undefined, ...path: string[]): JsonObject | undefined {
  let current: Json | undefined = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as JsonObject)[key];
  }
  return current !== null && typeof current === 'object' && !Array.isArray(current) ? current : undefined;
}

export function valueAt(body: JsonObject | undefined, ...path: string[]): Json | undefined {
  const parent = objectAt(body, ...path.slice(0, -1));
  return parent?.[path[path.length - 1]];
}

export function stringAt(body: JsonObject | undefined, ...path: string[]): string | undefined {
  const v = valueAt(body, ...path);
  return typeof v === 'string' ? v : undefined;
}

/** A traffic map (`{ blue: 90, green: 10 }`) as numbers; missing means empty. */
export function weights(map: JsonObject | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const [name, value] of Object.entries(map ?? {})) result.set(name, Number(value));
  return result;
}

export const ML = 'Microsoft.MachineLearningServices';
export const WORKSPACE = `${ML}/workspaces`;
export const ONLINE_ENDPOINT = `${ML}/workspaces/onlineEndpoints`;
export const ONLINE_DEPLOYMENT = `${ML}/workspaces/onlineEndpoints/deployments`;
export const ROLE_ASSIGNMENT = 'Microsoft.Authorization/roleAssignments';
export const LOCK = 'Microsoft.Authorization/locks';
