import type { ArmResource } from './model';

/** Everything the emulated Azure remembers between provider calls, as plain JSON (it is saved to a file). */
export interface CloudState {
  /** Stored resources by `idKey(id)`. */
  resources: { [idKey: string]: ArmResource };
  /** Ids (as `idKey`) that can never be created again once deleted, e.g. registry asset versions. */
  retired: { [idKey: string]: true };
}

export function emptyCloudState(): CloudState {
  return { resources: {}, retired: {} };
}
