export { TerraformEmulator, dependencyOrder, type TerraformEmulatorOptions } from './emulator';
export { EmulatedStack, type Plan, type PlanJson, type ResourceChange } from './stack';
export { TerraformCommandError, terraformVersion, type TerraformRun } from './terraform';
export { LOCAL_PROVIDERS, installLocalProviders } from './mirror';
