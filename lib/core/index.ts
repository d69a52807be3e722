export * from './api-versions';
export * from './arm-id';
export * from './naming';
export * from './providers';
export * from './rbac';
export { Problem } from './errors';
