import { ancestorOfType, idKey } from '../ids';
import type { JsonObject } from '../model';
import { hasManagedNetwork } from './managed-network';
import { isType, ML, objectAt, ONLINE_DEPLOYMENT, refuse, stringAt, WORKSPACE, type Rule } from './rule';

const BATCH_DEPLOYMENT = `${ML}/workspaces/batchEndpoints/deployments`;

/**
 * A registry closed to the public network is usable from a workspace only through a private endpoint from the
 * workspace's network; under a managed network, that is an outbound rule of type PrivateEndpoint to the registry
 * (subresource `amlregistry`). A deployment (online or batch) in a managed-network workspace that serves
 * `azureml://registries/<name>/…` of a registry whose `publicNetworkAccess` is `Disabled` without such a rule cannot
 * pull the model. Azure reports it as the deployment failing; 400 `UserError` is the emulator's choice.
 * Rule shape: https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#private-endpoint-outbound-rules
 */
export const privateRegistryNeedsOutboundRule: Rule = {
  name: 'private-registry-needs-outbound-rule',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#use-assets-from-registry-in-workspace',
  onWrite(cloud, write) {
    if (!isType(write.type, ONLINE_DEPLOYMENT) && !isType(write.type, BATCH_DEPLOYMENT)) return;
    const model = stringAt(write.body, 'properties', 'model') ?? stringAt(write.body, 'properties', 'model', 'assetId');
    const prior = write.prior && (stringAt(write.prior.body, 'properties', 'model') ?? stringAt(write.prior.body, 'properties', 'model', 'assetId'));
    const m = model ? /^azureml:\/\/registries\/([^/]+)\//i.exec(model) : null;
    if (!m || (write.prior && prior === model)) return;
    const registry = cloud.list().find((r) => isType(r, `${ML}/registries`) && r.name.toLowerCase() === m[1].toLowerCase());
    const workspaceId = ancestorOfType(write.id, WORKSPACE);
    const workspace = workspaceId ? cloud.get(workspaceId) : undefined;
    if (!registry || !workspace || !hasManagedNetwork(workspace)) return;
    if (stringAt(registry.body, 'properties', 'publicNetworkAccess') !== 'Disabled') return;
    const rules = Object.values(objectAt(workspace.body, 'properties', 'managedNetwork', 'outboundRules') ?? {});
    const reaches = rules.some((r) => {
      const rule = r as JsonObject;
      return stringAt(rule, 'type') === 'PrivateEndpoint'
        && idKey(stringAt(rule, 'destination', 'serviceResourceId') ?? '') === idKey(registry.id)
        && (stringAt(rule, 'destination', 'subresourceTarget') ?? '').toLowerCase() === 'amlregistry';
    });
    if (!reaches) {
      refuse(this, 400, 'UserError', `Deployment '${write.id}' serves '${model}' from registry '${registry.name}', which is closed to the ` +
        `public network, but the managed network of workspace '${workspace.name}' has no PrivateEndpoint outbound rule to ` +
        `'${registry.id}' (subresource amlregistry) (${this.source}).`);
    }
  },
};
