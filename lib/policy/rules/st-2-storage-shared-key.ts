import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults shared_access_key_enabled to true: account keys and SAS stay usable next to Entra ID.
export const ST_2 = defineRule({
  id: 'MLOPS-ST-2',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts refuse shared key (account key and SAS) authorization',
  fix: 'set shared_access_key_enabled = false (azapi: properties.allowSharedKeyAccess = false) and grant data roles to identities',
  anchors: {
    checkov: ['CKV2_AZURE_40'],
    azurePolicy: ['8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54 (Storage accounts should prevent shared key access)'],
    mcsb: ['IM-1'],
    design: ['DESIGN.md secure baseline: no shared keys'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.allowSharedKeyAccess', false)
    : expectValue(r.config, 'shared_access_key_enabled', false),
});
