// The public surface only: helpers shared between modules (grantRole, stableSuffix, ...) are imported from their
// module by the library itself and stay out of the package's API.
export { ApiVersions } from './api-versions';
export * from './arm-id';
export { NameBuilder, NamingRule, NamingRules } from './naming';
export { MlopsProviders, MlopsProvidersProps, RemoteStateOptions } from './providers';
export { BuiltInRole, IPrincipal, Principal } from './rbac';
export { MlopsValidationError, Problem } from './errors';
