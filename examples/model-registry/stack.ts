// A model promoted from a dev workspace into a shared registry, ready to deploy in every region of the registry.
//
// Creates: an Azure ML registry (westeurope + northeurope, private, protected from destroy, delete-locked, its
// resource logs to an existing Log Analytics workspace), a model version in the
// dev workspace uploaded content-addressed from ./model (an MLflow folder), its promotion into the registry, an
// environment version in the registry, and the grant that lets the prod workspace use the registry.
// The workspaces are imported by id: replace the ids with yours (or pass a Workspace created by this library).
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  EnvironmentSource, MlopsProviders, Model, ModelSource, ModelStage, ModelType, Principal, Registry, VersionLock,
  Workspace,
} from 'cdktf-azure-mlops';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mlops';

export class ModelRegistryStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: { lockFile?: string } = {}) {
    super(scope, id);
    MlopsProviders.configure(this);
    // Released versions are pinned in a committed lock file: changing the content of one fails synth.
    if (props.lockFile) VersionLock.configure(this, { path: props.lockFile });

    const dev = Workspace.fromWorkspaceAttributes(this, 'Dev', {
      workspaceId: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev`,
      location: 'westeurope',
      artifactStore: {
        storageAccountId: `${RG}/providers/Microsoft.Storage/storageAccounts/stmlwdev`,
        storageAccountName: 'stmlwdev', containerName: 'model-artifacts', datastoreName: 'model_artifacts',
      },
    });

    const registry = new Registry(this, 'Registry', {
      name: 'mlr-contoso', resourceGroupId: RG, location: 'westeurope', replicationLocations: ['northeurope'],
      // Who read or wrote which version: to an existing Log Analytics workspace (replace the id with yours).
      logAnalyticsWorkspaceId: `${RG}/providers/Microsoft.OperationalInsights/workspaces/log-contoso`,
    });
    registry.grantRead(Principal.servicePrincipal('22222222-2222-2222-2222-222222222222', 'mlw-prod'));

    const candidate = Model.inWorkspace(dev, 'churn').addVersion('3', {
      source: ModelSource.fromLocalPath(path.join(__dirname, 'model')),
      modelType: ModelType.MLFLOW,
      metrics: { auc: 0.91, f1: 0.78 },
      stage: ModelStage.STAGING,
      lineage: { trainingJob: 'train-churn-42', sourceCommit: '3f2a9c1', hyperparameters: { max_depth: '6' } },
    });

    registry.addModel('churn').addVersion('3', {
      source: ModelSource.fromWorkspaceModel(candidate),
      stage: ModelStage.PRODUCTION,
    });

    registry.addEnvironment('sklearn-inference').addVersion('1', {
      source: EnvironmentSource.fromImage('mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:20240708.v1'),
    });
  }
}
