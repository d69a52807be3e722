import { PolicyLevel } from '../level';
import { ARM, at, defineRule, expectValue, isUnknown } from '../rule';

// Soft delete is always on for new vaults (retention 7-90 days); purge protection is what keeps a deleted vault's
// keys from being purged inside that window. It cannot be turned off once on.
export const DP_3 = defineRule({
  id: 'MLOPS-DP-3',
  level: PolicyLevel.ERROR,
  rule: 'Key Vaults have purge protection on and keep deleted objects for at least 7 days',
  fix: 'set purge_protection_enabled = true (azapi: properties.enablePurgeProtection = true); soft_delete_retention_days between 7 and 90',
  anchors: {
    checkov: ['CKV_AZURE_110', 'CKV_AZURE_42'],
    trivy: ['AVD-AZU-0016'],
    azurePolicy: ['0b60c0b2-2dc2-4e1c-b5c9-abbed971de53 (Key Vault objects should be recoverable)'],
    mcsb: ['DP-8'],
    design: ['DESIGN.md secure baseline: Key Vault with purge protection'],
  },
  packs: ['SecureBaseline', 'DataProtection'],
  appliesTo: ['azurerm_key_vault', ARM.KEY_VAULT],
  check: (r) => {
    if (r.azureType) return expectValue(r.body, 'properties.enablePurgeProtection', true);
    const purge = expectValue(r.config, 'purge_protection_enabled', true);
    if (purge) return purge;
    const days = at(r.config, 'soft_delete_retention_days');
    return isUnknown(days) || days === undefined || (typeof days === 'number' && days >= 7)
      ? undefined : { subject: 'soft_delete_retention_days', value: days };
  },
});
