// Typed cdktf bindings for the Azure/azapi provider (v2.12.0), holding only the arguments this library uses.
// Only the binding classes and their structs: the serializers beside them are the bindings' own.
export { AzapiProvider, AzapiProviderConfig } from './provider';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export { AzapiIdentity, AzapiOperationArguments, AzapiRetry, AzapiTimeouts } from './shared';
