import { PolicyLevel } from '../level';
import { ARM, defineRule, refuseValue } from '../rule';

// Secure transfer is on by default (azurerm 4 defaults https_traffic_only_enabled to true; the Azure Policy built-in
// below flags an unset value only before api-version 2019-04-01): only turning it off is flagged.
export const ST_4 = defineRule({
  id: 'MLOPS-ST-4',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts accept HTTPS traffic only',
  fix: 'remove https_traffic_only_enabled = false (azapi: properties.supportsHttpsTrafficOnly = false)',
  anchors: {
    checkov: ['CKV_AZURE_3'],
    trivy: ['AVD-AZU-0008'],
    azurePolicy: ['404c3081-a854-4457-ae30-26a93ef643f9 (Secure transfer to storage accounts should be enabled)'],
    mcsb: ['DP-3'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? refuseValue(r.body, 'properties.supportsHttpsTrafficOnly', false)
    : refuseValue(r.config, 'https_traffic_only_enabled', false),
});
