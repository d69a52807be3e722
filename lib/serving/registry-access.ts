import { Annotations, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { requireStackOrder } from '../core/cross-stack';
import { MlopsValidationError } from '../core/errors';
import { IRegistry, registryIdAtSynth } from '../registry/registry-base';
import { OutboundRule } from '../workspace/network';
import type { IWorkspace } from '../workspace/workspace-base';

const SOURCE = 'https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#use-assets-from-registry-in-workspace';

/**
 * A workspace with a managed network reaches a registry closed to the public network only through a private endpoint
 * from that network: an outbound rule of type PrivateEndpoint to the registry, subresource `amlregistry`
 * (https://learn.microsoft.com/azure/machine-learning/how-to-registry-network-isolation#use-assets-from-registry-in-workspace;
 * the rule's shape: https://learn.microsoft.com/azure/machine-learning/how-to-managed-network#private-endpoint-outbound-rules).
 * Without it, a deployment serving one of the registry's versions cannot pull the model.
 *
 * | Workspace's managed network | Registry | What the deployment does |
 * |---|---|---|
 * | none (`Disabled`) or unknown | any | nothing: your VNet's private endpoints are yours |
 * | created here, isolated | private (`publicNetworkAccessEnabled` false, the default) | adds the rule `registry-<name>` (once) |
 * | created here, isolated | public | nothing |
 * | created here, isolated | imported, network access unknown | a warning: the rule may be needed |
 * | imported, isolated | private | ERROR (from `addOutboundRule`): add the rule where the workspace is created |
 * | any | in a stack that waits for the workspace's, id not known at synth | ERROR: the stacks would wait for each other |
 */
export function reachRegistryFromManagedNetwork(deployment: IConstruct, workspace: IWorkspace, registry: IRegistry | undefined): void {
  const mode = workspace.managedNetworkIsolationMode;
  if (registry === undefined || mode === undefined || mode.toLowerCase() === 'disabled') return;
  if (registry.publicNetworkAccessEnabled === true) return;
  if (registry.publicNetworkAccessEnabled === undefined) {
    Annotations.of(deployment).addWarning(`Registry '${registry.registryName}' may be closed to the public network: then workspace ` +
      `'${workspace.node.path}' (managed network ${mode}) reaches it only with an outbound PrivateEndpoint rule to it ` +
      `(subresource amlregistry). Import the registry with publicNetworkAccessEnabled to let the library tell (${SOURCE}).`);
    return;
  }
  workspace.addOutboundRule(OutboundRule.privateEndpoint(ruleName(registry.registryName), registryIdFor(deployment, workspace, registry), 'amlregistry'));
}

/** `registry-<name>`: outbound rule names are 3-255 letters, digits, `-` and `_`, as registry names are. */
function ruleName(registryName: string): string {
  return `registry-${registryName}`;
}

/** The registry's id as the workspace's stack can read it (the rule is in the workspace's body). */
function registryIdFor(deployment: IConstruct, workspace: IWorkspace, registry: IRegistry): string {
  const here = TerraformStack.of(workspace);
  const there = TerraformStack.of(registry);
  if (here === there) return registry.registryId;
  const literal = registryIdAtSynth(registry);
  if (literal !== undefined) return literal;
  if (there.dependsOn(here)) {
    throw new MlopsValidationError(deployment.node.path, 'deployment from a private registry', [{
      subject: `registry '${registry.node.path}'`, value: `stack '${there.node.id}'`,
      rule: `needs an outbound PrivateEndpoint rule in workspace '${workspace.node.path}' (${SOURCE}), but stack '${here.node.id}' ` +
        `cannot read the registry's id: stack '${there.node.id}' already waits for it`,
      fix: 'make the registry\'s id known at synth: give the Registry a literal resourceGroupId, or a ResourceGroup of its stack with ' +
        `a literal name and MlopsProviders.configure(stack, { subscriptionId }) on stack '${there.node.id}'`,
    }]);
  }
  requireStackOrder(workspace, there, `its managed network has an outbound rule to registry '${registry.node.path}'`);
  return registry.registryId;
}
