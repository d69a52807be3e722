/**
 * What `@cdktf/provider-azurerm` cannot tell about azurerm 4.55, kept by hand for the types this library emits
 * (`grep -rho "azurerm_[a-z_]*" lib`, plus the types its constructs import by deep path): sensitive values,
 * provider-side defaults (which the emulator plans, so they are also computed), Optional+Computed primitives, and
 * ForceNew. Each entry's `source` is the azurerm 4.55 documentation page it was read from; where the docs and
 * DESIGN.md's "Settings that replace a resource" agree, both are the source.
 *
 * Not every default of every argument is here: only those a plan of this library's stacks can show, or that its
 * policy rules read. An argument absent from this table is planned as configured (null when left out).
 */
import type { AttributeFact, ProviderFacts, TypeFacts } from './facts';
import type { ReplaceWhenTable } from './replace-when';

const DOCS = 'https://registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs';
const resource = (name: string) => `${DOCS}/resources/${name}`;

const FN: AttributeFact = { forceNew: true };
const SECRET: AttributeFact = { sensitive: true };
const COMPUTED: AttributeFact = { computed: true };
const dflt = (value: unknown, more: AttributeFact = {}): AttributeFact => ({ default: value, ...more });

/** "Changing this forces a new resource" on nearly every azurerm resource's identity arguments. */
const NAME_RG_LOCATION = { name: FN, resource_group_name: FN, location: FN };

const STORAGE_SECRETS = Object.fromEntries([
  'primary_access_key', 'secondary_access_key', 'primary_connection_string', 'secondary_connection_string',
  'primary_blob_connection_string', 'secondary_blob_connection_string',
].map(k => [k, SECRET]));

