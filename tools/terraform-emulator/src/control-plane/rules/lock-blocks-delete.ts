import { isType, LOCK, refuse, type Rule } from './rule';
import { lockLevel, locksGoverning } from './locks';

/**
 * A CanNotDelete or ReadOnly lock blocks deleting the locked resource, every resource under it (children inherit
 * the lock), and any parent whose deletion would take the locked resource with it. Removing the lock itself is
 * allowed (to those with rights on locks).
 */
export const lockBlocksDelete: Rule = {
  name: 'lock-blocks-delete',
  source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources',
  onDelete(cloud, target) {
    if (isType(target, LOCK)) return;
    const lock = locksGoverning(cloud, target.id, { includeBelow: true }).find((l) => lockLevel(l) !== undefined);
    if (lock) {
      refuse(this, 409, 'ScopeLocked', `The scope '${target.id}' cannot perform delete operation because following scope(s) are locked: '${lock.id}'. Please remove the lock and try again.`);
    }
  },
};
