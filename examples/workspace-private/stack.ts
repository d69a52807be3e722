import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { IsolationMode, MlopsProviders, OutboundRule, Protection, Workspace } from 'cdktf-azure-mlops';

/**
 * A network-isolated workspace: a VNet with a subnet for private endpoints; the workspace with public access off,
 * a managed network that allows only approved outbound traffic (PyPI and conda-forge for environment builds,
 * Azure Monitor), private endpoints with private DNS zones for the workspace, storage (blob, file), Key Vault and
 * container registry; and a CPU compute cluster in the managed network.
 *
 * It deploys with no inputs. Users reach studio from the VNet (a VPN, Bastion or peered network).
 */
export class WorkspacePrivateStack extends TerraformStack {
  public readonly workspace: Workspace;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);
    const rg = new ResourceGroup(this, 'rg', { name: 'rg-churn-private', location: 'westeurope' });

    const vnet = new VirtualNetwork(this, 'vnet', {
      name: 'vnet-churn-private', resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.20.0.0/16'],
    });
    const endpoints = new Subnet(this, 'endpoints', {
      name: 'snet-private-endpoints', resourceGroupName: rg.name, virtualNetworkName: vnet.name,
      addressPrefixes: ['10.20.1.0/24'],
      // No implicit internet egress from the subnet.
      defaultOutboundAccessEnabled: false,
    });

    this.workspace = new Workspace(this, 'ml', {
      resourceGroup: rg,
      prefix: 'churn',
      environment: 'prv',
      managedNetwork: {
        isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND,
        outboundRules: [
          OutboundRule.fqdn('pypi', 'pypi.org'),
          OutboundRule.fqdn('pythonhosted', 'files.pythonhosted.org'),
          OutboundRule.fqdn('conda-forge', 'conda.anaconda.org'),
          OutboundRule.serviceTag('azure-monitor', { serviceTag: 'AzureMonitor' }),
        ],
      },
      privateEndpoints: { subnetId: endpoints.id },
      // A demo you can destroy; drop this line for production (prevent_destroy and delete locks).
      protection: Protection.DEVELOPMENT,
    });

    this.workspace.addComputeCluster('cpu', { vmSize: 'Standard_DS3_v2', maxNodes: 2 });

    new TerraformOutput(this, 'workspace_id', { value: this.workspace.workspaceId });
    new TerraformOutput(this, 'mlflow_tracking_uri', { value: this.workspace.mlflowTrackingUri });
  }
}
