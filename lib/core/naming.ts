import { Token } from 'cdktf';
import { Problem, renderValue } from './errors';

/**
 * A naming rule of Azure: length, character set and what must hold at the ends.
 *
 * Facts gathered from the azurerm 4.55 validators, Azure's resource type definitions and the Azure naming docs.
 * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 */
export interface NamingRule {
  /** What is named, for messages: "ML workspace". */
  readonly resource: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** The whole-name pattern (anchored). */
  readonly pattern: string;
  /** The rule in words, for messages. */
  readonly description: string;
  /** Whether the name must be unique across Azure (and so usually carries a uniqueness suffix). */
  readonly globallyUnique: boolean;
  /** An example of a valid name, for the fix in messages. */
  readonly example: string;
}

function rule(resource: string, minLength: number, maxLength: number, pattern: string, description: string,
  example: string, globallyUnique = false): NamingRule {
  return { resource, minLength, maxLength, pattern, description, example, globallyUnique };
}

/** Endpoints and deployments: the Azure ML CLI's own pattern (see `NamingRules.ONLINE_ENDPOINT`). */
const ENDPOINT_NAME_PATTERN = '^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$';

/** The naming rules of the resources this library creates. */
export class NamingRules {
  public static readonly RESOURCE_GROUP = rule('resource group', 1, 90, '^[-\\w.()]*[-\\w()]$',
    'letters, digits, "-", "_", ".", "(" and ")", not ending in "."', 'rg-mlops-prod');
  public static readonly ML_WORKSPACE = rule('ML workspace', 3, 33, '^[a-zA-Z0-9][a-zA-Z0-9_-]*$',
    'letters, digits, "-" and "_", starting with a letter or digit', 'mlw-churn-prod');
  /** Docs say 2-32; the resource type definition allows 3-33: the intersection is enforced. */
  public static readonly ML_REGISTRY = rule('ML registry', 3, 32, '^[a-zA-Z0-9][a-zA-Z0-9_-]*$',
    'letters, digits, "-" and "_", starting with a letter or digit; unique in the tenant and never renamed', 'mlr-shared');
  public static readonly STORAGE_ACCOUNT = rule('storage account', 3, 24, '^[a-z0-9]+$',
    'lowercase letters and digits only; unique across Azure', 'stmlopsprod1a2b', true);
  public static readonly STORAGE_CONTAINER = rule('storage container', 3, 63, '^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$',
    'lowercase letters, digits and single "-", starting and ending with a letter or digit', 'model-artifacts');
  public static readonly KEY_VAULT = rule('Key Vault', 3, 24, '^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$',
    'letters, digits and single "-", starting with a letter and ending with a letter or digit; unique across Azure',
    'kv-mlops-prod-1a2b', true);
  public static readonly CONTAINER_REGISTRY = rule('container registry', 5, 50, '^[a-zA-Z0-9]+$',
    'letters and digits only; unique across Azure', 'crmlopsprod1a2b', true);
  public static readonly LOG_ANALYTICS_WORKSPACE = rule('Log Analytics workspace', 4, 63, '^[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]$',
    'letters, digits and "-", starting and ending with a letter or digit', 'log-mlops-prod');
  public static readonly APPLICATION_INSIGHTS = rule('Application Insights component', 1, 255, '^[^%&\\\\?/]*[^%&\\\\?/. ]$',
    'any characters but %, &, \\, ?, /; not ending in "." or space', 'appi-mlops-prod');
  public static readonly USER_ASSIGNED_IDENTITY = rule('user-assigned identity', 3, 128, '^[a-zA-Z0-9][a-zA-Z0-9_-]*$',
    'letters, digits, "-" and "_", starting with a letter or digit', 'id-mlops-prod');
  /** From the resource type's own pattern, stricter than the docs: 3-24 characters, and no "-<digits>" ending. */
  public static readonly COMPUTE = rule('compute cluster', 3, 24, '^[a-zA-Z](?![a-zA-Z0-9-]*-\\d+$)[a-zA-Z0-9-]{2,23}$',
    'letters, digits and "-", starting with a letter, not ending in "-" and digits', 'cpu-cluster');
  /**
   * Online and batch endpoints and their deployments share the rule the Azure ML CLI and SDK apply before any request
   * (`validate_endpoint_or_deployment_name` in azure-ai-ml: 3-32 characters, `^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$`).
   * The resource types constrain nothing (`name` is a plain string), so consecutive `-` are allowed, as the CLI allows
   * them. https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints
   */
  public static readonly ONLINE_ENDPOINT = rule('online endpoint', 3, 32, ENDPOINT_NAME_PATTERN,
    'letters, digits and "-", starting with a letter and ending with a letter or digit; unique in its Azure region',
    'churn-prod');
  public static readonly ONLINE_DEPLOYMENT = rule('online deployment', 3, 32, ENDPOINT_NAME_PATTERN,
    'letters, digits and "-", starting with a letter and ending with a letter or digit', 'blue');
  public static readonly BATCH_ENDPOINT = rule('batch endpoint', 3, 32, ENDPOINT_NAME_PATTERN,
    'letters, digits and "-", starting with a letter and ending with a letter or digit; unique in its Azure region',
    'churn-batch');
  public static readonly BATCH_DEPLOYMENT = rule('batch deployment', 3, 32, ENDPOINT_NAME_PATTERN,
    'letters, digits and "-", starting with a letter and ending with a letter or digit', 'nightly');
  /** Model, environment, data and code asset names. */
  public static readonly ASSET_NAME = rule('asset name', 1, 255, '^[a-zA-Z0-9][a-zA-Z0-9\\-_]*$',
    'letters, digits, "-" and "_", starting with a letter or digit', 'churn-classifier');
  /**
   * Asset versions: ARM takes any string; the Azure ML CLI and studio use whole numbers, and so does this library
   * by default, with letters, digits, ".", "-" and "_" allowed for teams that use semantic versions.
   */
  public static readonly ASSET_VERSION = rule('asset version', 1, 255, '^[a-zA-Z0-9][a-zA-Z0-9._-]*$',
    'letters, digits, ".", "-" and "_", starting with a letter or digit (Azure ML uses whole numbers: "1", "2")', '3');
  public static readonly DATASTORE = rule('datastore', 1, 255, '^[a-zA-Z0-9_]+$',
    'letters, digits and "_" only', 'model_artifacts');
}

