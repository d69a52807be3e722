// Every rule, on resources declared as users declare their own (azurerm bindings, raw azapi_resource): it fires on a
// resource that breaks it and stays quiet on one that keeps it. The table must name every rule, so a new rule
// without its two cases fails here.
import { TerraformResource, TerraformStack } from 'cdktf';
import { MachineLearningComputeCluster } from '@cdktf/provider-azurerm/lib/machine-learning-compute-cluster';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { StorageAccountCustomerManagedKeyA } from '@cdktf/provider-azurerm/lib/storage-account-customer-managed-key';
import { AzapiUpdateResource } from '../../lib/bindings/azapi/update-resource';
import { Policy, PolicyLevel } from '../../lib/policy';
import { testStack } from '../support/template';
import { azapi, checkAll, containerRegistry, findingsOf, keyVault, RG_ID, storage } from './support';

const ML = 'Microsoft.MachineLearningServices';
const WS_BODY = { kind: 'Default', properties: { publicNetworkAccess: 'Disabled', systemDatastoresAuthMode: 'Identity', hbiWorkspace: true, encryption: { status: 'Enabled' } } };
const COMPUTE_BODY = (props: Record<string, any> = {}, top: Record<string, any> = {}) => ({
  properties: {
    computeType: 'AmlCompute', disableLocalAuth: true, ...top,
    properties: { vmSize: 'Standard_DS3_v2', enableNodePublicIp: false, scaleSettings: { minNodeCount: 0, maxNodeCount: 2 }, ...props },
  },
});
const PROBES = { livenessProbe: { period: 'PT10S' }, readinessProbe: { period: 'PT10S' } };

function cluster(stack: TerraformStack, overrides: Record<string, any> = {}): MachineLearningComputeCluster {
  return new MachineLearningComputeCluster(stack, 'Cluster', {
    name: 'cpu', location: 'westeurope', machineLearningWorkspaceId: `${RG_ID}/providers/${ML}/workspaces/mlw`, vmPriority: 'Dedicated',
    vmSize: 'Standard_DS3_v2', scaleSettings: { minNodeCount: 0, maxNodeCount: 2, scaleDownNodesAfterIdleDuration: 'PT120S' },
    localAuthEnabled: false, nodePublicIpEnabled: false, ...overrides,
  });
}

function diagnosed<T extends TerraformResource>(stack: TerraformStack, resource: T): T {
  new MonitorDiagnosticSetting(stack, `${resource.node.id}Diagnostics`, {
    name: 'to-log-analytics', targetResourceId: resource.getStringAttribute('id'),
    logAnalyticsWorkspaceId: `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log`, enabledLog: [{ categoryGroup: 'allLogs' }],
  });
  return resource;
}

