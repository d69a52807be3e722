import { IConstruct } from 'constructs';
import { renderValue } from '../core/errors';
import { POLICY_SUPPRESSION_METADATA, recordPolicySuppression } from '../core/policy-suppression';
import { Validator } from '../core/validation';
import { ALL_RULES, ruleById } from './rules';

/** A policy rule accepted on a construct and everything under it, with the reason a reviewer reads. */
export interface PolicySuppression {
  /** The rule id, e.g. `MLOPS-ST-1`. */
  readonly ruleId: string;
  /** Why the finding is acceptable here (at least 10 characters). */
  readonly reason: string;
}

/**
 * Accepts policy findings on a construct and all resources under it, each with a reason. Suppressed findings do not
 * fail synth; they are listed, with their reason, in the report, so the exception stays visible in review.
 *
 * ```ts
 * PolicySuppressions.add(stateStorage, 'MLOPS-ST-1', 'hosted build agents reach the Terraform state over the internet');
 * ```
 */
export class PolicySuppressions {
  /**
   * Suppresses `ruleId` on `scope` and every resource under it.
   *
   * @param scope the construct (a resource, or a construct holding several)
   * @param ruleId the rule id as the report prints it
   * @param reason why the finding is acceptable, in at least 10 characters
   */
  public static add(scope: IConstruct, ruleId: string, reason: string): void {
    const v = new Validator(scope, 'policy suppression');
    v.check(ruleById(ruleId) !== undefined, () => ({
      subject: 'ruleId', value: renderValue(ruleId), rule: 'must be the id of a policy rule',
      fix: suggestRuleId(ruleId),
    }));
    v.check(typeof reason === 'string' && reason.trim().length >= 10, () => ({
      subject: 'reason', value: renderValue(reason), rule: 'must say, in at least 10 characters, why the finding is acceptable here',
      fix: 'write the reason a reviewer needs to accept the exception',
    }));
    v.throwIfAny();
    recordPolicySuppression(scope, ruleId, reason.trim());
  }

  /** The suppressions added directly on `scope` (not those inherited from its parents). */
  public static of(scope: IConstruct): PolicySuppression[] {
    return scope.node.metadata.filter(m => m.type === POLICY_SUPPRESSION_METADATA).map(m => m.data as PolicySuppression);
  }

  private constructor() {}
}

/** The fix for an unknown rule id: the id in the right case when that is all that is wrong, else where ids are listed. */
function suggestRuleId(ruleId: unknown): string {
  const same = typeof ruleId === 'string' ? ALL_RULES.find(r => r.id.toLowerCase() === ruleId.trim().toLowerCase()) : undefined;
  return same ? `use "${same.id}" (rule ids are upper case)`
    : `use one of the ids of Policy.rules() (listed in the policy README, lib/policy/README.md), e.g. ${ALL_RULES[0].id}`;
}
