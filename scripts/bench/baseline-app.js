// The yardstick: an empty cdktf app with one azurerm resource, imported by deep path as this library does.
const { App, TerraformStack } = require('cdktf');
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { ResourceGroup } = require('@cdktf/provider-azurerm/lib/resource-group');

const app = new App();
const stack = new TerraformStack(app, 'baseline');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new ResourceGroup(stack, 'rg', { name: 'rg-baseline', location: 'westeurope' });
app.synth();
