import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

// An online endpoint without the property is reachable from the internet.
// https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint
export const SV_2 = defineRule({
  id: 'MLOPS-SV-2',
  level: PolicyLevel.ERROR,
  rule: 'Online endpoints accept scoring requests from private endpoints only',
  fix: 'keep the OnlineEndpoint default (allowPublicNetworkAccess false); on your own endpoint set properties.publicNetworkAccess = "Disabled"',
  anchors: {
    mcsb: ['NS-2'],
    design: ['DESIGN.md secure baseline: public network access disabled'],
  },
  packs: ['SecureBaseline'],
  appliesTo: [ARM.ONLINE_ENDPOINT],
  check: (r) => {
    const value = at(r.body, 'properties.publicNetworkAccess');
    return isUnknown(value) || value === 'Disabled' ? undefined : { subject: 'properties.publicNetworkAccess', value };
  },
});
