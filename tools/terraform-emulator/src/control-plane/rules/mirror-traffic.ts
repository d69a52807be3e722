import { isType, objectAt, ONLINE_ENDPOINT, refuse, weights, type Rule } from './rule';

/**
 * `mirrorTraffic` copies at most 50 % of requests, to one deployment only, which must exist and take no live
 * traffic itself.
 */
export const mirrorTraffic: Rule = {
  name: 'mirror-traffic',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints#test-the-deployment-with-mirrored-traffic',
  onWrite(cloud, write) {
    if (!isType(write.type, ONLINE_ENDPOINT)) return;
    const mirror = weights(objectAt(write.body, 'properties', 'mirrorTraffic'));
    const live = weights(objectAt(write.body, 'properties', 'traffic'));
    const sum = [...mirror.values()].reduce((a, b) => a + b, 0);
    if (sum > 50) refuse(this, 400, 'BadRequest', `Mirror traffic of online endpoint '${write.id}' sums to ${sum}; it can be at most 50.`);
    const mirrored = [...mirror].filter(([, w]) => w > 0).map(([name]) => name);
    if (mirrored.length > 1) refuse(this, 400, 'BadRequest', `Mirror traffic of online endpoint '${write.id}' goes to ${mirrored.join(', ')}; it can go to one deployment only.`);
    for (const name of mirror.keys()) {
      if (!cloud.get(`${write.id}/deployments/${name}`)) {
        refuse(this, 400, 'BadRequest', `Deployment '${name}' does not exist in online endpoint '${write.id}'; mirror traffic can only go to an existing deployment.`);
      }
    }
    for (const name of mirrored) {
      if ((live.get(name) ?? 0) > 0) refuse(this, 400, 'BadRequest', `Deployment '${name}' of online endpoint '${write.id}' takes live traffic; it cannot also receive mirror traffic.`);
    }
  },
};
