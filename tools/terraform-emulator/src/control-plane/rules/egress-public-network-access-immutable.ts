import { isType, ONLINE_DEPLOYMENT, refuse, stringAt, type Rule } from './rule';

/** An online deployment's `egressPublicNetworkAccess` cannot be changed after the deployment is created. */
export const egressPublicNetworkAccessImmutable: Rule = {
  name: 'egress-public-network-access-immutable',
  source: 'https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint#secure-outbound-access-with-legacy-network-isolation-method',
  onWrite(_cloud, write) {
    if (!write.prior || !isType(write.type, ONLINE_DEPLOYMENT)) return;
    // Azure's default when the property is left out is Enabled.
    const before = stringAt(write.prior.body, 'properties', 'egressPublicNetworkAccess') ?? 'Enabled';
    const after = stringAt(write.body, 'properties', 'egressPublicNetworkAccess') ?? 'Enabled';
    if (before.toLowerCase() !== after.toLowerCase()) {
      refuse(this, 400, 'BadRequest', `egressPublicNetworkAccess of online deployment '${write.id}' cannot change after creation (${before} → ${after}); create a new deployment instead.`);
    }
  },
};
