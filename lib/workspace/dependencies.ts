import { Construct } from 'constructs';
import { ApplicationInsights } from '@cdktf/provider-azurerm/lib/application-insights';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Problem, renderValue } from '../core/errors';
import { isToken } from '../core/validation';

// The secure baseline of each dependency the workspace creates. Every value is written even where it is azurerm's
// default: scanners read only what is written, and provider defaults change between major versions.

/** Storage account replication. Changing between families (LRS/GRS/RA-GRS and ZRS/GZRS/RA-GZRS) replaces the account. */
export class StorageReplication {
  /** Geo-zone-redundant: three zones here, a copy in the paired region. */
  public static readonly GZRS = new StorageReplication('GZRS');
  /** Like GZRS, with read access in the paired region. */
  public static readonly RAGZRS = new StorageReplication('RAGZRS');
  /** Zone-redundant, for regions without a pair or data that must stay in one region. */
  public static readonly ZRS = new StorageReplication('ZRS');
  /** Geo-redundant, for regions without availability zones. */
  public static readonly GRS = new StorageReplication('GRS');
  /** Locally redundant: cheapest, survives no zone outage. */
  public static readonly LRS = new StorageReplication('LRS');
  public static of(value: string): StorageReplication {
    return new StorageReplication(value);
  }
  private constructor(public readonly value: string) {}
}

export interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: { [key: string]: string };
}

export interface ArtifactStorageSettings {
  readonly name: string;
  readonly replication: StorageReplication;
  readonly softDeleteRetentionDays: number;
}

export function createStorageAccount(scope: Construct, id: string, p: Placement, s: ArtifactStorageSettings): StorageAccount {
  return new StorageAccount(scope, id, {
    name: s.name,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    tags: p.tags,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: s.replication.value,
    accessTier: 'Hot',
    minTlsVersion: 'TLS1_2',
    httpsTrafficOnlyEnabled: true,
    // Azure ML reaches it with identities (systemDatastoresAuthMode: Identity); keys would bypass RBAC and audit.
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    allowNestedItemsToBePublic: false,
    publicNetworkAccessEnabled: false,
    crossTenantReplicationEnabled: false,
    infrastructureEncryptionEnabled: true,
    // Azure ML does not support a hierarchical namespace on the workspace's default storage.
    isHnsEnabled: false,
    sftpEnabled: false,
    localUserEnabled: false,
    networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
    blobProperties: {
      versioningEnabled: true,
      changeFeedEnabled: true,
      deleteRetentionPolicy: { days: s.softDeleteRetentionDays },
      containerDeleteRetentionPolicy: { days: s.softDeleteRetentionDays },
    },
  });
}

/** What can be told about a brought storage account that Azure ML cannot use as its default storage. */
export function broughtStorageProblems(account: StorageAccount): Problem[] {
  const problems: Problem[] = [];
  const tier = account.accountTierInput;
  if (tier !== undefined && !isToken(tier) && tier !== 'Standard') {
    problems.push({ subject: 'storageAccount.accountTier', value: renderValue(tier),
      rule: 'must be Standard: Azure ML cannot use a Premium account as the workspace\'s storage',
      fix: 'bring a Standard StorageV2 account, or let the workspace create one' });
  }
  const kind = account.accountKindInput;
  if (kind !== undefined && !isToken(kind) && kind !== 'StorageV2') {
    problems.push({ subject: 'storageAccount.accountKind', value: renderValue(kind),
      rule: 'must be StorageV2 for a workspace\'s storage', fix: 'bring a StorageV2 account, or let the workspace create one' });
  }
  const hns = account.isHnsEnabledInput;
  if (hns === true) {
    problems.push({ subject: 'storageAccount.isHnsEnabled', value: 'true',
      rule: 'must be false: Azure ML cannot use an account with a hierarchical namespace (Data Lake Gen2) as the workspace\'s storage',
      fix: 'bring an account without HNS (register the Data Lake as a separate datastore), or let the workspace create one' });
  }
  return problems;
}

export function createKeyVault(scope: Construct, id: string, p: Placement, name: string, tenantId: string): KeyVault {
  return new KeyVault(scope, id, {
    name,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    tags: p.tags,
    tenantId,
    skuName: 'standard',
    rbacAuthorizationEnabled: true,
    purgeProtectionEnabled: true,
    softDeleteRetentionDays: 90,
    publicNetworkAccessEnabled: false,
    enabledForDeployment: false,
    enabledForDiskEncryption: false,
    enabledForTemplateDeployment: false,
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
  });
}

export function createContainerRegistry(scope: Construct, id: string, p: Placement, name: string): ContainerRegistry {
  return new ContainerRegistry(scope, id, {
    name,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    tags: p.tags,
    // Premium is the only tier that can turn public network access off and take private endpoints, both of which a
    // managed network or a private workspace needs.
    sku: 'Premium',
    adminEnabled: false,
    anonymousPullEnabled: false,
    publicNetworkAccessEnabled: false,
    // Lets Azure ML (a trusted service) build images into the registry while public access is off.
    networkRuleBypassOption: 'AzureServices',
    dataEndpointEnabled: false,
  });
}

export function createLogAnalytics(scope: Construct, id: string, p: Placement, name: string, retentionInDays: number): LogAnalyticsWorkspace {
  return new LogAnalyticsWorkspace(scope, id, {
    name,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    tags: p.tags,
    sku: 'PerGB2018',
    retentionInDays,
    // Queries and ingestion by Entra ID only.
    localAuthenticationEnabled: false,
    // No Azure Monitor private link scope is created, so ingestion and queries go over public endpoints.
    internetIngestionEnabled: true,
    internetQueryEnabled: true,
  });
}

export function createApplicationInsights(scope: Construct, id: string, p: Placement, name: string, workspaceId: string): ApplicationInsights {
  return new ApplicationInsights(scope, id, {
    name,
    resourceGroupName: p.resourceGroupName,
    location: p.location,
    tags: p.tags,
    applicationType: 'web',
    workspaceId,
    // Azure ML's online endpoints and SDK send telemetry with the connection string's instrumentation key.
    localAuthenticationDisabled: false,
    internetIngestionEnabled: true,
    internetQueryEnabled: true,
  });
}
