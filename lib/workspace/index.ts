// The workspace layer's public API (internal helpers stay unexported so jsii sees only these).
export { ArtifactStoreAttributes, IWorkspace, WorkspaceAttributes, WorkspaceBase } from './workspace-base';
export { ImportedWorkspace } from './imported-workspace';
export { CustomerManagedKey, Workspace, WorkspaceNames, WorkspaceProps } from './workspace';
export { UserAssignedIdentityAttributes } from './identity';
export {
  FirewallSku, IsolationMode, ManagedNetworkOptions, OutboundRule, PrivateDnsZoneIds, PrivateEndpointsOptions,
  PrivateEndpointRuleOptions, ServiceTagRuleOptions,
} from './network';
export { Protection, ProtectionOptions } from './protection';
export { StorageReplication } from './dependencies';
export { ComputeCluster, ComputeClusterOptions, ComputeClusterProps, VmPriority } from './compute-cluster';
