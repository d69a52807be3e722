import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { MlopsValidationError, Problem, renderValue } from '../core/errors';
import { POLICY_SUPPRESSION_METADATA as SUPPRESSION_METADATA } from '../core/policy-suppression';
import { buildStackFacts } from './facts';
import { PolicyFinding, PolicyReport, PolicySuppressionRecord } from './report';
import { Json, PolicyResource, resourceKeys, RuleDefinition } from './rule';
import { ruleById } from './rules';

/** What a pack contributes to an evaluation: its name and rule ids. */
export interface PackRef {
  readonly name: string;
  readonly ruleIds: readonly string[];
}

/**
 * Runs `packs` over the resources in `targets`, reading each resource's block from `tf` (the stack rendered once, by
 * the caller). Rules are indexed by resource type once per pack combination, so each resource meets only the rules
 * that read its type.
 */
export function evaluate(stack: TerraformStack, tf: Json, targets: Map<TerraformResource, readonly PackRef[]>,
  packNamesRun: string[] = [], suppressionScope: IConstruct = stack): PolicyReport {
  const facts = buildStackFacts(tf);
  const indexes = new Map<string, Map<string, RuleDefinition[]>>();
  const packNames = new Set<string>(packNamesRun);
  const findings: PolicyFinding[] = [];
  const used = new Set<string>();
  let checked = 0;

  for (const [node, packs] of targets) {
    packs.forEach(p => packNames.add(p.name));
    const resource = viewOf(node, tf);
    if (!resource) continue;
    checked++;
    const index = indexFor(packs, indexes);
    const rules = new Set(resourceKeys(resource).flatMap(k => index.get(k) ?? []));
    if (rules.size === 0) continue;
    let suppressions: Map<string, PolicySuppressionRecord & { key: string }> | undefined;
    for (const rule of rules) {
      const violation = rule.check(resource, facts);
      if (!violation) continue;
      suppressions ??= suppressionsFor(node);
      const suppression = suppressions.get(rule.id);
      if (suppression) used.add(suppression.key);
      findings.push({
        ruleId: rule.id, level: rule.level, constructPath: node.node.path, address: resource.address,
        subject: violation.subject, value: renderValue(violation.value), rule: rule.rule, fix: rule.fix,
        suppression: suppression ? { ruleId: suppression.ruleId, reason: suppression.reason, constructPath: suppression.constructPath } : undefined,
      });
    }
  }

  const unused: PolicySuppressionRecord[] = [];
  // Suppressions that matched nothing, among those the evaluation could have used.
  for (const c of suppressionScope.node.findAll()) {
    c.node.metadata.forEach((m, i) => {
      if (m.type === SUPPRESSION_METADATA && !used.has(`${c.node.path}#${i}`)) {
        unused.push({ ruleId: m.data.ruleId, reason: m.data.reason, constructPath: c.node.path });
      }
    });
  }
  return new PolicyReport({ stack: stack.node.path, packs: [...packNames], resourcesChecked: checked, findings, unusedSuppressions: unused });
}

/** The library's error for a report with error-level findings: one line per finding. */
export function policyError(report: PolicyReport, reportPath?: string): MlopsValidationError {
  const problems: Problem[] = report.errors.map(f => ({
    subject: `${f.constructPath} (${f.address}) ${f.subject}`,
    value: f.value,
    rule: `breaks ${f.ruleId}: ${f.rule}`,
    fix: f.fix,
  }));
  const error = new MlopsValidationError(report.stack, `resources under policy ${report.packs.join(', ')}`, problems);
  // The thrown object is a native Error (see MlopsValidationError), whose message is writable.
  (error as { message: string }).message += `\n  To accept a finding, suppress it with its reason: PolicySuppressions.add(construct, ruleId, reason).` +
    (reportPath ? ` Full report: ${reportPath}` : '');
  return error;
}

/** The synthesized block of `node` as a rule reads it, or undefined when the stack did not render it. */
function viewOf(node: TerraformResource, tf: Json): PolicyResource | undefined {
  const tfType = node.terraformResourceType;
  const config = tf.resource?.[tfType]?.[node.friendlyUniqueId] as Json | undefined;
  if (!config) return undefined;
  // Only azapi_resource creates what its type names; an azapi_update_resource patches part of a body.
  const azureType = tfType === 'azapi_resource' && typeof config.type === 'string' ? config.type.split('@')[0] : undefined;
  return { tfType, address: `${tfType}.${node.friendlyUniqueId}`, config, azureType, body: bodyOf(config.body) };
}

function bodyOf(body: unknown): Json {
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body);
      return parsed && typeof parsed === 'object' ? parsed : {};
    } catch {
      return {};
    }
  }
  return body && typeof body === 'object' ? body as Json : {};
}

function indexFor(packs: readonly PackRef[], cache: Map<string, Map<string, RuleDefinition[]>>): Map<string, RuleDefinition[]> {
  const key = packs.map(p => p.name).sort().join('+');
  let index = cache.get(key);
  if (!index) {
    index = new Map();
    const ids = new Set(packs.flatMap(p => p.ruleIds));
    for (const id of ids) {
      const rule = ruleById(id);
      if (!rule) continue;
      for (const k of rule.appliesTo) {
        const lower = k.startsWith('azapi:') ? k.toLowerCase() : k;
        index.set(lower, [...(index.get(lower) ?? []), rule]);
      }
    }
    cache.set(key, index);
  }
  return index;
}

/** The suppressions in force on `node`: its own and its parents', the nearest winning. */
function suppressionsFor(node: IConstruct): Map<string, PolicySuppressionRecord & { key: string }> {
  const found = new Map<string, PolicySuppressionRecord & { key: string }>();
  for (const scope of node.node.scopes) {
    scope.node.metadata.forEach((m, i) => {
      if (m.type !== SUPPRESSION_METADATA) return;
      found.set(m.data.ruleId, { ruleId: m.data.ruleId, reason: m.data.reason, constructPath: scope.node.path, key: `${scope.node.path}#${i}` });
    });
  }
  return found;
}
