import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown, refOf } from '../rule';

// With one instance, a node being updated or failing takes the deployment, and the traffic routed to it, offline.
// A deployment known to take no live traffic (a mirror, or a candidate at weight 0) is exempt; without a traffic
// setting in the stack the deployment is assumed live.
export const SV_4 = defineRule({
  id: 'MLOPS-SV-4',
  level: PolicyLevel.ERROR,
  rule: 'Online deployments that take live traffic run at least 2 instances',
  fix: 'set instanceCount to 2 or more (Azure ML recommends 3 for production), or autoscale with a minimum of 2 or more',
  anchors: {},
  packs: ['ProductionReadiness'],
  appliesTo: [ARM.ONLINE_DEPLOYMENT],
  check: (r, facts) => {
    const capacity = at(r.body, 'sku.capacity') ?? 1;
    if (isUnknown(capacity) || (typeof capacity === 'number' && capacity >= 2)) return undefined;
    const endpoint = refOf(r.config.parent_id);
    const traffic = endpoint ? facts.trafficOf(endpoint) : undefined;
    if (traffic && !(Number(traffic[String(r.config.name)] ?? 0) > 0)) return undefined;
    return { subject: 'sku.capacity', value: capacity };
  },
});
