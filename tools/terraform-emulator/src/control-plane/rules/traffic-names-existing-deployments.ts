import { isType, objectAt, ONLINE_ENDPOINT, refuse, weights, type Rule } from './rule';

/**
 * An online endpoint's `traffic` may only name deployments of that endpoint that exist, and its weights sum to
 * 100 (or to 0: no live traffic). The message says "does not exist" as Azure's does, which the library's retry
 * for eventual consistency matches.
 */
export const trafficNamesExistingDeployments: Rule = {
  name: 'traffic-names-existing-deployments',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints',
  onWrite(cloud, write) {
    if (!isType(write.type, ONLINE_ENDPOINT)) return;
    const traffic = weights(objectAt(write.body, 'properties', 'traffic'));
    for (const name of traffic.keys()) {
      if (!cloud.get(`${write.id}/deployments/${name}`)) {
        refuse(this, 400, 'BadRequest', `Deployment '${name}' does not exist in online endpoint '${write.id}'; traffic can only be routed to existing deployments.`);
      }
    }
    const sum = [...traffic.values()].reduce((a, b) => a + b, 0);
    if (sum !== 0 && sum !== 100) {
      refuse(this, 400, 'BadRequest', `Traffic of online endpoint '${write.id}' sums to ${sum}; the values must sum to 100.`);
    }
  },
};
