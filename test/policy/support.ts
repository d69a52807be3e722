// Raw resources for the policy tests, declared the way a user adds their own next to the library's constructs: with
// the azurerm bindings or a raw azapi_resource. Each helper makes a resource that passes every rule; a test overrides
// one attribute to break exactly one.
import { TerraformStack } from 'cdktf';
import { ContainerRegistry, ContainerRegistryConfig } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault, KeyVaultConfig } from '@cdktf/provider-azurerm/lib/key-vault';
import { StorageAccount, StorageAccountConfig } from '@cdktf/provider-azurerm/lib/storage-account';
import { AzapiResource } from '../../lib/bindings/azapi/resource';
import { DataProtection, Policy, PolicyFinding, PolicyReport, ProductionReadiness, SecureBaseline } from '../../lib/policy';

export const RG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-own';
const BASE = { resourceGroupName: 'rg-own', location: 'westeurope' };

export function storage(stack: TerraformStack, id: string, overrides: Partial<StorageAccountConfig> = {}): StorageAccount {
  return new StorageAccount(stack, id, {
    ...BASE, name: `st${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`, accountTier: 'Standard', accountReplicationType: 'GZRS',
    publicNetworkAccessEnabled: false, sharedAccessKeyEnabled: false, minTlsVersion: 'TLS1_2', allowNestedItemsToBePublic: false,
    networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] }, infrastructureEncryptionEnabled: true, localUserEnabled: false,
    blobProperties: { versioningEnabled: true, deleteRetentionPolicy: { days: 30 }, containerDeleteRetentionPolicy: { days: 30 } },
    lifecycle: { preventDestroy: true },
    ...overrides,
  });
}

export function keyVault(stack: TerraformStack, id: string, overrides: Partial<KeyVaultConfig> = {}): KeyVault {
  return new KeyVault(stack, id, {
    ...BASE, name: `kv-${id.toLowerCase()}`, tenantId: '00000000-0000-0000-0000-000000000001', skuName: 'standard',
    purgeProtectionEnabled: true, publicNetworkAccessEnabled: false, rbacAuthorizationEnabled: true,
    networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' }, lifecycle: { preventDestroy: true },
    ...overrides,
  });
}

export function containerRegistry(stack: TerraformStack, id: string, overrides: Partial<ContainerRegistryConfig> = {}): ContainerRegistry {
  return new ContainerRegistry(stack, id, {
    ...BASE, name: `cr${id.toLowerCase()}`, sku: 'Premium', publicNetworkAccessEnabled: false, lifecycle: { preventDestroy: true },
    ...overrides,
  });
}

/** A raw azapi_resource of ARM type `type` (api-version 2026-05-01) with `body`. */
export function azapi(stack: TerraformStack, id: string, type: string, body: Record<string, any>, extra: Record<string, any> = {}): AzapiResource {
  return new AzapiResource(stack, id, { type: `${type}@2026-05-01`, name: id.toLowerCase(), parentId: RG_ID, location: 'westeurope', body, ...extra });
}

export const ALL_PACKS = () => [new SecureBaseline(), new DataProtection(), new ProductionReadiness()];

/** The findings (suppressed or not) of rule `ruleId` on the resource `resource`. */
export function findingsOf(report: PolicyReport, ruleId: string, resource: { terraformResourceType: string; friendlyUniqueId: string }): PolicyFinding[] {
  const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
  return [...report.findings, ...report.suppressed].filter(f => f.ruleId === ruleId && f.address === address);
}

export function checkAll(stack: TerraformStack): PolicyReport {
  return Policy.check(stack, ...ALL_PACKS());
}
