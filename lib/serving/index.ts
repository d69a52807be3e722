// Serving: managed online endpoints and deployments with ordered traffic, batch endpoints, promotion gates.
export * from './auth-mode';
export { AutoscaleMetric, AutoscaleOptions, AutoscaleRule, ScaleDirection } from './autoscale';
export * from './batch-endpoint';
export * from './deployment-model';
export * from './instance-type';
export {
  DataCollectionOptions, DataCollectionRollingRate, IOnlineDeployment, OnlineDeployment, OnlineDeploymentOptions,
  OnlineDeploymentProps, OnlineRequestSettings, ProbeOptions,
} from './online-deployment';
export * from './online-endpoint';
export { MetricComparison, MetricThreshold, PromotionGate, PromotionPolicy, PromotionPolicyProps } from './promotion';
export { Traffic, TrafficWeight } from './traffic';
