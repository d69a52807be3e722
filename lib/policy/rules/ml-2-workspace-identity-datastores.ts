import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

// Without it the workspace's system datastores authenticate with the storage account key, which then has to stay on.
export const ML_2 = defineRule({
  id: 'MLOPS-ML-2',
  level: PolicyLevel.ERROR,
  rule: 'Azure ML workspaces reach their system datastores with their identity, not the storage account key',
  fix: 'keep the Workspace default; on your own workspace set properties.systemDatastoresAuthMode = "Identity" (azurerm 4.55 cannot set it: use azapi)',
  anchors: {
    design: ['DESIGN.md secure baseline: identity-based datastore auth'],
  },
  packs: ['SecureBaseline'],
  appliesTo: [ARM.WORKSPACE],
  check: (r) => {
    const value = at(r.body, 'properties.systemDatastoresAuthMode');
    // Hubs' projects inherit their hub's datastores.
    if (isUnknown(value) || String(r.body.kind ?? '').toLowerCase() === 'project') return undefined;
    return String(value).toLowerCase() === 'identity' ? undefined : { subject: 'properties.systemDatastoresAuthMode', value };
  },
});
