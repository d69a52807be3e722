import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults local_user_enabled to true: SFTP and local-user access keys exist beside Entra ID.
export const ST_10 = defineRule({
  id: 'MLOPS-ST-10',
  level: PolicyLevel.WARNING,
  rule: 'Storage accounts have local users (SFTP and local-user keys) disabled',
  fix: 'set local_user_enabled = false (azapi: properties.isLocalUserEnabled = false)',
  anchors: {
    checkov: ['CKV_AZURE_244'],
    mcsb: ['IM-1'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.isLocalUserEnabled', false)
    : expectValue(r.config, 'local_user_enabled', false),
});
