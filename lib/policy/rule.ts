import { PolicyAnchors } from './anchors';
import { PolicyLevel } from './level';

/** The names of the packs a rule belongs to. */
export type PackName = 'SecureBaseline' | 'DataProtection' | 'ProductionReadiness';

/** Plain JSON as cdktf renders it. */
export type Json = Record<string, any>;

/**
 * One resource block of a stack's rendered Terraform JSON, as a rule sees it. Rules read only this (and the stack's
 * facts), so they check resources users declare themselves with the azurerm bindings or raw azapi exactly as ours.
 */
export interface PolicyResource {
  /** Terraform resource type, e.g. `azurerm_storage_account`, `azapi_resource`. */
  readonly tfType: string;
  /** `<type>.<logical id>`. */
  readonly address: string;
  /** The block's attributes (snake_case, tokens rendered as `${...}`). */
  readonly config: Json;
  /** For azapi: the ARM type without its api-version, e.g. `Microsoft.MachineLearningServices/workspaces`. */
  readonly azureType?: string;
  /** For azapi: the request body (an object even when written with `jsonencode`). */
  readonly body: Json;
}

/** What a rule found wrong: the attribute (or body path) at fault and the value it has. */
export interface Violation {
  readonly subject: string;
  readonly value: unknown;
}

/** Facts about the whole stack that rules about relations (diagnostics, locks, traffic) read; built once per stack. */
export interface StackFacts {
  /** Addresses that an `azurerm_monitor_diagnostic_setting` with at least one log sends somewhere. */
  readonly diagnosedAddresses: ReadonlySet<string>;
  /** Addresses covered by a CanNotDelete or ReadOnly management lock (on the resource or its resource group). */
  isLocked(resource: PolicyResource): boolean;
  /** The live traffic of an online endpoint (by address), when the stack sets it; undefined when unknown. */
  trafficOf(endpointAddress: string): Record<string, number> | undefined;
  /** Whether an `azurerm_storage_account_customer_managed_key` points at the storage account at this address. */
  hasCustomerManagedKey(storageAddress: string): boolean;
}

/** One policy rule: pure, reads one synthesized resource (and the stack's facts). */
export interface RuleDefinition {
  /** `MLOPS-<AREA>-<n>`. */
  readonly id: string;
  readonly level: PolicyLevel;
  /** The rule in one line, stated as what must hold. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
  readonly anchors: PolicyAnchors;
  readonly packs: readonly PackName[];
  /** Terraform types (`azurerm_key_vault`) and azapi ARM types (`azapi:Microsoft.X/y`, case-insensitive) it reads. */
  readonly appliesTo: readonly string[];
  /** Returns what is wrong, or undefined when the resource passes (or a value is only known at apply). */
  check(resource: PolicyResource, facts: StackFacts): Violation | undefined;
}

/** True for a value known only at apply time (a `${...}` expression): rules skip those rather than guess. */
export function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** Reads `a.b.c` from an object; undefined when any step is missing. */
export function at(obj: unknown, path: string): unknown {
  let cur: any = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[0]?.[key] : cur[key];
  }
  return cur;
}

/**
 * A violation when `path` of `obj` is not `expected`: unset counts as a violation (scanners read only what is written,
 * DESIGN.md), an apply-time value does not.
 */
export function expectValue(obj: unknown, path: string, expected: unknown, subject = path): Violation | undefined {
  const value = at(obj, path);
  if (isUnknown(value) || value === expected) return undefined;
  return { subject, value };
}

/** A violation only when `path` is explicitly set to `bad` (for attributes whose provider default is safe). */
export function refuseValue(obj: unknown, path: string, bad: unknown, subject = path): Violation | undefined {
  const value = at(obj, path);
  return value === bad ? { subject, value } : undefined;
}

/** Lower-cased appliesTo key of a resource: its Terraform type, or `azapi:<arm type>` for azapi resources. */
export function resourceKeys(resource: PolicyResource): string[] {
  const keys = [resource.tfType];
  if (resource.azureType) keys.push(`azapi:${resource.azureType.toLowerCase()}`);
  return keys;
}

/** Declares a rule (keeps each rule file to its facts). */
export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** The azapi ARM types the rules read, spelled once. */
export const ARM = {
  WORKSPACE: 'azapi:Microsoft.MachineLearningServices/workspaces',
  REGISTRY: 'azapi:Microsoft.MachineLearningServices/registries',
  COMPUTE: 'azapi:Microsoft.MachineLearningServices/workspaces/computes',
  ONLINE_ENDPOINT: 'azapi:Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
  ONLINE_DEPLOYMENT: 'azapi:Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
  BATCH_ENDPOINT: 'azapi:Microsoft.MachineLearningServices/workspaces/batchEndpoints',
  WORKSPACE_ENVIRONMENT_VERSION: 'azapi:Microsoft.MachineLearningServices/workspaces/environments/versions',
  REGISTRY_ENVIRONMENT_VERSION: 'azapi:Microsoft.MachineLearningServices/registries/environments/versions',
  STORAGE: 'azapi:Microsoft.Storage/storageAccounts',
  KEY_VAULT: 'azapi:Microsoft.KeyVault/vaults',
  CONTAINER_REGISTRY: 'azapi:Microsoft.ContainerRegistry/registries',
} as const;

/** The address a `${type.name.id}`-style reference points at (`type.name`), or undefined for anything else. */
export function refOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.(id|name)\}$/.exec(value);
  return m ? m[1] : undefined;
}
