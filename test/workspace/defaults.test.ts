import { AnnotationMetadataEntryType } from 'cdktf';
import { annotations, mlStack, RG_ID, synth, workspaceIn, workspaceWithRg } from './support';

describe('Workspace defaults', () => {
  const stack = mlStack();
  workspaceIn(stack);
  const t = synth(stack);
  const ws = t.resourceAt('azapi_resource', 'ml/Resource');

  test('the workspace is a Default-kind azapi resource at the pinned api-version, system-assigned identity', () => {
    expect(ws.attributes.type).toBe('Microsoft.MachineLearningServices/workspaces@2026-05-01');
    expect(ws.attributes.parent_id).toBe(RG_ID);
    expect(ws.attributes.location).toBe('westeurope');
    expect(ws.attributes.body.kind).toBe('Default');
    expect(ws.attributes.identity).toEqual([{ type: 'SystemAssigned' }]);
  });

  test('every secure-baseline workspace property is written explicitly', () => {
    const p = ws.attributes.body.properties;
    expect(p.publicNetworkAccess).toBe('Disabled');
    expect(p.allowPublicAccessWhenBehindVnet).toBe(false);
    expect(p.systemDatastoresAuthMode).toBe('Identity');
    expect(p.v1LegacyMode).toBe(false);
    expect(p.hbiWorkspace).toBe(false);
    expect(p.managedNetwork).toEqual({ isolationMode: 'AllowInternetOutbound' });
    expect(p.encryption).toBeUndefined();
  });

  test('the workspace points at the storage, Key Vault, ACR and Application Insights it creates', () => {
    const p = ws.attributes.body.properties;
    expect(p.storageAccount).toBe(t.ref(t.resourceAt('azurerm_storage_account', 'ml/Storage')));
    expect(p.keyVault).toBe(t.ref(t.resourceAt('azurerm_key_vault', 'ml/KeyVault')));
    expect(p.containerRegistry).toBe(t.ref(t.resourceAt('azurerm_container_registry', 'ml/ContainerRegistry')));
    expect(p.applicationInsights).toBe(t.ref(t.resourceAt('azurerm_application_insights', 'ml/ApplicationInsights')));
  });

  test('storage: StorageV2 Standard GZRS, TLS 1.2, no shared keys, no public blobs or network, versioning, change feed, soft delete', () => {
    const s = t.resourceAt('azurerm_storage_account', 'ml/Storage').attributes;
    expect(s).toMatchObject({
      account_kind: 'StorageV2', account_tier: 'Standard', account_replication_type: 'GZRS',
      min_tls_version: 'TLS1_2', https_traffic_only_enabled: true, shared_access_key_enabled: false,
      default_to_oauth_authentication: true, allow_nested_items_to_be_public: false, public_network_access_enabled: false,
      infrastructure_encryption_enabled: true, is_hns_enabled: false, cross_tenant_replication_enabled: false,
      sftp_enabled: false, local_user_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
      blob_properties: {
        versioning_enabled: true, change_feed_enabled: true,
        delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 },
      },
    });
  });

  test('Key Vault: RBAC, purge protection, 90-day soft delete, deny-by-default ACLs with AzureServices bypass, no public access', () => {
    const kv = t.resourceAt('azurerm_key_vault', 'ml/KeyVault');
    expect(kv.attributes).toMatchObject({
      rbac_authorization_enabled: true, purge_protection_enabled: true, soft_delete_retention_days: 90,
      public_network_access_enabled: false, network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
      sku_name: 'standard', enabled_for_deployment: false, enabled_for_disk_encryption: false, enabled_for_template_deployment: false,
    });
    expect(kv.attributes.tenant_id).toMatch(/^\$\{data\.azurerm_client_config\..*\.tenant_id\}$/);
  });

  test('container registry: Premium, admin and anonymous pull off, no public access', () => {
    expect(t.resourceAt('azurerm_container_registry', 'ml/ContainerRegistry').attributes).toMatchObject({
      sku: 'Premium', admin_enabled: false, anonymous_pull_enabled: false, public_network_access_enabled: false,
      network_rule_bypass_option: 'AzureServices',
    });
  });

  test('Log Analytics (Entra ID only) and workspace-based Application Insights', () => {
    const la = t.resourceAt('azurerm_log_analytics_workspace', 'ml/LogAnalytics');
    expect(la.attributes).toMatchObject({ sku: 'PerGB2018', retention_in_days: 30, local_authentication_enabled: false });
    expect(t.resourceAt('azurerm_application_insights', 'ml/ApplicationInsights').attributes)
      .toMatchObject({ application_type: 'web', workspace_id: t.ref(la) });
  });

  test('an artifact container and an identity-based datastore over it', () => {
    const container = t.resourceAt('azurerm_storage_container', 'ml/ArtifactContainer');
    expect(container.attributes).toMatchObject({ name: 'model-artifacts', container_access_type: 'private',
      storage_account_id: t.ref(t.resourceAt('azurerm_storage_account', 'ml/Storage')) });
    const ds = t.resourceAt('azapi_resource', 'ml/ArtifactDatastore').attributes;
    expect(ds.type).toBe('Microsoft.MachineLearningServices/workspaces/datastores@2026-05-01');
    expect(ds.name).toBe('model_artifacts');
    expect(ds.parent_id).toBe(t.ref(ws));
    expect(ds.body.properties).toMatchObject({
      datastoreType: 'AzureBlob', containerName: 'model-artifacts', credentials: { credentialsType: 'None' },
      serviceDataAccessAuthIdentity: 'WorkspaceSystemAssignedIdentity', resourceGroup: 'rg-ml',
      subscriptionId: '00000000-0000-0000-0000-000000000000',
    });
  });

  test('diagnostic settings send allLogs and metrics to Log Analytics for workspace, blob service, Key Vault and ACR', () => {
    const la = t.ref(t.resourceAt('azurerm_log_analytics_workspace', 'ml/LogAnalytics'));
    t.resourceCountIs('azurerm_monitor_diagnostic_setting', 4);
    const targets: [string, string, string][] = [
      [t.ref(ws), 'AllMetrics', 'workspace'],
      [`${t.ref(t.resourceAt('azurerm_storage_account', 'ml/Storage'))}/blobServices/default`, 'Transaction', 'blob'],
      [t.ref(t.resourceAt('azurerm_key_vault', 'ml/KeyVault')), 'AllMetrics', 'vault'],
      [t.ref(t.resourceAt('azurerm_container_registry', 'ml/ContainerRegistry')), 'AllMetrics', 'acr'],
    ];
    for (const [target, metric] of targets) {
      t.hasResourceWithProperties('azurerm_monitor_diagnostic_setting', {
        target_resource_id: target, log_analytics_workspace_id: la,
        enabled_log: [{ category_group: 'allLogs' }], enabled_metric: [{ category: metric }],
      });
    }
  });

  test('production protection is the default: prevent_destroy and CanNotDelete locks on workspace, storage, Key Vault, ACR', () => {
    for (const [type, path] of [['azapi_resource', 'ml/Resource'], ['azurerm_storage_account', 'ml/Storage'],
      ['azurerm_key_vault', 'ml/KeyVault'], ['azurerm_container_registry', 'ml/ContainerRegistry']]) {
      const r = t.resourceAt(type, path);
      expect(r.attributes.lifecycle).toEqual({ prevent_destroy: true });
      t.hasResourceWithProperties('azurerm_management_lock', { scope: t.ref(r), lock_level: 'CanNotDelete' });
    }
    t.resourceCountIs('azurerm_management_lock', 4);
  });

  test('no private endpoints are created by default, and synth says how the workspace is reachable', () => {
    t.resourceCountIs('azurerm_private_endpoint', 0);
    expect(annotations(stack, AnnotationMetadataEntryType.INFO).join('\n')).toMatch(/no private endpoints/);
    expect(annotations(stack, AnnotationMetadataEntryType.WARN)).toEqual([]);
  });
});

describe('Workspace in a resource group created in the same stack', () => {
  test('takes the resource group name, id and location by reference', () => {
    const stack = mlStack();
    workspaceWithRg(stack);
    const t = synth(stack);
    const rg = t.resourceAt('azurerm_resource_group', 'rg');
    const ws = t.resourceAt('azapi_resource', 'ml/Resource');
    expect(ws.attributes.parent_id).toBe(t.ref(rg));
    expect(ws.attributes.location).toBe(t.ref(rg, 'location'));
    expect(t.resourceAt('azurerm_key_vault', 'ml/KeyVault').attributes.resource_group_name).toBe(t.ref(rg, 'name'));
  });
});
