import { isType, LOCK, refuse, type Rule } from './rule';
import { lockLevel, locksGoverning } from './locks';

/** A ReadOnly lock blocks every write (PUT or PATCH) to the locked resource and to the resources under it. */
export const readOnlyLockBlocksWrite: Rule = {
  name: 'read-only-lock-blocks-write',
  source: 'https://learn.microsoft.com/azure/azure-resource-manager/management/lock-resources',
  onWrite(cloud, write) {
    if (isType(write.type, LOCK)) return;
    const lock = locksGoverning(cloud, write.id, { includeBelow: false }).find((l) => lockLevel(l) === 'ReadOnly');
    if (lock) {
      refuse(this, 409, 'ScopeLocked', `The scope '${write.id}' cannot perform write operation because following scope(s) are locked: '${lock.id}'. Please remove the lock and try again.`);
    }
  },
};
