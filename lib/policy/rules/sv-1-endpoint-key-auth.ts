import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// Key auth means long-lived shared secrets on the scoring URI; AADToken (Entra ID) and AMLToken expire and are
// granted per identity. https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online-auth
export const SV_1 = defineRule({
  id: 'MLOPS-SV-1',
  level: PolicyLevel.ERROR,
  rule: 'Online and batch endpoints authenticate callers with Entra ID tokens, not keys',
  fix: 'keep the endpoint default (AuthMode Entra ID); on your own endpoint set properties.authMode = "AADToken" (or "AMLToken")',
  anchors: {
    mcsb: ['IM-1'],
    design: ['DESIGN.md secure baseline: endpoints on Entra ID auth where possible'],
  },
  packs: ['SecureBaseline'],
  appliesTo: [ARM.ONLINE_ENDPOINT, ARM.BATCH_ENDPOINT],
  check: (r) => {
    const mode = at(r.body, 'properties.authMode');
    return typeof mode === 'string' && mode.toLowerCase() === 'key' ? { subject: 'properties.authMode', value: mode } : undefined;
  },
});
