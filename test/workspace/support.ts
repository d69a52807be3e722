import { TerraformStack, Testing } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MlopsProviders } from '../../lib/core/providers';
import { Workspace, WorkspaceProps } from '../../lib/workspace';
import { Template } from '../support/template';

export const SUB = '00000000-0000-0000-0000-000000000000';
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
export const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`;

/** A stack with providers. `Template.synth` checks every azapi body against Azure's types (synth fails on an invalid one). */
export function mlStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  MlopsProviders.configure(stack);
  return stack;
}

/** A workspace in an existing resource group, with `props` on top of the minimum. */
export function workspaceIn(stack: TerraformStack, props: Partial<WorkspaceProps> = {}, id = 'ml'): Workspace {
  return new Workspace(stack, id, { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', environment: 'prod', ...props });
}

/** A workspace in a resource group created in the same stack. */
export function workspaceWithRg(stack: TerraformStack, props: Partial<WorkspaceProps> = {}): Workspace {
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' });
  return new Workspace(stack, 'ml', { resourceGroup: rg, prefix: 'churn', environment: 'prod', ...props });
}

export function synth(stack: TerraformStack): Template {
  return Template.synth(stack);
}

/** The annotations of `level` anywhere in the stack. */
export function annotations(stack: TerraformStack, level: string): string[] {
  return stack.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === level).map(m => String(m.data)));
}

export const ROLE = (guid: string) => `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
