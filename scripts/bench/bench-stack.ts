// The stack the synthetic benchmark apps build on: one stack with the providers configured and an existing workspace
// (imported by attributes, so what is timed is the constructs under test, not a workspace's dependencies).
import { App, TerraformStack } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { IWorkspace, WorkspaceAttributes } from '../../lib/workspace/workspace-base';
import { Workspace } from '../../lib/workspace/workspace';

export const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench';

/** A new app with the `bench` stack and its workspace `mlw-bench`; `extra` adds attributes (storage, registry ids). */
export function benchStack(extra: Partial<WorkspaceAttributes> = {}): { app: App; stack: TerraformStack; workspace: IWorkspace } {
  const app = new App();
  const stack = new TerraformStack(app, 'bench');
  MlopsProviders.configure(stack);
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'ws', {
    workspaceId: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-bench`,
    location: 'westeurope',
    artifactStore: {
      storageAccountId: `${RG}/providers/Microsoft.Storage/storageAccounts/stbench`,
      storageAccountName: 'stbench', containerName: 'model-artifacts', datastoreName: 'model_artifacts',
    },
    ...extra,
  });
  return { app, stack, workspace };
}
