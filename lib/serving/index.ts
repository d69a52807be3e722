// Serving: managed online endpoints and deployments with ordered traffic, batch endpoints, promotion gates.
export * from './asset-references';
export * from './auth-mode';
export { AutoscaleMetric, AutoscaleOptions, AutoscaleRule, ScaleDirection } from './autoscale';
export * from './batch-endpoint';
export * from './deployment-model';
export * from './instance-type';
export {
  ContainerResourceQuantities, DataCollectionOptions, DataCollectionRollingRate, IOnlineDeployment, KubernetesResources,
  OnlineDeployment, OnlineDeploymentOptions, OnlineDeploymentProps, OnlineRequestSettings, ProbeOptions,
  TargetUtilizationScaling,
} from './online-deployment';
export * from './online-endpoint';
export { MetricComparison, MetricThreshold, PromotionGate, PromotionPolicy, PromotionPolicyProps } from './promotion';
export { Traffic, TrafficWeight } from './traffic';
