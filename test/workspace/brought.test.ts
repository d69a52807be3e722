import { AnnotationMetadataEntryType } from 'cdktf';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { annotations, mlStack, SUB, synth, workspaceIn } from './support';

const id = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/${type}/${name}`;
const IDS = {
  storageAccountId: id('Microsoft.Storage/storageAccounts', 'stshared'),
  keyVaultId: id('Microsoft.KeyVault/vaults', 'kv-shared'),
  containerRegistryId: id('Microsoft.ContainerRegistry/registries', 'crshared'),
  applicationInsightsId: id('Microsoft.Insights/components', 'appi-shared'),
  logAnalyticsWorkspaceId: id('Microsoft.OperationalInsights/workspaces', 'log-shared'),
};

describe('brought dependencies', () => {
  test('by id: nothing is created, the workspace and datastore point at them, and each replacing one warns', () => {
    const stack = mlStack();
    workspaceIn(stack, IDS);
    const t = synth(stack);
    for (const type of ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_application_insights', 'azurerm_log_analytics_workspace']) {
      t.resourceCountIs(type, 0);
    }
    const p = t.resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties;
    expect(p).toMatchObject({ storageAccount: IDS.storageAccountId, keyVault: IDS.keyVaultId,
      containerRegistry: IDS.containerRegistryId, applicationInsights: IDS.applicationInsightsId });
    expect(t.resourceAt('azapi_resource', 'ml/ArtifactDatastore').attributes.body.properties)
      .toMatchObject({ accountName: 'stshared', resourceGroup: 'rg-shared', subscriptionId: SUB });
    expect(t.resourceAt('azurerm_storage_container', 'ml/ArtifactContainer').attributes.storage_account_id).toBe(IDS.storageAccountId);
    // Only the workspace's own diagnostics and lock: brought resources are their owner's to monitor and lock.
    t.resourceWithProperties('azurerm_monitor_diagnostic_setting', { log_analytics_workspace_id: IDS.logAnalyticsWorkspaceId });
    t.resourceCountIs('azurerm_management_lock', 1);
    const warnings = annotations(stack, AnnotationMetadataEntryType.WARN).join('\n');
    for (const prop of ['storageAccount', 'keyVault', 'containerRegistry', 'applicationInsights']) {
      expect(warnings).toContain(`${prop} is set: changing or removing it later REPLACES the workspace`);
    }
  });

  test('by object: the workspace references the objects created elsewhere in the app', () => {
    const stack = mlStack();
    const place = { resourceGroupName: 'rg-shared', location: 'westeurope' };
    const storageAccount = new StorageAccount(stack, 'st', { ...place, name: 'stshared', accountTier: 'Standard', accountReplicationType: 'ZRS', accountKind: 'StorageV2' });
    const keyVault = new KeyVault(stack, 'kv', { ...place, name: 'kv-shared', tenantId: 't', skuName: 'standard', purgeProtectionEnabled: true });
    const containerRegistry = new ContainerRegistry(stack, 'cr', { ...place, name: 'crshared', sku: 'Premium' });
    const logAnalyticsWorkspace = new LogAnalyticsWorkspace(stack, 'log', { ...place, name: 'log-shared' });
    const applicationInsights = new ApplicationInsights(stack, 'appi', { ...place, name: 'appi-shared', applicationType: 'web' });
    workspaceIn(stack, { storageAccount, keyVault, containerRegistry, logAnalyticsWorkspace, applicationInsights });
    const t = synth(stack);
    const p = t.resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties;
    expect(p.storageAccount).toBe(t.ref(t.resourceAt('azurerm_storage_account', 'st')));
    expect(p.keyVault).toBe(t.ref(t.resourceAt('azurerm_key_vault', 'kv')));
    expect(p.containerRegistry).toBe(t.ref(t.resourceAt('azurerm_container_registry', 'cr')));
    expect(p.applicationInsights).toBe(t.ref(t.resourceAt('azurerm_application_insights', 'appi')));
    expect(t.resourceAt('azapi_resource', 'ml/ArtifactDatastore').attributes.body.properties.accountName)
      .toBe(t.ref(t.resourceAt('azurerm_storage_account', 'st'), 'name'));
    t.resourceCountIs('azurerm_storage_account', 1);
  });

  test('when a brought storage account is Premium BlockBlobStorage with HNS, or an object and an id are both given, one error lists all', () => {
    const stack = mlStack();
    const storageAccount = new StorageAccount(stack, 'st', { resourceGroupName: 'rg', location: 'westeurope', name: 'stlake',
      accountTier: 'Premium', accountKind: 'BlockBlobStorage', accountReplicationType: 'ZRS', isHnsEnabled: true });
    expect(() => workspaceIn(stack, { storageAccount, keyVaultId: IDS.keyVaultId, keyVault: new KeyVault(stack, 'kv', { name: 'kv-lake', location: 'westeurope', resourceGroupName: 'rg', skuName: 'standard', tenantId: '00000000-0000-0000-0000-000000000000' }), containerRegistryId: IDS.storageAccountId }))
      .toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp([
        /\(5 problems\)/,
        /keyVault \/ keyVaultId \(value: both set\) are alternatives/,
        /containerRegistryId \(value: ".*Microsoft\.Storage\/storageAccou\.\.\."\) must be the ARM id of a Microsoft\.ContainerRegistry\/registries/,
        /storageAccount\.accountTier \(value: "Premium"\) must be Standard/,
        /storageAccount\.accountKind \(value: "BlockBlobStorage"\) must be StorageV2/,
        /storageAccount\.isHnsEnabled \(value: true\) must be false: .*hierarchical namespace/,
      ].map(r => r.source).join('[\\s\\S]*'))) }));
  });
});
