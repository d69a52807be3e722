import type { ArmResource } from '../model';
import { stringAt } from './rule';

/** Whether a workspace isolates outbound traffic in a managed network (`isolationMode` other than Disabled). */
export function hasManagedNetwork(workspace: ArmResource): boolean {
  const mode = stringAt(workspace.body, 'properties', 'managedNetwork', 'isolationMode');
  return mode !== undefined && mode.toLowerCase() !== 'disabled';
}

/** Azure reports a provisioned managed network as `managedNetwork.status.status = Active` (else `Inactive`). */
export function managedNetworkProvisioned(workspace: ArmResource): boolean {
  return stringAt(workspace.body, 'properties', 'managedNetwork', 'status', 'status') === 'Active';
}
