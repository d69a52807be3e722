// cdktf-azure-mlops: the jsii entry point. Each concern lives in its own folder under lib/ and can be imported
// directly (e.g. `cdktf-azure-mlops/lib/core`) so an app loads only what it uses.
export * as azapi from './bindings/azapi';
export * from './core';
export * from './validation/azapi-schema-validation';
export * as azuredevops from './bindings/azuredevops';
export * from './pipelines';
export * from './workspace';
export * from './assets';
export * from './registry';
export * from './serving';
export * from './review';
export * from './yaml';
