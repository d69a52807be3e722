import { assetVersionImmutable } from './asset-version-immutable';
import { deploymentDeleteWhileServing } from './deployment-delete-while-serving';
import { egressPublicNetworkAccessImmutable } from './egress-public-network-access-immutable';
import { lockBlocksDelete } from './lock-blocks-delete';
import { managedNetworkProvisionedBeforeDeployment } from './managed-network-provisioned-before-deployment';
import { mirrorTraffic } from './mirror-traffic';
import { onlineEndpointName } from './online-endpoint-name';
import { onlineEndpointNameUniqueInRegion } from './online-endpoint-name-unique-in-region';
import { parentExists } from './parent-exists';
import { privateRegistryNeedsImageBuildCompute } from './private-registry-needs-image-build-compute';
import { privateRegistryNeedsOutboundRule } from './private-registry-needs-outbound-rule';
import { publishNeedsRegistryInWorkspaceStorage } from './publish-needs-registry-in-workspace-storage';
import { readOnlyLockBlocksWrite } from './read-only-lock-blocks-write';
import { registryVersionNotReused } from './registry-version-not-reused';
import { resourceIdShape } from './resource-id-shape';
import { roleAssignmentUnique } from './role-assignment-unique';
import type { Rule } from './rule';
import { trafficNamesExistingDeployments } from './traffic-names-existing-deployments';

export type { CloudView, Rule, Write } from './rule';

/** Every rule the emulated Azure applies, in the order Azure would meet them (routing, then scope, then content). */
export const ALL_RULES: readonly Rule[] = [
  resourceIdShape,
  parentExists,
  readOnlyLockBlocksWrite,
  lockBlocksDelete,
  onlineEndpointName,
  onlineEndpointNameUniqueInRegion,
  trafficNamesExistingDeployments,
  mirrorTraffic,
  deploymentDeleteWhileServing,
  assetVersionImmutable,
  registryVersionNotReused,
  roleAssignmentUnique,
  managedNetworkProvisionedBeforeDeployment,
  privateRegistryNeedsImageBuildCompute,
  privateRegistryNeedsOutboundRule,
  publishNeedsRegistryInWorkspaceStorage,
  egressPublicNetworkAccessImmutable,
];
