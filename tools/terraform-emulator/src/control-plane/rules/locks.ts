import { isAtOrUnder, parentIdOf } from '../ids';
import type { ArmResource } from '../model';
import { isType, LOCK, stringAt, type CloudView } from './rule';

export type LockLevel = 'CanNotDelete' | 'ReadOnly';

/** The scope a management lock applies to: the id it is attached under. */
export function lockScope(lock: ArmResource): string {
  return parentIdOf(lock.id);
}

/**
 * Locks that govern `id`: those at its scope or any scope above it (locks are inherited by child resources),
 * and, for a delete, those below it too (deleting a parent deletes what the lock protects).
 */
export function locksGoverning(cloud: CloudView, id: string, opts: { includeBelow: boolean }): ArmResource[] {
  return cloud.list().filter((r) => isType(r, LOCK) && (
    isAtOrUnder(id, lockScope(r)) || (opts.includeBelow && isAtOrUnder(lockScope(r), id))));
}

export function lockLevel(lock: ArmResource): LockLevel | undefined {
  const level = stringAt(lock.body, 'properties', 'level');
  return level === 'CanNotDelete' || level === 'ReadOnly' ? level : undefined;
}
