import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// Without explicit probes Azure ML uses its defaults, which a slow-loading model can fail (restarts) or a broken
// scoring script can pass (traffic to a container that cannot score); writing them makes the contract reviewable.
// https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online
export const SV_5 = defineRule({
  id: 'MLOPS-SV-5',
  level: PolicyLevel.WARNING,
  rule: 'Managed online deployments declare liveness and readiness probes',
  fix: 'pass livenessProbe and readinessProbe to addDeployment (the library writes both by default)',
  anchors: {},
  packs: ['ProductionReadiness'],
  appliesTo: [ARM.ONLINE_DEPLOYMENT],
  check: (r) => {
    for (const subject of ['properties.livenessProbe', 'properties.readinessProbe']) {
      if (at(r.body, subject) === undefined) return { subject, value: undefined };
    }
    return undefined;
  },
});
