import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';

/** What `Protection.custom` takes. */
export interface ProtectionOptions {
  /** Add `lifecycle { prevent_destroy = true }` to the workspace, storage, Key Vault and container registry. */
  readonly preventDestroy: boolean;
  /** Add CanNotDelete management locks to the storage account, Key Vault and container registry it creates. */
  readonly lockDependencies: boolean;
  /**
   * Add a CanNotDelete management lock to the workspace. Locks are inherited by child resources: while it is on,
   * compute, endpoints, deployments and asset versions in the workspace cannot be deleted either.
   */
  readonly lockWorkspace: boolean;
}

/**
 * How hard the workspace and the stateful resources it creates are to destroy.
 *
 * Locks need `Microsoft.Authorization/locks/write` (Owner or User Access Administrator) for whoever applies.
 */
export class Protection {
  /** Nothing stops `terraform destroy`: for throwaway environments. */
  public static readonly DEVELOPMENT = new Protection('development', { preventDestroy: false, lockDependencies: false, lockWorkspace: false });
  /** `prevent_destroy` on the workspace, storage, Key Vault and ACR, and CanNotDelete locks on all four. */
  public static readonly PRODUCTION = new Protection('production', { preventDestroy: true, lockDependencies: true, lockWorkspace: true });

  /** A mix, e.g. production without the workspace lock so deployments can be retired without lifting a lock. */
  public static custom(options: ProtectionOptions): Protection {
    return new Protection('custom', options);
  }

  public readonly preventDestroy: boolean;
  public readonly lockDependencies: boolean;
  public readonly lockWorkspace: boolean;

  private constructor(public readonly name: string, options: ProtectionOptions) {
    this.preventDestroy = options.preventDestroy;
    this.lockDependencies = options.lockDependencies;
    this.lockWorkspace = options.lockWorkspace;
  }
}

/** Applies `protection` to a stateful resource created here: prevent_destroy, and a lock when `lock` is true. */
export function protect(scope: Construct, lockId: string, resource: TerraformResource, what: string,
  protection: Protection, lock: boolean): ManagementLock | undefined {
  if (protection.preventDestroy) resource.lifecycle = { ...resource.lifecycle, preventDestroy: true };
  if (!lock) return undefined;
  const resourceId = resource.getStringAttribute('id');
  return new ManagementLock(scope, lockId, {
    name: 'do-not-delete',
    scope: resourceId,
    lockLevel: 'CanNotDelete',
    notes: `Production ${what}: holds data or identity that cannot be recreated. Remove this lock (Protection.DEVELOPMENT) before deleting on purpose.`,
  });
}
