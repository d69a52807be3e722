// Azure DevOps pipelines as code: the project, per-stage service connections, environments, approvals and
// variable groups, and the pipeline YAML (Azure Pipelines and GitHub Actions) generated from the same model.
export * from './devops-project';
export { AzureScope, EndpointSmokeTest, PipelineStackOptions, PipelineStageOptions } from './model';
export * from './mlops-pipelines';
export { FederationSubject, PipelineIdentitiesOptions, StageIdentity, StageIdentityProps, StateContainer } from './identities';
