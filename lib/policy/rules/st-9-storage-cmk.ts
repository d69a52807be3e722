import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// Advice only: Microsoft-managed keys are the default and meet most needs; CMK adds a Key Vault key to operate.
export const ST_9 = defineRule({
  id: 'MLOPS-ST-9',
  level: PolicyLevel.INFO,
  rule: 'Storage accounts that hold regulated data are encrypted with a customer-managed key',
  fix: 'add a customer_managed_key block (or azurerm_storage_account_customer_managed_key) when your compliance regime asks for CMK',
  anchors: {
    checkov: ['CKV2_AZURE_1'],
    azurePolicy: ['6fac406b-40ca-413b-bf8e-0bf964659c25 (Storage accounts should use customer-managed key for encryption)'],
    mcsb: ['DP-5'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r, facts) => {
    if (r.azureType) return at(r.body, 'properties.encryption.keySource') === 'Microsoft.Keyvault' ? undefined : { subject: 'properties.encryption.keySource', value: at(r.body, 'properties.encryption.keySource') };
    if (at(r.config, 'customer_managed_key') !== undefined || facts.hasCustomerManagedKey(r.address)) return undefined;
    return { subject: 'customer_managed_key', value: undefined };
  },
});
