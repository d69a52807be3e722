// Typed cdktf bindings for the Azure/azapi provider (v2.12.0), holding only the arguments this library uses.
// The binding classes and their structs; the mappers and constants they share (shared.ts) stay internal.
export * from './provider';
export * from './resource';
export * from './update-resource';
export * from './resource-action';
export * from './structs';
