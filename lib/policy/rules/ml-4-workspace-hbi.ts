import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// hbiWorkspace limits the diagnostic data Microsoft collects and encrypts local scratch disks of computes; it is
// create-only (changing it replaces the workspace), so it is advice to weigh before the first apply.
// https://learn.microsoft.com/azure/machine-learning/concept-data-encryption
export const ML_4 = defineRule({
  id: 'MLOPS-ML-4',
  level: PolicyLevel.INFO,
  rule: 'Azure ML workspaces that process high-business-impact data are flagged HBI',
  fix: 'pass highBusinessImpact: true to the Workspace when it will hold HBI data (it forces a new workspace)',
  anchors: {
    design: ['DESIGN.md: high business impact is a create-only workspace setting'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_workspace', ARM.WORKSPACE],
  check: (r) => {
    const [subject, value] = r.azureType ? ['properties.hbiWorkspace', at(r.body, 'properties.hbiWorkspace')] : ['high_business_impact', at(r.config, 'high_business_impact')];
    return value === true ? undefined : { subject, value };
  },
});
