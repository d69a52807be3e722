import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm defaults allow_nested_items_to_be_public to true: any container could then be made anonymous-readable.
export const ST_5 = defineRule({
  id: 'MLOPS-ST-5',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts forbid anonymous (public) blob access',
  fix: 'set allow_nested_items_to_be_public = false (azapi: properties.allowBlobPublicAccess = false)',
  anchors: {
    checkov: ['CKV_AZURE_190'],
    azurePolicy: ['4fa4b6c0-31ca-4c0d-b10d-24b96f62a751 (Storage account public access should be disallowed)'],
    design: ['DESIGN.md secure baseline: no blob public access'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => r.azureType
    ? expectValue(r.body, 'properties.allowBlobPublicAccess', false)
    : expectValue(r.config, 'allow_nested_items_to_be_public', false),
});
