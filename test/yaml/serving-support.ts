// Shared by the serving loaders' tests: a stack with providers and an imported workspace with an artifact store
// (local folders upload there), and the reference fixtures' folder.
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { ModelType } from '../../lib/assets/asset-refs';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { MlopsProviders } from '../../lib/core/providers';
import { Workspace } from '../../lib/workspace/workspace';
import { IWorkspace } from '../../lib/workspace/workspace-base';
import { testStack } from '../support/template';

export const SUB = '00000000-0000-0000-0000-000000000000';
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
export const WS_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-churn`;
export const REFERENCE = path.join(__dirname, '..', 'fixtures', 'yaml-serving', 'reference');
export const ref = (p: string) => path.join(REFERENCE, p);

export function servingYamlStack(): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = testStack();
  MlopsProviders.configure(stack);
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID, location: 'westeurope',
    storageAccountId: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlchurn`,
    containerRegistryId: `${RG_ID}/providers/Microsoft.ContainerRegistry/registries/crmlchurn`,
    artifactStore: {
      storageAccountId: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlchurn`,
      storageAccountName: 'stmlchurn', containerName: 'model-artifacts', datastoreName: 'model_artifacts',
    },
  });
  return { stack, workspace };
}

/** Versions 2 and 3 of an MLflow model `churn`, declared in the app (what `azureml:churn@latest` pins to). */
export function declareChurn(workspace: IWorkspace) {
  const model = Model.inWorkspace(workspace, 'churn');
  const source = (v: string) => ModelSource.fromUri(`azureml://datastores/workspaceblobstore/paths/churn/${v}/`);
  model.addVersion('2', { source: source('2'), modelType: ModelType.MLFLOW });
  return model.addVersion('3', { source: source('3'), modelType: ModelType.MLFLOW });
}
