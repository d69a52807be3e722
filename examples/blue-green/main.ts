// Blue/green with a canary and a shadow: synthesize with `npx cdktf synth --app "npx tsx --tsconfig tsconfig.dev.json
// examples/blue-green/main.ts"`.
//
// Creates a resource group, an Azure ML workspace (private, identity-based), the `churn` model with three MLflow
// versions, and a production online endpoint serving version 3 (blue) and version 4 (green) at 90/10, with version 5
// (shadow) receiving a 20% mirror of the requests. Azure ML grants the endpoint identity AcrPull and blob read on the
// workspace's registry and storage itself; one traffic patch, applied after every deployment, sets the split.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import {
  DeploymentModel, MetricComparison, MetricThreshold, MlopsProviders, Model, ModelSource, ModelStage, ModelType,
  OnlineEndpoint, PromotionPolicy, Traffic, Workspace,
} from 'cdktf-azure-mlops';

export class BlueGreenStack extends TerraformStack {
  public readonly endpoint: OnlineEndpoint;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);
    // Its own resource group: the estate example has rg-churn-prod, and default globally unique names are seeded by it.
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-churn-bluegreen', location: 'westeurope' });
    const workspace = new Workspace(this, 'ml', { resourceGroup: rg, prefix: 'churn', environment: 'prod' });
    // The workspace's container registry is private, so Azure ML builds the deployments' images on a cluster (it scales to zero).
    workspace.addComputeCluster('image-build', { maxNodes: 1 });

    const churn = Model.inWorkspace(workspace, 'churn');
    const version = (v: string, job: string, stage: ModelStage, auc: number) => churn.addVersion(v, {
      source: ModelSource.fromJobOutput(job, { path: 'model' }), modelType: ModelType.MLFLOW, stage, metrics: { auc },
    });
    const v3 = version('3', 'train-churn-41', ModelStage.PRODUCTION, 0.87);
    const v4 = version('4', 'train-churn-42', ModelStage.STAGING, 0.89);
    const v5 = version('5', 'train-churn-43', ModelStage.DEVELOPMENT, 0.9);

    this.endpoint = new OnlineEndpoint(this, 'churn-endpoint', {
      workspace,
      endpointName: 'churn-bluegreen-weu',
      production: true,
      // A version takes live traffic only from Staging on, with AUC >= 0.85, and no worse than the one it joins.
      promotionPolicy: new PromotionPolicy({
        minimumStage: ModelStage.STAGING,
        thresholds: [MetricThreshold.atLeast('auc', 0.85)],
        noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')],
      }),
    });
    const blue = this.endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
    const green = this.endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4) });
    const shadow = this.endpoint.addDeployment('shadow', { model: DeploymentModel.fromModelVersion(v5), instanceCount: 3 });

    this.endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    this.endpoint.mirror(shadow, 20);
  }
}

if (require.main === module) {
  const app = new App();
  new BlueGreenStack(app, 'blue-green');
  app.synth();
}
