import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults public_network_access_enabled to true; the Azure Policy built-in below counts anything but
// "Disabled" as public, so an unset value is a finding too (scanners read only what is written, DESIGN.md).
export const ST_1 = defineRule({
  id: 'MLOPS-ST-1',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts disable public network access',
  fix: 'set public_network_access_enabled = false (azapi: properties.publicNetworkAccess = "Disabled") and reach the account through private endpoints',
  anchors: {
    checkov: ['CKV_AZURE_59'],
    azurePolicy: ['b2982f36-99f2-4db5-8eff-283140c09693 (Storage accounts should disable public network access)'],
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.publicNetworkAccess', 'Disabled')
    : expectValue(r.config, 'public_network_access_enabled', false),
});
