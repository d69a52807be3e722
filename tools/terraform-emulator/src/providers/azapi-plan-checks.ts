import { formatAzureTypeProblem, supportedAzureTypes, validateAzureRequest } from '../../../../lib/validation/azure-type-validator';
import { UNKNOWN, type Plain } from './handler';

/**
 * azapi's plan-time check (`schema_validation_enabled`, on by default): `type` and `body` against the Azure resource
 * types azapi embeds. The emulator uses the library's validator over the types the library vendors (29, those it
 * emits); a type outside them is not checked here, although real azapi would check it.
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource (schema_validation_enabled)
 */
const MODES: Record<string, 'create' | 'update'> = { azapi_resource: 'create', azapi_update_resource: 'update' };

let known: Set<string> | undefined;

export function azapiPlanProblems(terraformType: string, config: Plain): string[] {
  const planned = config;
  const mode = MODES[terraformType];
  if (!mode || planned.schema_validation_enabled === false || typeof planned.type !== 'string') return [];
  known ??= new Set(supportedAzureTypes().map(t => t.toLowerCase()));
  if (!known.has(planned.type.toLowerCase())) return [];
  const identity = Array.isArray(planned.identity) ? (planned.identity[0] as Plain | undefined) : undefined;
  const problems = validateAzureRequest(
    {
      type: planned.type,
      body: withExpressions(planned.body),
      name: stringOrUndefined(planned.name),
      location: stringOrUndefined(planned.location),
      // azapi adds tags to what it validates only when they are set.
      tags: planned.tags && typeof planned.tags === 'object' && Object.keys(planned.tags).length > 0 ? withExpressions(planned.tags) : undefined,
      identity: identity ? { type: withExpressions(identity.type), identityIds: withExpressions(identity.identity_ids) } : undefined,
    },
    mode,
  );
  return problems.map(p => `${terraformType} ${JSON.stringify(planned.type)}: ${formatAzureTypeProblem(p)}`);
}

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === 'string' ? v : v === UNKNOWN ? '${unknown}' : undefined;
}

/** Values not known until apply, as the validator expects them: `${…}` expressions, which it skips. */
function withExpressions(v: unknown): unknown {
  if (v === UNKNOWN) return '${unknown}';
  if (Array.isArray(v)) return v.map(withExpressions);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withExpressions(x)]));
  return v === null ? undefined : v;
}

/**
 * azapi's replace triggers: a change of `replace_triggers_external_values` (a null never triggers), or of the body at
 * one of the `replace_triggers_refs` paths, replaces the resource instead of updating it.
 * @see https://registry.terraform.io/providers/Azure/azapi/latest/docs/resources/resource (replace_triggers_external_values, replace_triggers_refs)
 */
export function azapiReplaceTriggers(terraformType: string, prior: Plain, next: Plain): string[] {
  if (terraformType !== 'azapi_resource' && terraformType !== 'azapi_update_resource') return [];
  const triggered: string[] = [];
  const external = next.replace_triggers_external_values;
  if (external !== null && external !== undefined && JSON.stringify(external) !== JSON.stringify(prior.replace_triggers_external_values)) {
    triggered.push('replace_triggers_external_values');
  }
  const refs = Array.isArray(next.replace_triggers_refs) ? (next.replace_triggers_refs as unknown[]) : [];
  if (refs.some(ref => typeof ref === 'string' && JSON.stringify(at(prior.body, ref)) !== JSON.stringify(at(next.body, ref)))) triggered.push('body');
  return triggered;
}

function at(value: unknown, dotted: string): unknown {
  let v = value;
  for (const key of dotted.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v ?? null;
}
