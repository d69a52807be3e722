export { IRegistry, RegistryAttributes, RegistryBase } from './registry-base';
export * from './registry';