const resources: Record<string, TypeFacts> = {
  azurerm_resource_group: { source: resource('resource_group'), attributes: { name: FN, location: FN } },
  azurerm_storage_account: {
    source: `${resource('storage_account')}; DESIGN.md (storage: replication family, tier, HNS, infrastructure encryption)`,
    attributes: {
      ...NAME_RG_LOCATION,
      account_tier: FN,
      account_replication_type: {
        note: 'Replaced only when the replication family changes (LRS/GRS/RAGRS <-> ZRS/GZRS/RAGZRS): see AZURERM_REPLACE_WHEN',
      },
      account_kind: dflt('StorageV2'),
      access_tier: dflt('Hot'),
      edge_zone: FN,
      is_hns_enabled: dflt(false, FN),
      nfsv3_enabled: dflt(false, FN),
      infrastructure_encryption_enabled: dflt(false, FN),
      queue_encryption_key_type: dflt('Service', FN),
      table_encryption_key_type: dflt('Service', FN),
      dns_endpoint_type: dflt('Standard', FN),
      https_traffic_only_enabled: dflt(true),
      min_tls_version: dflt('TLS1_2'),
      allow_nested_items_to_be_public: dflt(true),
      shared_access_key_enabled: dflt(true),
      public_network_access_enabled: dflt(true),
      default_to_oauth_authentication: dflt(false),
      cross_tenant_replication_enabled: dflt(false),
      local_user_enabled: dflt(true),
      sftp_enabled: dflt(false),
      large_file_share_enabled: COMPUTED,
      ...STORAGE_SECRETS,
    },
  },
  azurerm_storage_container: {
    source: resource('storage_container'),
    attributes: {
      name: FN, storage_account_id: FN, storage_account_name: FN,
      container_access_type: dflt('private'),
      default_encryption_scope: { forceNew: true, computed: true },
      encryption_scope_override_enabled: dflt(true, FN),
      metadata: COMPUTED,
    },
  },
  azurerm_storage_blob: {
    source: resource('storage_blob'),
    attributes: {
      name: FN, storage_account_name: FN, storage_container_name: FN, type: FN,
      source: FN, source_uri: FN, source_content: FN, content_md5: FN, encryption_scope: FN,
      size: dflt(0, FN),
      parallelism: dflt(8, FN),
      content_type: dflt('application/octet-stream'),
      access_tier: COMPUTED,
      metadata: COMPUTED,
    },
  },
  azurerm_key_vault: {
    source: `${resource('key_vault')}; DESIGN.md (purge protection cannot be turned off: refused by the provider, not a replacement)`,
    attributes: {
      ...NAME_RG_LOCATION,
      soft_delete_retention_days: dflt(90),
      public_network_access_enabled: dflt(true),
      enable_rbac_authorization: { computed: true, note: 'deprecated alias of rbac_authorization_enabled; the two are kept in step' },
      rbac_authorization_enabled: COMPUTED,
    },
  },
  azurerm_log_analytics_workspace: {
    source: resource('log_analytics_workspace'),
    attributes: {
      ...NAME_RG_LOCATION,
      sku: dflt('PerGB2018'),
      retention_in_days: COMPUTED,
      daily_quota_gb: dflt(-1),
      internet_ingestion_enabled: dflt(true),
      internet_query_enabled: dflt(true),
      local_authentication_enabled: dflt(true),
      local_authentication_disabled: { computed: true, note: 'deprecated inverse of local_authentication_enabled' },
      allow_resource_only_permissions: dflt(true),
      primary_shared_key: SECRET,
      secondary_shared_key: SECRET,
    },
  },
  azurerm_application_insights: {
    source: resource('application_insights'),
    attributes: {
      ...NAME_RG_LOCATION,
      application_type: FN,
      retention_in_days: dflt(90),
      sampling_percentage: dflt(100),
      daily_data_cap_in_gb: COMPUTED,
      daily_data_cap_notifications_disabled: COMPUTED,
      disable_ip_masking: dflt(false),
      internet_ingestion_enabled: dflt(true),
      internet_query_enabled: dflt(true),
      local_authentication_disabled: dflt(false),
      force_customer_storage_for_profiler: dflt(false),
      instrumentation_key: SECRET,
      connection_string: SECRET,
    },
  },
  azurerm_container_registry: {
    source: resource('container_registry'),
    attributes: {
      ...NAME_RG_LOCATION,
      zone_redundancy_enabled: dflt(false, FN),
      admin_enabled: dflt(false),
      public_network_access_enabled: dflt(true),
      quarantine_policy_enabled: dflt(false),
      export_policy_enabled: dflt(true),
      anonymous_pull_enabled: dflt(false),
      data_endpoint_enabled: dflt(false),
      network_rule_bypass_option: dflt('AzureServices'),
      admin_password: SECRET,
    },
  },
  azurerm_management_lock: {
    source: resource('management_lock'),
    attributes: { name: FN, scope: FN, lock_level: FN, notes: FN },
  },
  azurerm_role_assignment: {
    source: resource('role_assignment'),
    attributes: {
      name: { forceNew: true, computed: true },
      scope: FN,
      principal_id: FN,
      role_definition_id: { forceNew: true, computed: true },
      role_definition_name: { forceNew: true, computed: true },
      principal_type: { forceNew: true, computed: true },
      condition: FN,
      condition_version: { forceNew: true, computed: true },
      description: FN,
      delegated_managed_identity_resource_id: FN,
      skip_service_principal_aad_check: { forceNew: true, computed: true },
    },
  },
  azurerm_monitor_diagnostic_setting: {
    source: resource('monitor_diagnostic_setting'),
    attributes: { name: FN, target_resource_id: FN, log_analytics_destination_type: COMPUTED },
  },
  azurerm_user_assigned_identity: { source: resource('user_assigned_identity'), attributes: NAME_RG_LOCATION },
  azurerm_private_endpoint: {
    source: resource('private_endpoint'),
    attributes: {
      ...NAME_RG_LOCATION,
      subnet_id: FN,
      custom_network_interface_name: FN,
      'private_service_connection.name': FN,
      'private_service_connection.is_manual_connection': FN,
      'private_service_connection.private_connection_resource_id': FN,
      'private_service_connection.subresource_names': FN,
    },
  },
  azurerm_private_dns_zone: { source: resource('private_dns_zone'), attributes: { name: FN, resource_group_name: FN } },
  azurerm_private_dns_zone_virtual_network_link: {
    source: resource('private_dns_zone_virtual_network_link'),
    attributes: {
      name: FN, resource_group_name: FN, private_dns_zone_name: FN, virtual_network_id: FN,
      registration_enabled: dflt(false),
    },
  },
  azurerm_virtual_network: {
    source: resource('virtual_network'),
    attributes: { ...NAME_RG_LOCATION, edge_zone: FN, private_endpoint_vnet_policies: dflt('Disabled') },
  },
  azurerm_subnet: {
    source: resource('subnet'),
    attributes: {
      name: FN, resource_group_name: FN, virtual_network_name: FN,
      private_endpoint_network_policies: dflt('Disabled'),
      private_link_service_network_policies_enabled: dflt(true),
      default_outbound_access_enabled: dflt(true),
    },
  },
  azurerm_monitor_autoscale_setting: {
    source: resource('monitor_autoscale_setting'),
    attributes: { ...NAME_RG_LOCATION, target_resource_id: FN, enabled: dflt(true) },
  },
  azurerm_key_vault_key: {
    source: resource('key_vault_key'),
    attributes: {
      name: FN, key_vault_id: FN, key_type: FN, key_size: FN,
      curve: { forceNew: true, computed: true },
    },
  },
};

export const AZURERM_FACTS: ProviderFacts = {
  provider: {
    source: `${DOCS} (the features block is "(Required)")`,
    attributes: Object.fromEntries(
      ['client_secret', 'client_certificate', 'client_certificate_password', 'oidc_token', 'oidc_request_token'].map(k => [k, SECRET]),
    ),
    blocks: { features: { minItems: 1, maxItems: 1 } },
  },
  resources,
  dataSources: {
    azurerm_client_config: { source: `${DOCS}/data-sources/client_config (no arguments; every attribute is read)` },
  },
};

/** The zone-redundant replication family; the others (LRS, GRS, RAGRS) are not. Azure compares case-insensitively. */
const ZONE_REDUNDANT = new Set(['ZRS', 'GZRS', 'RAGZRS']);

/**
 * A storage account is replaced when its replication moves between the zone-redundant family and the rest
 * (source: DESIGN.md "Settings that replace a resource"; azurerm 4.55 storage_account docs, account_replication_type).
 * A change within a family (LRS -> GRS, ZRS -> GZRS) is an in-place update.
 */
export function replicationFamilyChanges(prior: unknown, next: unknown): boolean {
  if (typeof prior !== 'string' || typeof next !== 'string') return false;
  return ZONE_REDUNDANT.has(prior.toUpperCase()) !== ZONE_REDUNDANT.has(next.toUpperCase());
}

export const AZURERM_REPLACE_WHEN: ReplaceWhenTable = {
  azurerm_storage_account: { account_replication_type: replicationFamilyChanges },
};