/** An online endpoint with a deployment of `capacity` instances, and (optionally) the traffic patch giving it `weight`. */
function deployment(stack: TerraformStack, capacity: number, weight?: number, body: Record<string, any> = PROBES): TerraformResource {
  const endpoint = azapi(stack, 'Endpoint', `${ML}/workspaces/onlineEndpoints`, { properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled' } });
  const d = azapi(stack, 'Blue', `${ML}/workspaces/onlineEndpoints/deployments`,
    { properties: { endpointComputeType: 'Managed', model: 'azureml://registries/r/models/m/versions/1', ...body }, sku: { name: 'Default', capacity } },
    { parentId: endpoint.id, name: 'blue' });
  if (weight !== undefined) {
    new AzapiUpdateResource(stack, 'Traffic', { type: `${ML}/workspaces/onlineEndpoints@2026-05-01`, resourceId: endpoint.id, body: { properties: { traffic: { blue: weight, green: 100 - weight } } } });
  }
  return d;
}

type Build = (stack: TerraformStack) => TerraformResource;
const CASES: Record<string, { bad: Build; good: Build; badAzapi?: Build }> = {
  'MLOPS-ML-1': {
    bad: s => azapi(s, 'Ws', `${ML}/workspaces`, { ...WS_BODY, properties: { ...WS_BODY.properties, publicNetworkAccess: 'Enabled' } }),
    good: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY),
  },
  'MLOPS-ML-2': {
    bad: s => azapi(s, 'Ws', `${ML}/workspaces`, { ...WS_BODY, properties: { ...WS_BODY.properties, systemDatastoresAuthMode: 'AccessKey' } }),
    good: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY),
  },
  'MLOPS-ML-3': {
    bad: s => azapi(s, 'Ws', `${ML}/workspaces`, { ...WS_BODY, properties: { ...WS_BODY.properties, encryption: undefined } }),
    good: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY),
  },
  'MLOPS-ML-4': {
    bad: s => azapi(s, 'Ws', `${ML}/workspaces`, { ...WS_BODY, properties: { ...WS_BODY.properties, hbiWorkspace: false } }),
    good: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY),
  },
  'MLOPS-ML-5': {
    bad: s => cluster(s, { localAuthEnabled: true }),
    badAzapi: s => azapi(s, 'Compute', `${ML}/workspaces/computes`, COMPUTE_BODY({}, { disableLocalAuth: false })),
    good: s => azapi(s, 'Compute', `${ML}/workspaces/computes`, COMPUTE_BODY()),
  },
  'MLOPS-ML-6': {
    bad: s => cluster(s, { nodePublicIpEnabled: undefined }),
    badAzapi: s => azapi(s, 'Compute', `${ML}/workspaces/computes`, COMPUTE_BODY({ enableNodePublicIp: true })),
    good: s => cluster(s),
  },
  'MLOPS-ML-7': {
    bad: s => cluster(s, { scaleSettings: { minNodeCount: 1, maxNodeCount: 2, scaleDownNodesAfterIdleDuration: 'PT120S' } }),
    badAzapi: s => azapi(s, 'Compute', `${ML}/workspaces/computes`, COMPUTE_BODY({ scaleSettings: { minNodeCount: 2, maxNodeCount: 4 } })),
    good: s => azapi(s, 'Compute', `${ML}/workspaces/computes`, COMPUTE_BODY()),
  },
  'MLOPS-ML-8': {
    bad: s => azapi(s, 'Reg', `${ML}/registries`, { properties: { regionDetails: [] } }),
    good: s => azapi(s, 'Reg', `${ML}/registries`, { properties: { publicNetworkAccess: 'Disabled' } }),
  },
  'MLOPS-ST-1': {
    bad: s => storage(s, 'Own', { publicNetworkAccessEnabled: undefined }),
    badAzapi: s => azapi(s, 'Own', 'Microsoft.Storage/storageAccounts', { properties: { publicNetworkAccess: 'Enabled' } }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-2': {
    bad: s => storage(s, 'Own', { sharedAccessKeyEnabled: undefined }),
    badAzapi: s => azapi(s, 'Own', 'Microsoft.Storage/storageAccounts', { properties: { allowSharedKeyAccess: true } }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-3': {
    bad: s => storage(s, 'Own', { minTlsVersion: 'TLS1_0' }),
    badAzapi: s => azapi(s, 'Own', 'Microsoft.Storage/storageAccounts', { properties: {} }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-4': {
    bad: s => storage(s, 'Own', { httpsTrafficOnlyEnabled: false }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-5': {
    bad: s => storage(s, 'Own', { allowNestedItemsToBePublic: true }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-6': {
    bad: s => storage(s, 'Own', { networkRules: { defaultAction: 'Allow' } }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-7': {
    bad: s => storage(s, 'Own', { infrastructureEncryptionEnabled: undefined }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-ST-8': {
    bad: s => storage(s, 'Own', { accountReplicationType: 'LRS' }),
    badAzapi: s => azapi(s, 'Own', 'Microsoft.Storage/storageAccounts', { sku: { name: 'Standard_ZRS' }, properties: {} }),
    good: s => storage(s, 'Own', { accountReplicationType: 'RAGZRS' }),
  },
  'MLOPS-ST-9': {
    bad: s => storage(s, 'Own'),
    good: s => {
      const st = storage(s, 'Own');
      new StorageAccountCustomerManagedKeyA(s, 'Cmk', { storageAccountId: st.id, keyVaultId: `${RG_ID}/providers/Microsoft.KeyVault/vaults/kv`, keyName: 'k' });
      return st;
    },
  },
  'MLOPS-ST-10': {
    bad: s => storage(s, 'Own', { localUserEnabled: undefined }),
    badAzapi: s => azapi(s, 'Own', 'Microsoft.Storage/storageAccounts', { properties: { isLocalUserEnabled: true } }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-KV-1': {
    bad: s => keyVault(s, 'Own', { publicNetworkAccessEnabled: undefined }),
    badAzapi: s => azapi(s, 'Kv', 'Microsoft.KeyVault/vaults', { properties: { publicNetworkAccess: 'Enabled' } }),
    good: s => keyVault(s, 'Own'),
  },
  'MLOPS-KV-2': {
    bad: s => keyVault(s, 'Own', { networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' } }),
    good: s => keyVault(s, 'Own'),
  },
  'MLOPS-KV-3': {
    bad: s => keyVault(s, 'Own', { rbacAuthorizationEnabled: undefined }),
    good: s => keyVault(s, 'Own', { rbacAuthorizationEnabled: undefined, enableRbacAuthorization: true }),
  },
  'MLOPS-CR-1': {
    bad: s => containerRegistry(s, 'Own', { adminEnabled: true }),
    badAzapi: s => azapi(s, 'Acr', 'Microsoft.ContainerRegistry/registries', { properties: { adminUserEnabled: true } }),
    good: s => containerRegistry(s, 'Own'),
  },
  'MLOPS-CR-2': {
    bad: s => containerRegistry(s, 'Own', { publicNetworkAccessEnabled: true }),
    good: s => containerRegistry(s, 'Own'),
  },
  'MLOPS-CR-3': {
    bad: s => containerRegistry(s, 'Own', { anonymousPullEnabled: true }),
    good: s => containerRegistry(s, 'Own'),
  },
  'MLOPS-CR-4': {
    bad: s => containerRegistry(s, 'Own', { sku: 'Standard' }),
    good: s => containerRegistry(s, 'Own'),
  },
  'MLOPS-DP-1': {
    bad: s => storage(s, 'Own', { blobProperties: { deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } } }),
    good: s => storage(s, 'Own'),
  },
  'MLOPS-DP-2': {
    bad: s => storage(s, 'Own', { blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 30 } } }),
    good: s => storage(s, 'Own', { blobProperties: { versioningEnabled: true, deleteRetentionPolicy: {}, containerDeleteRetentionPolicy: { days: 7 } } }),
  },
  'MLOPS-DP-3': {
    bad: s => keyVault(s, 'Own', { purgeProtectionEnabled: false }),
    badAzapi: s => azapi(s, 'Kv', 'Microsoft.KeyVault/vaults', { properties: { enableSoftDelete: true } }),
    good: s => keyVault(s, 'Own', { softDeleteRetentionDays: 90 }),
  },
  'MLOPS-DP-4': {
    bad: s => keyVault(s, 'Own', { lifecycle: {} }),
    badAzapi: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY),
    good: s => azapi(s, 'Ws', `${ML}/workspaces`, WS_BODY, { lifecycle: { preventDestroy: true } }),
  },
  'MLOPS-DP-5': {
    bad: s => storage(s, 'Own'),
    good: s => {
      const rg = new ResourceGroup(s, 'Rg', { name: 'rg-own', location: 'westeurope' });
      new ManagementLock(s, 'RgLock', { name: 'do-not-delete', scope: rg.id, lockLevel: 'CanNotDelete' });
      return storage(s, 'Own', { resourceGroupName: rg.name });
    },
  },
  'MLOPS-SV-1': {
    bad: s => azapi(s, 'Batch', `${ML}/workspaces/batchEndpoints`, { properties: { authMode: 'Key' } }),
    good: s => azapi(s, 'Endpoint', `${ML}/workspaces/onlineEndpoints`, { properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled' } }),
  },
  'MLOPS-SV-2': {
    bad: s => azapi(s, 'Endpoint', `${ML}/workspaces/onlineEndpoints`, { properties: { authMode: 'AMLToken' } }),
    good: s => azapi(s, 'Endpoint', `${ML}/workspaces/onlineEndpoints`, { properties: { authMode: 'AMLToken', publicNetworkAccess: 'Disabled' } }),
  },
  'MLOPS-SV-3': {
    bad: s => azapi(s, 'Env', `${ML}/workspaces/environments/versions`, { properties: { image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest' } }),
    badAzapi: s => deployment(s, 3, undefined, { ...PROBES, environmentId: 'azureml:sklearn-env@latest' }),
    good: s => azapi(s, 'Env', `${ML}/registries/environments/versions`, { properties: { image: 'myacr.azurecr.io/score@sha256:0123abcd' } }),
  },
  'MLOPS-SV-4': {
    bad: s => deployment(s, 1, 90),
    badAzapi: s => deployment(s, 1),
    good: s => deployment(s, 1, 0),
  },
  'MLOPS-SV-5': {
    bad: s => deployment(s, 3, 100, { readinessProbe: { period: 'PT10S' } }),
    good: s => deployment(s, 3, 100),
  },
  'MLOPS-LOG-1': {
    bad: s => azapi(s, 'Reg', `${ML}/registries`, { properties: { publicNetworkAccess: 'Disabled' } }),
    good: s => diagnosed(s, azapi(s, 'Endpoint', `${ML}/workspaces/onlineEndpoints`, { properties: { authMode: 'AADToken' } })),
  },
};

test('every rule has a bad and a good case here', () => {
  expect(Object.keys(CASES).sort()).toEqual(Policy.rules().map(r => r.id).sort());
});

describe.each(Object.entries(CASES))('%s', (id, c) => {
  const level = Policy.rules().find(r => r.id === id)!.level;

  test('fires on a resource that breaks it (azurerm or raw azapi)', () => {
    for (const build of [c.bad, c.badAzapi].filter((b): b is Build => b !== undefined)) {
      const stack = testStack();
      const resource = build(stack);
      const found = findingsOf(checkAll(stack), id, resource);
      expect(found.map(f => ({ ruleId: f.ruleId, level: f.level, constructPath: f.constructPath }))).toEqual([{ ruleId: id, level, constructPath: resource.node.path }]);
    }
  });

  test('stays quiet on a resource that keeps it', () => {
    const stack = testStack();
    const resource = c.good(stack);
    expect(findingsOf(checkAll(stack), id, resource)).toEqual([]);
  });
});

test('values known only at apply time are never guessed: a variable for public access is not a finding', () => {
  const stack = testStack();
  const st = storage(stack, 'Own', { publicNetworkAccessEnabled: '${var.public}' as any });
  expect(findingsOf(checkAll(stack), 'MLOPS-ST-1', st)).toEqual([]);
});

test('an azapi_update_resource patching a workspace is not read as a whole workspace', () => {
  const stack = testStack();
  const patch = new AzapiUpdateResource(stack, 'Patch', { type: `${ML}/workspaces@2026-05-01`, resourceId: `${RG_ID}/providers/${ML}/workspaces/w`, body: { properties: { description: 'x' } } });
  expect(checkAll(stack).findings.filter(f => f.address === `azapi_update_resource.${patch.friendlyUniqueId}`)).toEqual([]);
});

test('levels are what the README says: public network access is an error, infrastructure encryption a warning', () => {
  const stack = testStack();
  storage(stack, 'Own', { publicNetworkAccessEnabled: true, infrastructureEncryptionEnabled: false });
  const report = checkAll(stack);
  expect(report.errors.map(f => f.ruleId)).toContain('MLOPS-ST-1');
  expect(report.warnings.map(f => f.ruleId)).toContain('MLOPS-ST-7');
  expect(report.findings.find(f => f.ruleId === 'MLOPS-ST-7')?.level).toBe(PolicyLevel.WARNING);
});
