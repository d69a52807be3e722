import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults public_network_access_enabled to true.
export const KV_1 = defineRule({
  id: 'MLOPS-KV-1',
  level: PolicyLevel.ERROR,
  rule: 'Key Vaults disable public network access',
  fix: 'set public_network_access_enabled = false (azapi: properties.publicNetworkAccess = "Disabled") and reach the vault through a private endpoint',
  anchors: {
    checkov: ['CKV_AZURE_189'],
    azurePolicy: ['405c5871-3e91-4644-8a63-58e19d68ff5b (Azure Key Vault should disable public network access)'],
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_key_vault', ARM.KEY_VAULT],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.publicNetworkAccess', 'Disabled')
    : expectValue(r.config, 'public_network_access_enabled', false),
});
