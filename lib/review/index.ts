export {
  ManifestAcknowledgement, ManifestAssetLocation, ManifestAssetVersion, ManifestDeployment, ManifestEndpoint, ManifestMove,
  ManifestResource, ManifestTrafficShare, StackManifest,
} from './schema';
export {
  HazardLevel, ReviewDeploymentChange, ReviewEndpointChange, ReviewHazard, ReviewMetric, ReviewMove, ReviewResourceChange,
  ReviewResult, ReviewStack, ReviewTrafficRow, ReviewVersionChange,
} from './result';
export * from './review';
export * from './writer';
export { MovedResources, ResourceMove } from './moves';
export * from './pr-comment';
