import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { EnvironmentYaml, MlopsProviders, ModelYaml, OnlineEndpointYaml, Workspace } from 'cdktf-azure-mlops';

const YAML = path.join(__dirname, 'yaml');

/**
 * A model served from a folder of Azure ML CLI v2 YAML: the model and environment files, the endpoint file and its
 * blue deployment, loaded into a secure workspace created here.
 */
export class FromYamlStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-mlops-from-yaml', location: 'westeurope' });
    const workspace = new Workspace(this, 'Workspace', { resourceGroup: rg, prefix: 'fromyaml' });
    // The workspace's container registry is private, so Azure ML builds the environment's image on a cluster.
    workspace.addComputeCluster('image-build', { maxNodes: 1 });

    ModelYaml.inWorkspace(workspace, path.join(YAML, 'model.yml'));
    EnvironmentYaml.inWorkspace(workspace, path.join(YAML, 'environment.yml'));
    const endpoint = OnlineEndpointYaml.load(this, 'Endpoint', { workspace, file: path.join(YAML, 'endpoint.yml') });
    OnlineEndpointYaml.addDeployment(endpoint, path.join(YAML, 'blue-deployment.yml'));
  }
}
