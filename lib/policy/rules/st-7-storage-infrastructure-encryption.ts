import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// A warning, not an error: turning it on replaces an existing account, data and all (DESIGN.md: infrastructure
// encryption is among the storage settings that force replacement).
export const ST_7 = defineRule({
  id: 'MLOPS-ST-7',
  level: PolicyLevel.WARNING,
  rule: 'Storage accounts use infrastructure (double) encryption',
  fix: 'set infrastructure_encryption_enabled = true on new accounts (azapi: properties.encryption.requireInfrastructureEncryption = true); on an existing account it forces replacement',
  anchors: {
    azurePolicy: ['4733ea7b-a883-42fe-8cac-97454c2a9e4a (Storage accounts should have infrastructure encryption)'],
    mcsb: ['DP-4'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.encryption.requireInfrastructureEncryption', true)
    : expectValue(r.config, 'infrastructure_encryption_enabled', true),
});
