import { parentIdOf } from '../ids';
import { isType, objectAt, ONLINE_DEPLOYMENT, refuse, weights, type Rule } from './rule';

/**
 * A deployment that still takes live or mirrored traffic cannot be deleted: its weight goes to 0 first (one
 * update of the endpoint), and the deployment is removed after. Azure's exact error code is not documented;
 * `BadRequest` stands in for it.
 */
export const deploymentDeleteWhileServing: Rule = {
  name: 'deployment-delete-while-serving',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints#remove-the-old-deployment',
  onDelete(cloud, target) {
    if (!isType(target, ONLINE_DEPLOYMENT)) return;
    const endpoint = cloud.get(parentIdOf(target.id));
    if (!endpoint) return;
    const live = weights(objectAt(endpoint.body, 'properties', 'traffic')).get(target.name) ?? 0;
    const mirror = weights(objectAt(endpoint.body, 'properties', 'mirrorTraffic')).get(target.name) ?? 0;
    if (live > 0 || mirror > 0) {
      refuse(this, 400, 'BadRequest', `Deployment '${target.name}' takes ${live}% live and ${mirror}% mirror traffic of endpoint '${endpoint.id}'; set its traffic to 0 before deleting it.`);
    }
  },
};
