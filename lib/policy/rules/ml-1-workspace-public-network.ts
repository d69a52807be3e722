import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

export const ML_1 = defineRule({
  id: 'MLOPS-ML-1',
  level: PolicyLevel.ERROR,
  rule: 'Azure ML workspaces disable public network access',
  fix: 'keep the Workspace default (publicNetworkAccess "Disabled"); on your own workspace set properties.publicNetworkAccess = "Disabled" (azurerm: public_network_access_enabled = false)',
  anchors: {
    checkov: ['CKV_AZURE_144'],
    azurePolicy: ['438c38d2-3772-465a-a9cc-7a6666a275ce (Azure Machine Learning workspaces should disable public network access)'],
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_workspace', ARM.WORKSPACE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.publicNetworkAccess', 'Disabled')
    : expectValue(r.config, 'public_network_access_enabled', false),
});
