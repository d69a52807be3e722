import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// Advice: CMK on a workspace adds Microsoft-managed resources in a second resource group and is set at creation only.
export const ML_3 = defineRule({
  id: 'MLOPS-ML-3',
  level: PolicyLevel.INFO,
  rule: 'Azure ML workspaces that hold regulated data are encrypted with a customer-managed key',
  fix: 'pass customerManagedKey to the Workspace (it forces a new workspace: decide before the first apply)',
  anchors: {
    azurePolicy: ['ba769a63-b8cc-4b2d-abf6-ac33c7204be8 (Azure Machine Learning workspaces should be encrypted with a customer-managed key)'],
    mcsb: ['DP-5'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_workspace', ARM.WORKSPACE],
  check: (r) => {
    if (!r.azureType) return at(r.config, 'encryption') !== undefined ? undefined : { subject: 'encryption', value: undefined };
    if (String(r.body.kind ?? '').toLowerCase() === 'project') return undefined;
    const status = at(r.body, 'properties.encryption.status');
    return status === 'Enabled' ? undefined : { subject: 'properties.encryption.status', value: status };
  },
});
