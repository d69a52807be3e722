// Serving: managed online endpoints and deployments with ordered traffic, batch endpoints, promotion gates.
export * from './asset-references';
export * from './auth-mode';
export * from './autoscale';
export * from './batch-endpoint';
export * from './deployment-model';
export * from './instance-type';
export * from './online-deployment';
export * from './online-endpoint';
export * from './promotion';
export * from './traffic';
