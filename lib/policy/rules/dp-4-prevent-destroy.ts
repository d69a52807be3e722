import { PolicyLevel } from '../level';
import { ARM, at, defineRule } from '../rule';

// A replaced or destroyed workspace is soft-deleted for 14 days with its name blocked; a registry's deleted versions
// can never be re-created; storage, Key Vault and ACR hold artifacts, keys and images (DESIGN.md).
export const DP_4 = defineRule({
  id: 'MLOPS-DP-4',
  level: PolicyLevel.ERROR,
  rule: 'Stateful resources (ML workspace and registry, storage account, Key Vault, container registry) have lifecycle prevent_destroy',
  fix: 'use Protection.PRODUCTION on the workspace (or set lifecycle { prevent_destroy = true } on your own resource)',
  anchors: {
    design: ['DESIGN.md secure baseline: locks and prevent_destroy on stateful resources in production'],
  },
  packs: ['DataProtection'],
  appliesTo: [
    'azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_machine_learning_workspace',
    ARM.WORKSPACE, ARM.REGISTRY, ARM.STORAGE, ARM.KEY_VAULT, ARM.CONTAINER_REGISTRY,
  ],
  check: (r) => at(r.config, 'lifecycle.prevent_destroy') === true ? undefined : { subject: 'lifecycle.prevent_destroy', value: at(r.config, 'lifecycle.prevent_destroy') },
});
