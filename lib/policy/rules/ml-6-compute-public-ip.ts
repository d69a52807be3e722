import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

// With public IPs, nodes are addressable from the internet (Azure ML REST: `enableNodePublicIp: true` provisions them;
// azurerm defaults node_public_ip_enabled to true), so unset counts as a finding.
// https://learn.microsoft.com/azure/machine-learning/how-to-secure-training-vnet
export const ML_6 = defineRule({
  id: 'MLOPS-ML-6',
  level: PolicyLevel.ERROR,
  rule: 'Azure ML compute clusters and instances have no public IP',
  fix: 'keep the compute cluster default; on your own compute set properties.properties.enableNodePublicIp = false (azurerm: node_public_ip_enabled = false) under a managed network or subnet',
  anchors: {
    design: ['DESIGN.md secure baseline: compute with no public IP'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_compute_cluster', 'azurerm_machine_learning_compute_instance', ARM.COMPUTE],
  check: (r) => {
    if (!r.azureType) {
      const ip = at(r.config, 'node_public_ip_enabled');
      return ip === false || isUnknown(ip) ? undefined : { subject: 'node_public_ip_enabled', value: ip };
    }
    const type = at(r.body, 'properties.computeType');
    if (type !== 'AmlCompute' && type !== 'ComputeInstance') return undefined;
    const ip = at(r.body, 'properties.properties.enableNodePublicIp');
    return ip === false || isUnknown(ip) ? undefined : { subject: 'properties.properties.enableNodePublicIp', value: ip };
  },
});
