import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

export const KV_2 = defineRule({
  id: 'MLOPS-KV-2',
  level: PolicyLevel.ERROR,
  rule: 'Key Vault network ACLs deny by default',
  fix: 'add network_acls { default_action = "Deny", bypass = "AzureServices" } (azapi: properties.networkAcls.defaultAction = "Deny")',
  anchors: {
    checkov: ['CKV_AZURE_109'],
    trivy: ['AVD-AZU-0013'],
    azurePolicy: ['55615ac9-af46-4a59-874e-391cc3dfb490 (Azure Key Vault should have firewall enabled)'],
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: Key Vault deny-by-default network ACLs'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_key_vault', ARM.KEY_VAULT],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.networkAcls.defaultAction', 'Deny')
    : expectValue(r.config, 'network_acls.default_action', 'Deny'),
});
