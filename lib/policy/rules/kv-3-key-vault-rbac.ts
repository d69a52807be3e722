import { PolicyLevel } from '../level';
import { ARM, defineRule, expectValue } from '../rule';

// azurerm 4.x defaults to access policies; access policies grant per vault and bypass Azure RBAC and PIM.
export const KV_3 = defineRule({
  id: 'MLOPS-KV-3',
  level: PolicyLevel.ERROR,
  rule: 'Key Vaults use the Azure RBAC permission model, not access policies',
  fix: 'set rbac_authorization_enabled = true (azapi: properties.enableRbacAuthorization = true) and grant Key Vault data roles',
  anchors: {
    azurePolicy: ['12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5 ([Preview]: Azure Key Vault should use RBAC permission model)'],
    design: ['DESIGN.md secure baseline: Key Vault with RBAC'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_key_vault', ARM.KEY_VAULT],
  check: (r) => {
    if (r.azureType) return expectValue(r.body, 'properties.enableRbacAuthorization', true);
    // The attribute was renamed in azurerm 4.x; either spelling counts.
    return r.config.enable_rbac_authorization === true ? undefined : expectValue(r.config, 'rbac_authorization_enabled', true);
  },
});
