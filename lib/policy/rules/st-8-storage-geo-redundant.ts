import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

const GEO = ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

export const ST_8 = defineRule({
  id: 'MLOPS-ST-8',
  level: PolicyLevel.WARNING,
  rule: 'Storage accounts replicate to a second region (GRS, RA-GRS, GZRS or RA-GZRS)',
  fix: 'set account_replication_type = "GZRS" (azapi: sku.name = "Standard_GZRS"); changing LRS/GRS to ZRS/GZRS replaces the account',
  anchors: {
    checkov: ['CKV_AZURE_206'],
    azurePolicy: ['bf045164-79ba-4215-8f95-f8048dc1780b (Geo-redundant storage should be enabled for Storage Accounts)'],
    design: ['DESIGN.md secure baseline: geo-zone-redundant replication'],
  },
  packs: ['DataProtection'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => {
    const [subject, raw] = r.azureType ? ['sku.name', at(r.body, 'sku.name')] : ['account_replication_type', at(r.config, 'account_replication_type')];
    if (isUnknown(raw)) return undefined;
    const kind = typeof raw === 'string' ? raw.replace(/^(Standard|Premium)_/, '').toUpperCase() : raw;
    return GEO.includes(kind as string) ? undefined : { subject, value: raw };
  },
});
