import { ancestorOfType } from '../ids';
import { isType, ONLINE_DEPLOYMENT, refuse, stringAt, WORKSPACE, type Rule } from './rule';

/**
 * When the workspace's container registry is closed to the public network, Azure ML cannot build images in it
 * directly; the workspace needs `imageBuildCompute` (a compute cluster or instance) to build the images an online
 * deployment runs. The failure shows as the deployment failing; its code here (`ImageBuildFailure`) is the
 * emulator's choice.
 */
export const privateRegistryNeedsImageBuildCompute: Rule = {
  name: 'private-registry-needs-image-build-compute',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#configure-image-builds',
  onWrite(cloud, write) {
    if (write.prior || !isType(write.type, ONLINE_DEPLOYMENT)) return;
    const workspaceId = ancestorOfType(write.id, WORKSPACE);
    const workspace = workspaceId ? cloud.get(workspaceId) : undefined;
    const registryId = workspace && stringAt(workspace.body, 'properties', 'containerRegistry');
    const registry = registryId ? cloud.get(registryId) : undefined;
    if (!workspace || !registry) return;
    const closed = stringAt(registry.body, 'properties', 'publicNetworkAccess') === 'Disabled';
    if (closed && !stringAt(workspace.body, 'properties', 'imageBuildCompute')) {
      refuse(this, 400, 'ImageBuildFailure', `Container registry '${registry.id}' of workspace '${workspace.id}' is closed to the public network and the workspace has no imageBuildCompute; the image for online deployment '${write.id}' cannot be built.`);
    }
  },
};
