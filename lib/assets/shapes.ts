// The runtime shapes of the asset layer's props (see lib/core/shape.ts): containers, versions and the version lock.
import { S, Shape } from '../core/shape';
import { ModelStage, ModelType } from './asset-refs';
import { DataType } from './data-asset';
import { OperatingSystem } from './environment';
import { VersionLockMode } from './version-lock';

const TAGS = S.map(S.string('"churn"'), '{ team: "ml" }');
const IWORKSPACE = S.ref('IWorkspace', ['workspaceId', 'location'], 'pass a Workspace, or one from Workspace.fromWorkspaceId');
const IREGISTRY = S.ref('IRegistry', ['registryId', 'registryName'], 'pass a Registry, or one from Registry.fromRegistryName');
const SOURCE = (cls: string, factories: string) => S.ref(cls, ['bind', 'kind'], `use ${factories}`).req;
const VERSION_REF = (name: string, key: string) => S.ref(name, [key, 'version', 'assetId'], `pass a ${name.slice(1)} (what addVersion returns)`);

const CONTAINER = { name: S.string('"churn"'), description: S.string(), tags: TAGS, preventDestroy: S.boolean() };
const PLACEMENT = { workspace: IWORKSPACE, registry: IREGISTRY };
const VERSION = { description: S.string(), tags: TAGS, properties: S.map(S.string('"value"'), '{ source: "ci" }'), archived: S.boolean(), preventDestroy: S.boolean() };

const container = (name: string, extra: { [field: string]: Shape } = {}) => S.struct(name, { ...CONTAINER, ...PLACEMENT, ...extra });

export const MODEL_PROPS = container('ModelProps');
export const ENVIRONMENT_PROPS = container('EnvironmentProps');
export const CODE_ASSET_PROPS = container('CodeAssetProps');
export const DATA_ASSET_PROPS = container('DataAssetProps', { dataType: S.enumLike(() => DataType).req });

export const MODEL_VERSION_PROPS = S.struct('ModelVersionProps', {
  // What addVersion adds to the options (checked by the constructor itself).
  model: S.any(), version: S.any(),
  ...VERSION,
  source: SOURCE('ModelSource', 'ModelSource.fromLocalPath(...), .fromJobOutput(...), .fromUri(...) or .fromWorkspaceModel(...)'),
  modelType: S.enumLike(() => ModelType),
  stage: S.enumLike(() => ModelStage, 'name'),
  metrics: S.map(S.any(), '{ auc: 0.91 }'), // values: checkLineageAndMetrics names non-finite ones
  lineage: S.struct('ModelLineage', {
    trainingJob: S.string(), data: S.list(VERSION_REF('IDataVersion', 'dataName')), dataAssetIds: S.list(S.string()),
    environment: VERSION_REF('IEnvironmentVersion', 'environmentName'), code: VERSION_REF('ICodeVersion', 'codeName'),
    sourceCommit: S.string(), sourceRepository: S.string(), hyperparameters: S.map(S.string('"0.1"'), '{ lr: "0.1" }'),
  }),
});

const ROUTE = S.struct('InferenceRoute', { path: S.string('"/score"').req, port: S.number('5001').req });
export const ENVIRONMENT_VERSION_PROPS = S.struct('EnvironmentVersionProps', {
  // What addVersion adds to the options (checked by the constructor itself).
  environment: S.any(), version: S.any(),
  ...VERSION,
  source: SOURCE('EnvironmentSource', 'EnvironmentSource.fromImage(...) or .fromBuildContext(...)'),
  inferenceRoutes: S.struct('InferenceRoutes', { liveness: ROUTE.req, readiness: ROUTE.req, scoring: ROUTE.req, startup: ROUTE }),
  operatingSystem: S.enumLike(() => OperatingSystem),
});

export const DATA_VERSION_PROPS = S.struct('DataVersionProps', {
  // What addVersion adds to the options (checked by the constructor itself).
  dataAsset: S.any(), version: S.any(),
  ...VERSION,
  source: SOURCE('DataSource', 'DataSource.fromLocalPath(...), .fromDatastore(...) or .fromUri(...)'),
  referencedUris: S.list(S.string('"azureml://datastores/x/paths/y"')),
});

export const CODE_VERSION_PROPS = S.struct('CodeVersionProps', {
  // What addVersion adds to the options (checked by the constructor itself).
  codeAsset: S.any(), version: S.any(),
  ...VERSION,
  source: SOURCE('CodeSource', 'CodeSource.fromLocalPath(...) or .fromUri(...)'),
});

export const VERSION_LOCK_PROPS = S.struct('VersionLockProps', {
  path: S.string('"asset-versions.lock.json"').req,
  mode: S.enumLike(() => VersionLockMode),
});

