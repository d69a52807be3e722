import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

export const ML_7 = defineRule({
  id: 'MLOPS-ML-7',
  level: PolicyLevel.WARNING,
  rule: 'Azure ML compute clusters scale down to zero nodes when idle',
  fix: 'set minNodes: 0 (azapi: properties.properties.scaleSettings.minNodeCount = 0; azurerm: scale_settings.min_node_count = 0)',
  anchors: {
    checkov: ['CKV_AZURE_150'],
    design: ['DESIGN.md secure baseline: compute scales to zero'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_compute_cluster', ARM.COMPUTE],
  check: (r) => {
    const [subject, min] = r.azureType
      ? ['properties.properties.scaleSettings.minNodeCount', at(r.body, 'properties.properties.scaleSettings.minNodeCount')]
      : ['scale_settings.min_node_count', at(r.config, 'scale_settings.min_node_count')];
    if (r.azureType && at(r.body, 'properties.computeType') !== 'AmlCompute') return undefined;
    return isUnknown(min) || min === 0 || min === undefined ? undefined : { subject, value: min };
  },
});
