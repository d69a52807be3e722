import { idKey, sameId } from '../ids';
import type { ArmResource, JsonObject } from '../model';
import { isType, refuse, ROLE_ASSIGNMENT, stringAt, type Rule } from './rule';

/** Two assignments are the same grant when scope, role definition (by GUID) and principal match. */
function grantKey(scope: string, body: JsonObject): string {
  const role = (stringAt(body, 'properties', 'roleDefinitionId') ?? '').split('/').pop() ?? '';
  return [idKey(scope), role.toLowerCase(), (stringAt(body, 'properties', 'principalId') ?? '').toLowerCase()].join('|');
}

function scopeOf(assignment: { id: string; body: JsonObject }): string {
  return stringAt(assignment.body, 'properties', 'scope') ?? assignment.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '');
}

/**
 * A role assignment identical (scope, role, principal) to an existing one, under another name, fails with 409
 * RoleAssignmentExists: the PUT is not idempotent across names. This includes the assignments Azure ML makes
 * itself for an endpoint's system-assigned identity.
 */
export const roleAssignmentUnique: Rule = {
  name: 'role-assignment-unique',
  source: 'https://github.com/hashicorp/terraform-provider-azurerm/issues/17421',
  onWrite(cloud, write) {
    if (write.prior || !isType(write.type, ROLE_ASSIGNMENT)) return;
    const key = grantKey(scopeOf(write), write.body);
    const existing = cloud.list().find((r: ArmResource) => isType(r, ROLE_ASSIGNMENT) && !sameId(r.id, write.id)
      && grantKey(scopeOf(r), r.body) === key);
    if (existing) refuse(this, 409, 'RoleAssignmentExists', `The role assignment already exists. (${existing.id})`);
  },
};
