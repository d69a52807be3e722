import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import {
  DeploymentModel, MlopsProviders, ModelSource, ModelType, OnlineEndpoint, Traffic, Workspace,
} from 'cdktf-azure-mlops';

/** The smallest useful app: a secure workspace, one model version, and an endpoint serving it. */
export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-mlops-quickstart', location: 'westeurope' });
    const workspace = new Workspace(this, 'Workspace', { resourceGroup: rg, prefix: 'quickstart' });
    // The workspace's container registry is private, so Azure ML builds the endpoint's image on a cluster (it scales to zero).
    workspace.addComputeCluster('image-build', { maxNodes: 1 });

    const v1 = workspace.addModel('churn').addVersion('1', {
      source: ModelSource.fromJobOutput('train-churn-1', { path: 'model' }),
      modelType: ModelType.MLFLOW,
      metrics: { auc: 0.86 },
    });

    const endpoint = new OnlineEndpoint(this, 'Endpoint', { workspace, endpointName: 'churn-quickstart' });
    const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v1) });
    endpoint.routeTraffic(Traffic.allTo(blue));
  }
}
