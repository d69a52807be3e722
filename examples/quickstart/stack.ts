import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { AzapiResource } from '../../lib/bindings/azapi';
import { MlopsProviders, mlType } from '../../lib/core';

/** The quickstart: providers configured once, a resource group, and an Azure ML registry through azapi. */
export class QuickstartStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    MlopsProviders.configure(this);

    const rg = new ResourceGroup(this, 'rg', { name: 'rg-mlops-quickstart', location: 'westeurope' });

    new AzapiResource(this, 'registry', {
      type: mlType('registries'),
      name: 'mlr-quickstart',
      parentId: rg.id,
      location: rg.location,
      identity: { type: 'SystemAssigned' },
      body: {
        properties: {
          publicNetworkAccess: 'Disabled',
          regionDetails: [{
            location: 'westeurope',
            acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: 'Premium' } }],
            storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType: 'Standard_LRS', storageAccountHnsEnabled: false } }],
          }],
        },
      },
    });
  }
}
