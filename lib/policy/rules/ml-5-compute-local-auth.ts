import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

export const ML_5 = defineRule({
  id: 'MLOPS-ML-5',
  level: PolicyLevel.ERROR,
  rule: 'Azure ML computes have local (key-based) authentication disabled',
  fix: 'keep the compute cluster default; on your own compute set properties.disableLocalAuth = true (azurerm: local_auth_enabled = false)',
  anchors: {
    checkov: ['CKV_AZURE_142'],
    azurePolicy: ['e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f (Machine Learning computes should have local authentication methods disabled)'],
    mcsb: ['IM-1'],
    design: ['DESIGN.md secure baseline: compute with local auth disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_machine_learning_compute_cluster', 'azurerm_machine_learning_compute_instance', ARM.COMPUTE],
  check: (r) => {
    if (!r.azureType) {
      const local = at(r.config, 'local_auth_enabled');
      return local === false || isUnknown(local) ? undefined : { subject: 'local_auth_enabled', value: local };
    }
    const type = at(r.body, 'properties.computeType');
    // Attached computes (Kubernetes, Synapse, ...) authenticate through what they attach.
    if (type !== 'AmlCompute' && type !== 'ComputeInstance') return undefined;
    const disabled = at(r.body, 'properties.disableLocalAuth');
    return disabled === true || isUnknown(disabled) ? undefined : { subject: 'properties.disableLocalAuth', value: disabled };
  },
});
