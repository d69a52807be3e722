import { PolicyLevel } from '../level';
import { at, defineRule, isUnknown } from '../rule';

export const DP_2 = defineRule({
  id: 'MLOPS-DP-2',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts soft-delete blobs and containers for at least 7 days',
  fix: 'set blob_properties { delete_retention_policy { days = 30 } container_delete_retention_policy { days = 30 } }',
  anchors: {
    checkov: ['CKV2_AZURE_38'],
    design: ['DESIGN.md secure baseline: blob and container soft delete'],
  },
  packs: ['DataProtection'],
  appliesTo: ['azurerm_storage_account'],
  check: (r) => {
    for (const policy of ['delete_retention_policy', 'container_delete_retention_policy']) {
      const subject = `blob_properties.${policy}.days`;
      const block = at(r.config, `blob_properties.${policy}`);
      // azurerm writes 7 days when the block is present without `days`.
      const days = block === undefined ? undefined : (at(r.config, subject) ?? 7);
      if (isUnknown(days)) continue;
      if (typeof days !== 'number' || days < 7) return { subject, value: days };
    }
    return undefined;
  },
});
