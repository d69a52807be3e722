// The smallest workspace: quoted at the top of lib/workspace/README.md, type-checked and synthesized by the tests.
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MlopsProviders, Workspace } from 'cdktf-azure-mlops';

export class MinimalWorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-churn-dev', location: 'westeurope' });

    // Creates the workspace with its storage, Key Vault, Log Analytics, Application Insights and container registry:
    // private, identity-based, monitored and protected by default.
    new Workspace(this, 'ml', { resourceGroup: rg, prefix: 'churn', environment: 'dev' });
  }
}
