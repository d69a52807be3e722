import { IConstruct } from 'constructs';

/**
 * The node metadata type under which a policy suppression is recorded on a construct. It lives in core so that a
 * construct of a lower layer can record a deliberate, documented exception (with its reason) without importing
 * `lib/policy`, which reads it at synth.
 */
export const POLICY_SUPPRESSION_METADATA = 'cdktf-azure-mlops:policy-suppression';

/** Records that `ruleId` is accepted on `scope` and everything under it, for `reason` (no checks: callers validate). */
export function recordPolicySuppression(scope: IConstruct, ruleId: string, reason: string): void {
  scope.node.addMetadata(POLICY_SUPPRESSION_METADATA, { ruleId, reason }, { stackTrace: false });
}
