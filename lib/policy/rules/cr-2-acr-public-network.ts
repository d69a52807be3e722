import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults public_network_access_enabled to true.
export const CR_2 = defineRule({
  id: 'MLOPS-CR-2',
  level: PolicyLevel.ERROR,
  rule: 'Container registries disable public network access',
  fix: 'set public_network_access_enabled = false (azapi: properties.publicNetworkAccess = "Disabled"); Azure ML then builds images on a compute in the network (Workspace imageBuildCompute)',
  anchors: {
    checkov: ['CKV_AZURE_139'],
    azurePolicy: ['0fdf0491-d080-4575-b627-ad0e843cba0f (Public network access should be disabled for Container registries)'],
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_container_registry', ARM.CONTAINER_REGISTRY],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.publicNetworkAccess', 'Disabled')
    : expectValue(r.config, 'public_network_access_enabled', false),
});
