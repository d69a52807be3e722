import { PolicyAnchors } from './anchors';
import { PolicyLevel } from './level';
import { RuleDefinition } from './rule';
import { ALL_RULES } from './rules';

/** A policy rule as users read it (in the README, the report, or from `Policy.rules()`). */
export interface PolicyRuleInfo {
  /** `MLOPS-<AREA>-<n>`. */
  readonly id: string;
  readonly level: PolicyLevel;
  /** The rule in one line. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
  /** The published checks it mirrors. */
  readonly anchors: PolicyAnchors;
  /** The packs that run it. */
  readonly packs: string[];
  /** The Terraform types and azapi ARM types (`azapi:<type>`) it reads. */
  readonly appliesTo: string[];
}

export function describeRule(rule: RuleDefinition): PolicyRuleInfo {
  return { id: rule.id, level: rule.level, rule: rule.rule, fix: rule.fix, anchors: rule.anchors, packs: [...rule.packs], appliesTo: [...rule.appliesTo] };
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The README's rule table, rendered from the rule objects (a test keeps the README equal to it). */
export function renderRuleTable(): string {
  const rows = ALL_RULES.map(r => {
    const a = r.anchors;
    const anchors = [
      ...(a.checkov ?? []).map(x => `Checkov ${x}`),
      ...(a.trivy ?? []).map(x => `Trivy ${x}`),
      ...(a.azurePolicy ?? []).map(x => `Azure Policy ${x}`),
      ...(a.mcsb ?? []).map(x => `MCSB ${x}`),
      ...(a.design ?? []),
    ].join('<br>');
    return `| ${r.id} | ${r.level} | ${r.packs.join(', ')} | ${cell(r.rule)} | ${cell(r.fix)} | ${cell(anchors) || '-'} |`;
  });
  return ['| Id | Level | Packs | Rule | Fix | Anchors |', '|---|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
