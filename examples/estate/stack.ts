// A production Azure ML estate in one stack: everything examples/platform (the main example) spreads over a
// registry stack, a dev and a prod stack, here in one place.
//
// Creates: a resource group; a secure workspace (private storage, Key Vault, ACR, Log Analytics and Application
// Insights, managed network, identity-based datastores, diagnostics, delete locks); a CPU compute cluster that
// scales to zero; the `churn` model with three versions registered from training-job outputs, with lineage and
// metrics; an Azure ML registry (two regions) into which version 3 is promoted; a managed online endpoint serving
// version 3 (from the registry) and version 4 at 90/10 with version 5 shadowing 20% of requests, behind a promotion
// gate; and a batch endpoint scoring with version 3 on the cluster.
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import {
  BatchEndpoint, DeploymentModel, MetricComparison, MetricThreshold, MlopsProviders, ModelSource, ModelStage,
  ModelType, OnlineEndpoint, Principal, PromotionPolicy, Registry, Traffic, VersionLock, Workspace,
} from 'cdktf-azure-mlops';

export interface EstateStackProps {
  /** The committed lock file that pins each released version's content; changing one then fails synth. */
  readonly lockFile?: string;
}

export class EstateStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: EstateStackProps = {}) {
    super(scope, id);
    MlopsProviders.configure(this);
    if (props.lockFile) VersionLock.configure(this, { path: props.lockFile });

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-churn-estate', location: 'westeurope' });
    const workspace = new Workspace(this, 'Workspace', { resourceGroup: rg, prefix: 'churn', environment: 'prod' });
    const cluster = workspace.addComputeCluster('cpu', { maxNodes: 4 });
    workspace.grantDataScientist(Principal.group('11111111-1111-1111-1111-111111111111', 'data-scientists'));

    // Every version says what produced it and how good it is; version strings never change meaning.
    const churn = workspace.addModel('churn', { description: 'Customer churn classifier' });
    const version = (v: string, job: string, stage: ModelStage, auc: number) => churn.addVersion(v, {
      source: ModelSource.fromJobOutput(job, { path: 'model' }),
      modelType: ModelType.MLFLOW,
      stage,
      metrics: { auc, f1: auc - 0.1 },
      lineage: { trainingJob: job, sourceCommit: `c0ffee${v}`, hyperparameters: { max_depth: '6' } },
    });
    const v3 = version('3', 'train-churn-41', ModelStage.PRODUCTION, 0.87);
    const v4 = version('4', 'train-churn-42', ModelStage.STAGING, 0.89);
    const v5 = version('5', 'train-churn-43', ModelStage.DEVELOPMENT, 0.9);

    // The registry makes version 3 deployable from every workspace and region without retraining.
    const registry = new Registry(this, 'Registry', {
      name: 'mlr-churn', resourceGroupId: rg.id, location: 'westeurope', replicationLocations: ['northeurope'],
      logAnalyticsWorkspaceId: workspace.logAnalyticsWorkspaceId, // who read or wrote which version
    });
    const shared = registry.addModel('churn').addVersion('3', {
      source: ModelSource.fromWorkspaceModel(v3), stage: ModelStage.PRODUCTION,
    });

    const endpoint = new OnlineEndpoint(this, 'Endpoint', {
      workspace,
      endpointName: 'churn-estate-weu',
      production: true,
      promotionPolicy: new PromotionPolicy({
        minimumStage: ModelStage.STAGING,
        thresholds: [MetricThreshold.atLeast('auc', 0.85)],
        noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')],
      }),
    });
    const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(shared) });
    const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
    const shadow = endpoint.addDeployment('shadow', { model: DeploymentModel.fromModelVersion(v5) });
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    endpoint.mirror(shadow, 20);

    const batch = new BatchEndpoint(this, 'Batch', { workspace, endpointName: 'churn-estate-batch' });
    batch.addDeployment('nightly', {
      model: DeploymentModel.fromModelVersion(v3), computeId: cluster.computeId, isDefault: true, miniBatchSize: 20,
    });
  }
}
