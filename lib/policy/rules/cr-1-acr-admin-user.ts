import { PolicyLevel } from '../level';
import { ARM, defineRule, refuseValue } from '../rule';

// admin_enabled defaults to false in azurerm and ARM: only turning it on is flagged.
export const CR_1 = defineRule({
  id: 'MLOPS-CR-1',
  level: PolicyLevel.ERROR,
  rule: 'Container registries have the admin user disabled',
  fix: 'remove admin_enabled = true (azapi: properties.adminUserEnabled) and grant AcrPull/AcrPush to identities',
  anchors: {
    checkov: ['CKV_AZURE_137'],
    azurePolicy: ['dc921057-6b28-4fbe-9b83-f7bec05db6c2 (Container registries should have local admin account disabled.)'],
    mcsb: ['IM-1'],
    design: ['DESIGN.md secure baseline: ACR admin disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_container_registry', ARM.CONTAINER_REGISTRY],
  check: (r) => r.azureType
    ? refuseValue(r.body, 'properties.adminUserEnabled', true)
    : refuseValue(r.config, 'admin_enabled', true),
});
