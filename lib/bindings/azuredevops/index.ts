// Typed cdktf bindings for the microsoft/azuredevops provider (v1.16.0), holding only the arguments this library uses.
export * from './provider';
export * from './project';
export * from './git-repository';
export * from './serviceendpoint-azurerm';
export * from './environment';
export * from './check-approval';
export * from './variable-group';
export * from './build-definition';
export * from './pipeline-authorization';
