// The runtime shapes of the workspace layer's props (see lib/core/shape.ts): what a JavaScript or Python caller must
// pass. One declaration per props type; a field missing here is simply not shape-checked.
import { S } from '../core/shape';
import { VmPriority } from './compute-cluster';
import { StorageReplication } from './dependencies';
import { FirewallSku, IsolationMode } from './network';
import { Protection } from './protection';

const TAGS = S.map(S.string('"churn"'), '{ team: "ml" }');
const ARM_ID = S.string('"/subscriptions/<sub>/resourceGroups/<rg>/providers/<type>/<name>"');
const RESOURCE = (name: string) => S.ref(name, ['id'], `pass the ${name} construct (or its ARM id in the matching *Id prop)`);

export const USER_ASSIGNED_IDENTITY = S.struct('UserAssignedIdentityAttributes', {
  identityId: ARM_ID.req, principalId: S.string().req, clientId: S.string(),
});

export const IWORKSPACE = S.ref('IWorkspace', ['workspaceId', 'location'],
  'pass a Workspace, or one from Workspace.fromWorkspaceId / fromWorkspaceAttributes');

const OUTBOUND_RULE = S.ref('OutboundRule', ['name', 'ruleType'], 'use OutboundRule.fqdn(...) or OutboundRule.serviceTag(...)');

export const WORKSPACE_PROPS = S.struct('WorkspaceProps', {
  resourceGroup: S.ref('ResourceGroup', ['id', 'name'], 'pass the ResourceGroup construct, or resourceGroupId with location'),
  resourceGroupId: ARM_ID,
  location: S.string('"westeurope"'),
  prefix: S.string('"churn"').req,
  environment: S.string('"prod"'),
  nameSuffix: S.string('"a1b2"'),
  names: S.struct('WorkspaceNames', Object.fromEntries(['workspace', 'storageAccount', 'keyVault', 'containerRegistry',
    'logAnalyticsWorkspace', 'applicationInsights', 'artifactContainer', 'artifactDatastore', 'legacyConstructPath'].map(k => [k, S.string()]))),
  tags: TAGS,
  description: S.string(),
  friendlyName: S.string(),
  userAssignedIdentity: USER_ASSIGNED_IDENTITY,
  systemAssignedIdentity: S.boolean(),
  storageAccount: RESOURCE('StorageAccount'), storageAccountId: ARM_ID,
  storageReplication: S.enumLike(() => StorageReplication),
  softDeleteRetentionDays: S.number('30'),
  keyVault: RESOURCE('KeyVault'), keyVaultId: ARM_ID,
  containerRegistry: RESOURCE('ContainerRegistry'), containerRegistryId: ARM_ID,
  applicationInsights: RESOURCE('ApplicationInsights'), applicationInsightsId: ARM_ID,
  logAnalyticsWorkspace: RESOURCE('LogAnalyticsWorkspace'), logAnalyticsWorkspaceId: ARM_ID,
  logRetentionInDays: S.number('30'),
  publicNetworkAccess: S.boolean(),
  managedNetwork: S.struct('ManagedNetworkOptions', {
    isolationMode: S.enumLike(() => IsolationMode), outboundRules: S.list(OUTBOUND_RULE), firewallSku: S.enumLike(() => FirewallSku),
  }),
  privateEndpoints: S.struct('PrivateEndpointsOptions', {
    subnetId: ARM_ID, // required: networkProblems says why
    privateDnsZoneIds: S.struct('PrivateDnsZoneIds', Object.fromEntries(
      ['workspaceApi', 'workspaceNotebooks', 'blob', 'file', 'vault', 'registry'].map(k => [k, ARM_ID]))),
  }),
  customerManagedKey: S.struct('CustomerManagedKey', {
    keyId: S.string('"https://<vault>.vault.azure.net/keys/<name>/<version>"').req,
    keyVault: RESOURCE('KeyVault'), keyVaultId: ARM_ID, identity: USER_ASSIGNED_IDENTITY,
  }),
  highBusinessImpact: S.boolean(),
  diagnosticSettings: S.boolean(),
  protection: S.enumLike(() => Protection, 'name'),
  imageBuildCompute: S.string('"cpu-cluster"'),
});

export const WORKSPACE_ATTRIBUTES = S.struct('WorkspaceAttributes', {
  workspaceId: ARM_ID.req, workspaceName: S.string(), resourceGroupName: S.string(), location: S.string('"westeurope"').req,
  storageAccountId: ARM_ID, containerRegistryId: ARM_ID, applicationInsightsId: ARM_ID, principalId: S.string(),
  keyVaultId: ARM_ID, logAnalyticsWorkspaceId: ARM_ID, managedNetworkIsolationMode: S.string(),
  artifactStore: S.struct('ArtifactStoreAttributes', {
    storageAccountId: ARM_ID.req, storageAccountName: S.string().req, containerName: S.string().req, datastoreName: S.string().req,
    container: S.ref('ITerraformDependable', ['fqn']),
  }),
});

export const COMPUTE_CLUSTER_OPTIONS = {
  name: S.string('"cpu-cluster"'), vmSize: S.string('"Standard_DS3_v2"'), vmPriority: S.enumLike(() => VmPriority),
  minNodes: S.number('0'), maxNodes: S.number('4'), idleSecondsBeforeScaleDown: S.number('120'), subnetId: ARM_ID,
  userAssignedIdentity: USER_ASSIGNED_IDENTITY, nodePublicIp: S.boolean(), description: S.string(), tags: TAGS,
};
export const COMPUTE_CLUSTER_PROPS = S.struct('ComputeClusterProps', { ...COMPUTE_CLUSTER_OPTIONS, workspace: IWORKSPACE.req });
