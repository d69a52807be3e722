import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

// Private endpoints and network rules on a container registry need the Premium SKU.
// https://learn.microsoft.com/azure/container-registry/container-registry-private-link
export const CR_4 = defineRule({
  id: 'MLOPS-CR-4',
  level: PolicyLevel.ERROR,
  rule: 'Container registries use the Premium SKU, the only one that supports private link',
  fix: 'set sku = "Premium" (azapi: sku.name = "Premium")',
  anchors: {
    azurePolicy: ['bd560fc0-3c69-498a-ae9f-aa8eb7de0e13 (Container registries should have SKUs that support Private Links)'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_container_registry', ARM.CONTAINER_REGISTRY],
  check: (r) => {
    const [subject, value] = r.azureType ? ['sku.name', at(r.body, 'sku.name')] : ['sku', at(r.config, 'sku')];
    return isUnknown(value) || value === 'Premium' ? undefined : { subject, value };
  },
});
