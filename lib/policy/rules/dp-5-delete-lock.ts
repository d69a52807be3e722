import { PolicyLevel } from '../level';
import { ARM, defineRule } from '../rule';

// A warning: a lock needs Microsoft.Authorization/locks/write to create and is inherited by child resources, so a
// workspace lock also blocks retiring deployments (DESIGN.md). prevent_destroy (MLOPS-DP-4) guards Terraform; a lock
// guards against everything else (portal, CLI, another pipeline).
export const DP_5 = defineRule({
  id: 'MLOPS-DP-5',
  level: PolicyLevel.WARNING,
  rule: 'Stateful resources are covered by a CanNotDelete or ReadOnly management lock (on the resource or its resource group)',
  fix: 'use Protection.PRODUCTION on the workspace and keep the Registry default (deleteLock), or add an azurerm_management_lock with lock_level = "CanNotDelete" scoped to the resource',
  anchors: {
    design: ['DESIGN.md secure baseline: locks on stateful resources in production'],
  },
  packs: ['DataProtection'],
  appliesTo: [
    'azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_machine_learning_workspace',
    ARM.WORKSPACE, ARM.REGISTRY, ARM.STORAGE, ARM.KEY_VAULT, ARM.CONTAINER_REGISTRY,
  ],
  check: (r, facts) => facts.isLocked(r) ? undefined : { subject: 'azurerm_management_lock', value: undefined },
});
