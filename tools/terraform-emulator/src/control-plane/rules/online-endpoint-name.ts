import { nameOfId } from '../ids';
import { isType, ONLINE_DEPLOYMENT, ONLINE_ENDPOINT, refuse, type Rule } from './rule';

/** 3–32 characters, a letter first, then letters, digits and single hyphens, not ending in one. */
const PATTERN = /^[a-zA-Z](?:[a-zA-Z0-9]|-(?!-)){1,30}[a-zA-Z0-9]$/;

/** Online endpoint and deployment names: Azure ML's endpoint limits. */
export const onlineEndpointName: Rule = {
  name: 'online-endpoint-name',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints',
  onWrite(_cloud, write) {
    if (!isType(write.type, ONLINE_ENDPOINT) && !isType(write.type, ONLINE_DEPLOYMENT)) return;
    const name = nameOfId(write.id);
    if (!PATTERN.test(name)) {
      refuse(this, 400, 'BadRequest', `The name '${name}' is invalid: an online endpoint or deployment name has 3-32 characters, begins with a letter, and has only letters, digits and single hyphens.`);
    }
  },
};
