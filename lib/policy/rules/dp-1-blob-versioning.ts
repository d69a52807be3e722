import { PolicyLevel } from '../level';
import { defineRule, expectValue } from '../rule';

// Only azurerm: on azapi, blob service properties are a child resource (blobServices/default) the rule cannot pair.
export const DP_1 = defineRule({
  id: 'MLOPS-DP-1',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts keep blob versions, so an overwritten or deleted model file can be restored',
  fix: 'set blob_properties { versioning_enabled = true }',
  anchors: {
    design: ['DESIGN.md secure baseline: blob versioning'],
  },
  packs: ['DataProtection'],
  appliesTo: ['azurerm_storage_account'],
  check: (r) => expectValue(r.config, 'blob_properties.versioning_enabled', true),
});
