import { PolicyLevel } from '../level';
import { ARM, defineRule, refuseValue } from '../rule';

export const CR_3 = defineRule({
  id: 'MLOPS-CR-3',
  level: PolicyLevel.ERROR,
  rule: 'Container registries refuse anonymous pulls',
  fix: 'remove anonymous_pull_enabled = true (azapi: properties.anonymousPullEnabled)',
  anchors: {
    checkov: ['CKV_AZURE_138'],
    azurePolicy: ['9f2dea28-e834-476c-99c5-3507b4728395 (Container registries should have anonymous authentication disabled.)'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_container_registry', ARM.CONTAINER_REGISTRY],
  check: (r) => r.azureType
    ? refuseValue(r.body, 'properties.anonymousPullEnabled', true)
    : refuseValue(r.config, 'anonymous_pull_enabled', true),
});
