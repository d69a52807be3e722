// Typed cdktf bindings for the Azure/azapi provider (v2.12.0), holding only the arguments this library uses.
export * from './provider';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export * from './shared';
