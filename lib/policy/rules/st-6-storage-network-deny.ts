import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

export const ST_6 = defineRule({
  id: 'MLOPS-ST-6',
  level: PolicyLevel.WARNING,
  rule: 'Storage account network rules deny by default',
  fix: 'add network_rules { default_action = "Deny", bypass = ["AzureServices"] } (azapi: properties.networkAcls.defaultAction = "Deny")',
  anchors: {
    checkov: ['CKV_AZURE_35'],
    trivy: ['AVD-AZU-0012'],
    mcsb: ['NS-2'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.networkAcls.defaultAction', 'Deny')
    : expectValue(r.config, 'network_rules.default_action', 'Deny'),
});
