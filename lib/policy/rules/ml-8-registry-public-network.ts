import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

// A registry without the property is reachable from the internet (Azure ML registry network isolation:
// https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation).
export const ML_8 = defineRule({
  id: 'MLOPS-ML-8',
  level: PolicyLevel.ERROR,
  rule: 'Azure ML registries disable public network access',
  fix: 'keep the Registry default; on your own registry set properties.publicNetworkAccess = "Disabled" and reach it through private endpoints or workspace outbound rules',
  anchors: {
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled (registry)'],
  },
  packs: ['SecureBaseline'],
  appliesTo: [ARM.REGISTRY],
  check: (r) => {
    const value = at(r.body, 'properties.publicNetworkAccess');
    return isUnknown(value) || value === 'Disabled' ? undefined : { subject: 'properties.publicNetworkAccess', value };
  },
});
