import { ancestorOfType } from '../ids';
import { hasManagedNetwork, managedNetworkProvisioned } from './managed-network';
import { isType, ONLINE_DEPLOYMENT, refuse, WORKSPACE, type Rule } from './rule';

/**
 * In a workspace with a managed network, the network is created only when a compute is created or provisioning
 * is started (`provisionManagedNetwork`, or `provisionNetworkNow` at creation); an online deployment created
 * before that fails (the fact DESIGN.md records from real applies). Azure's exact error code is not documented;
 * `BadRequest` stands in for it.
 */
export const managedNetworkProvisionedBeforeDeployment: Rule = {
  name: 'managed-network-provisioned-before-deployment',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#manually-provision-a-managed-vnet',
  onWrite(cloud, write) {
    if (write.prior || !isType(write.type, ONLINE_DEPLOYMENT)) return;
    const workspaceId = ancestorOfType(write.id, WORKSPACE);
    const workspace = workspaceId ? cloud.get(workspaceId) : undefined;
    if (workspace && hasManagedNetwork(workspace) && !managedNetworkProvisioned(workspace)) {
      refuse(this, 400, 'BadRequest', `The managed network of workspace '${workspace.id}' has not been provisioned; provision it (provisionManagedNetwork) before creating online deployment '${write.id}'.`);
    }
  },
};
