/**
 * The published checks a policy rule mirrors, so a security team can map a finding to the scanner or benchmark it
 * already uses. Only anchors that were looked up are listed; a field is absent when no published check matches.
 */
export interface PolicyAnchors {
  /** Checkov check ids, e.g. `CKV_AZURE_59`. */
  readonly checkov?: string[];
  /** Trivy (formerly tfsec) check ids, e.g. `AVD-AZU-0012`. */
  readonly trivy?: string[];
  /** Azure Policy built-in definitions, as `<definition id> (<display name>)`. */
  readonly azurePolicy?: string[];
  /** Microsoft cloud security benchmark v1 controls, e.g. `NS-2`. */
  readonly mcsb?: string[];
  /** Azure Verified Modules or DESIGN.md requirements the rule enforces. */
  readonly design?: string[];
}