/** Returns the problem with `value` under `rule`, or undefined if the name is valid. */
export function namingProblem(subject: string, value: string, rule: NamingRule): Problem | undefined {
  const broken: string[] = [];
  if (value.length < rule.minLength || value.length > rule.maxLength) {
    broken.push(`is ${value.length} characters long; ${/^([aeiou]|ML )/i.test(rule.resource) ? 'an' : 'a'} ${rule.resource} name must be ${rule.minLength}-${rule.maxLength}`);
  }
  if (!new RegExp(rule.pattern).test(value)) {
    broken.push(`breaks the ${rule.resource} naming rule: ${rule.description}`);
  }
  if (broken.length === 0) return undefined;
  return { subject, value: renderValue(value), rule: broken.join('; and it '), fix: `choose a name like ${JSON.stringify(rule.example)}` };
}

/**
 * Builds names from a prefix and an environment under a naming rule.
 *
 * Globally unique names get a short suffix: the one given, or a stable 4-character hash of `seed`. The seed must be
 * made of stable, user-given inputs (see `NameBuilder.seed`), never of the construct path: a path changes when a
 * construct is renamed or moved, and a changed storage account, Key Vault or container registry name replaces it.
 */
export class NameBuilder {
  /**
   * The seed of a name suffix from literal inputs, in order: each is lowercased (Azure names and regions compare
   * without case) with whitespace removed ("West Europe" is "westeurope"); an input known only at apply (a token)
   * or not given contributes an empty part, so no token id ever reaches a name and a name is identical between synths.
   */
  public static seed(inputs: string[]): string {
    return ['v2', ...inputs.map(i => (typeof i !== 'string' || Token.isUnresolved(i) ? '' : i.replace(/\s+/g, '').toLowerCase()))].join('|');
  }

  /**
   * Derives a valid name: joins the parts with "-" (or nothing where "-" is not allowed), lowercases where the rule
   * demands it, truncates to the maximum length, and appends the suffix for globally unique names: `suffix` when
   * given, else a hash of `seed`.
   */
  public static derive(rule: NamingRule, parts: string[], seed: string, suffix?: string): string {
    const allowsHyphen = new RegExp(rule.pattern).test('ab-cd');
    const lowerOnly = !new RegExp(rule.pattern).test('Ab');
    const tail = rule.globallyUnique ? (suffix ?? stableSuffix(seed)) : '';
    const sep = allowsHyphen ? '-' : '';
    const clean = (part: string) => (allowsHyphen
      ? part.replace(/[^a-zA-Z0-9-]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '')
      : part.replace(/[^a-zA-Z0-9]/g, ''));
    let base = parts.map(clean).filter(p => p.length > 0).join(sep);
    if (lowerOnly) base = base.toLowerCase();
    const room = rule.maxLength - (tail ? tail.length + sep.length : 0);
    base = base.slice(0, room).replace(/-+$/, '');
    return tail ? `${base}${sep}${tail}` : base;
  }
}

/** A short, stable, lowercase alphanumeric hash of `seed` (FNV-1a, base 36). */
export function stableSuffix(seed: string, length = 4): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(length, '0').slice(-length);
}
