// What the pipeline checks in each deployed stack of the app, at synth: facts about where it runs and with whose
// rights that Terraform would otherwise report only at plan or apply, on the agent.
import { AzurermBackend, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { isToken, Validator } from '../core/validation';
import { ResolvedStack } from './model';

/** The azurerm backend settings of a stack, if it has one. */
export function azurermBackendOf(stack: TerraformStack): { [key: string]: any } | undefined {
  const backend = stack.node.findAll().find((c): c is AzurermBackend => c instanceof AzurermBackend);
  if (!backend) return undefined;
  return (backend.toTerraform() as any).terraform?.backend?.azurerm;
}

function resourcesOf(stack: TerraformStack, type: string): TerraformResource[] {
  return stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === type);
}

function storageDataPlaneAvailable(stack: TerraformStack): boolean {
  const providers = stack.node.findAll().filter((c): c is AzurermProvider => c instanceof AzurermProvider);
  // azurerm's default is true: it calls blob/queue/file endpoints while reading storage accounts.
  return !providers.some(p => {
    const features = p.featuresInput as any[] | undefined;
    return (features ?? []).some(f => (f.storage ?? f.storage_ ?? []).some((s: any) => s.dataPlaneAvailable === false || s.data_plane_available === false));
  });
}

/**
 * Checks one deployed stack against its stage.
 *
 * Hosted agent and private storage (`agentPool` unset), from what the stack declares:
 *
 * | storage refusing public access | `azurerm_storage_blob` | `storageDataPlaneAvailable` | Result |
 * |---|---|---|---|
 * | none | none | any | OK |
 * | some | none | `false` | OK: azurerm manages storage through ARM only |
 * | some | none | `true` (azurerm's default) | ERROR: plan's refresh reads the data plane and gets 403 |
 * | some | some | any | ERROR: every upload is a data-plane call and gets 403 |
 * | none | some | any | OK (the account is reachable from the internet) |
 *
 * With `agentPool` set, the pool is trusted to be inside the network (the library cannot see the network).
 * The fix is the user's (a pool inside the network), so this is an error, not a warning: the first plan or apply
 * would fail anyway, with a 403 that does not name the cause.
 * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/features-block (storage.data_plane_available)
 */
export function checkStackAgainstStage(v: Validator, stack: TerraformStack, s: ResolvedStack): void {
  const at = `stacks.${s.name}`;
  const o = s.stage.options;

  // State: one container per stage, so prod's state has its own RBAC.
  const backend = azurermBackendOf(stack);
  const want = o.stateContainer;
  // Names that are tokens (the container created in the DevOps stack) are known only at apply: not compared.
  if (backend && want && ![want.storageAccountName, want.containerName, want.resourceGroupName].some(isToken)) {
    const same = backend.storage_account_name === want.storageAccountName && backend.container_name === want.containerName &&
      backend.resource_group_name === want.resourceGroupName;
    v.check(same, () => ({
      subject: `${at}`, value: `${backend.storage_account_name}/${backend.container_name}`,
      rule: `keeps its state outside stage ${s.stage.name}'s state container ${want.storageAccountName}/${want.containerName}, ` +
        'where the stage\'s identities have no data role',
      fix: `configure remote state with { resourceGroupName: "${want.resourceGroupName}", storageAccountName: "${want.storageAccountName}", containerName: "${want.containerName}" }`,
    }));
  }

  // A resource group the identities' roles are on cannot be created by them (that needs write on the subscription).
  const rg = o.azure.resourceGroupName;
  if (rg) {
    const creates = resourcesOf(stack, 'azurerm_resource_group').find(r => (r as any).nameInput === rg);
    v.check(!creates, () => ({
      subject: at, value: JSON.stringify(rg),
      rule: `creates resource group ${rg}, but stage ${s.stage.name}'s identities have their roles on that group only: ` +
        'they cannot create it, and the role assignments need it to exist before the DevOps stack is applied',
      fix: `create ${rg} before the DevOps stack (az group create) and reference it (DataAzurermResourceGroup), or drop azure.resourceGroupName to scope the stage to its subscription`,
    }));
  }

  // Private storage from a Microsoft-hosted agent.
  if (o.agentPool === undefined) {
    const privateAccounts = stack.node.findAll().filter((c): c is StorageAccount => c instanceof StorageAccount &&
      c.publicNetworkAccessEnabledInput === false);
    if (privateAccounts.length > 0) {
      const blobs = resourcesOf(stack, 'azurerm_storage_blob');
      const dataPlane = storageDataPlaneAvailable(stack);
      const names = privateAccounts.map(a => (a as IConstruct).node.path).join(', ');
      v.check(blobs.length === 0, () => ({
        subject: at, value: `${blobs.length} azurerm_storage_blob`,
        rule: `uploads blobs, and its storage (${names}) refuses public network access: from a Microsoft-hosted agent every upload fails with 403`,
        fix: `set stages.${s.stage.name}.agentPool to a self-hosted agent pool inside the storage's network`,
      }));
      v.check(blobs.length > 0 || !dataPlane, () => ({
        subject: at, value: names,
        rule: 'has storage that refuses public network access, and azurerm reads its data plane while planning (features.storage.data_plane_available): ' +
          'from a Microsoft-hosted agent the plan fails with 403',
        fix: `set stages.${s.stage.name}.agentPool to a self-hosted agent pool inside the network, or MlopsProviders.configure(stack, { storageDataPlaneAvailable: false })`,
      }));
    }
  }
}
