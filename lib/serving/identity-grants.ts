import { Construct, IConstruct } from 'constructs';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ArmId } from '../core/arm-id';
import { stableSuffix } from '../core/naming';
import { BuiltInRole, grantRole, IPrincipal } from '../core/rbac';
import { isToken } from '../core/validation';

/**
 * The role assignments an endpoint's identity needs to serve: one per (role, target), however many deployments ask
 * for it. Construct ids come from the target's name (or, for ids only known at apply, from a stable `hint`), so adding
 * or reordering deployments never replaces an assignment.
 * @internal
 */
export class EndpointIdentityGrants extends Construct {
  private readonly byTarget = new Map<string, RoleAssignment>();

  constructor(scope: Construct, id: string, private readonly principal: IPrincipal) {
    super(scope, id);
  }

  /**
   * Grants `role` on `targetId`; `hint` names the assignment when `targetId` is a token; `targetOwner` is the construct
   * that owns `targetId`, when known (its stack computes the parts of the id).
   */
  public grant(role: BuiltInRole, targetId: string, hint: string, targetOwner?: IConstruct): RoleAssignment {
    const key = `${role.key}|${targetId}`;
    const existing = this.byTarget.get(key);
    if (existing) return existing;
    const name = isToken(targetId) ? hint : `${ArmId.name(targetId)}-${stableSuffix(targetId.toLowerCase())}`;
    const target = new Construct(this, `${role.key}-${name}`);
    // No description: azurerm replaces an assignment when it changes, and a replaced grant breaks serving for minutes.
    const assignment = grantRole(target, targetId, role, this.principal, undefined, targetOwner);
    this.byTarget.set(key, assignment);
    return assignment;
  }

  public get all(): RoleAssignment[] {
    return [...this.byTarget.values()];
  }
}
