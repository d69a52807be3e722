// The runtime shapes of the serving layer's props (see lib/core/shape.ts): endpoints, deployments, autoscale and
// the Traffic factories.
import { S, Shape } from '../core/shape';
import { USER_ASSIGNED_IDENTITY } from '../workspace/shapes';
import { EndpointAuthMode } from './auth-mode';
import { AutoscaleMetric, ScaleDirection } from './autoscale';
import { BatchLoggingLevel, BatchOutputAction } from './batch-endpoint';
import { InstanceType } from './instance-type';
import { DataCollectionRollingRate } from './online-deployment';

const TAGS = S.map(S.string('"churn"'), '{ team: "ml" }');
const ENV_VARS = S.map(S.string('"1"'), '{ WORKERS: "2" }');
const IWORKSPACE = S.ref('IWorkspace', ['workspaceId', 'location'], 'pass a Workspace, or one from Workspace.fromWorkspaceId');
const MODEL = S.ref('DeploymentModel', ['bind'], 'use DeploymentModel.fromModelVersion(version) or DeploymentModel.fromUri(...)').req;
const ENV_VERSION = S.ref('IEnvironmentVersion', ['environmentName', 'assetId'], 'pass what environment.addVersion(...) returns');
const CODE_VERSION = S.ref('ICodeVersion', ['codeName', 'assetId'], 'pass what code.addVersion(...) returns');
const QUANTITIES = S.struct('ContainerResourceQuantities', { cpu: S.string('"500m"'), memory: S.string('"1Gi"'), gpu: S.string('"1"') });
const PROBE = S.struct('ProbeOptions', Object.fromEntries(
  ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'].map(k => [k, S.number()])));

export const ONLINE_DEPLOYMENT = S.ref('IOnlineDeployment', ['deploymentName'], 'pass what endpoint.addDeployment(...) returns');

export const AUTOSCALE = S.struct('AutoscaleOptions', {
  minInstances: S.number('1').req,
  maxInstances: S.number('3').req,
  rules: S.list(S.struct('AutoscaleRule', {
    metric: S.enumLike(() => AutoscaleMetric, 'metricName').req,
    direction: S.tsEnum('ScaleDirection', () => ScaleDirection).req,
    threshold: S.number('70').req,
    changeCount: S.number('1'), windowMinutes: S.number('5'), cooldownMinutes: S.number('5'),
  }), '[{ metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.OUT, threshold: 70 }]'),
  notificationEmails: S.list(S.string('"ml-oncall@example.com"')),
});

export const ONLINE_ENDPOINT_PROPS = S.struct('OnlineEndpointProps', {
  workspace: IWORKSPACE.req,
  endpointName: S.string('"churn-prod"'),
  authMode: S.enumLike(() => EndpointAuthMode),
  allowPublicNetworkAccess: S.boolean(), production: S.boolean(), grantServingAccess: S.boolean(),
  userAssignedIdentity: USER_ASSIGNED_IDENTITY, kubernetesComputeId: S.string('"/subscriptions/<sub>/.../computes/<k8s>"'),
  diagnosticSettings: S.boolean(), logAnalyticsWorkspaceId: S.string('"/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>"'),
  promotionPolicy: S.ref('PromotionPolicy', ['_evaluate'], 'pass new PromotionPolicy({ ... })'),
  description: S.string(), tags: TAGS,
});

const DEPLOYMENT_RUNTIME: { [field: string]: Shape } = {
  model: MODEL, deploymentName: S.string('"blue"'), environment: ENV_VERSION, code: CODE_VERSION,
  scoringScript: S.string('"score.py"'), instanceCount: S.number('1'), environmentVariables: ENV_VARS,
  description: S.string(), tags: TAGS,
};

export const ONLINE_DEPLOYMENT_PROPS = S.struct('OnlineDeploymentOptions', {
  ...DEPLOYMENT_RUNTIME,
  instanceType: S.enumLike(() => InstanceType, 'name'),
  autoscale: AUTOSCALE,
  requestSettings: S.struct('OnlineRequestSettings', { maxConcurrentRequestsPerInstance: S.number(), requestTimeoutMs: S.number(), maxQueueWaitMs: S.number() }),
  modelMountPath: S.string('"/var/azureml-app/model"'),
  resources: S.struct('KubernetesResources', { requests: QUANTITIES, limits: QUANTITIES }),
  targetUtilization: S.struct('TargetUtilizationScaling', {
    minInstances: S.number(), maxInstances: S.number(), pollingIntervalSeconds: S.number(), targetUtilizationPercentage: S.number('70'),
  }),
  livenessProbe: PROBE, readinessProbe: PROBE, startupProbe: PROBE,
  allowPublicEgress: S.boolean(), appInsightsEnabled: S.boolean(), retired: S.boolean(),
  dataCollection: S.struct('DataCollectionOptions', {
    collections: S.list(S.string('"model_inputs"')), samplingRate: S.number('1'),
    rollingRate: S.tsEnum('DataCollectionRollingRate', () => DataCollectionRollingRate), captureHeaders: S.list(S.string()),
  }),
});

export const BATCH_ENDPOINT_PROPS = S.struct('BatchEndpointProps', {
  workspace: IWORKSPACE.req, endpointName: S.string('"churn-batch"'), description: S.string(), tags: TAGS,
  userAssignedIdentity: USER_ASSIGNED_IDENTITY,
});

export const BATCH_DEPLOYMENT_PROPS = S.struct('BatchDeploymentOptions', {
  ...DEPLOYMENT_RUNTIME,
  computeId: S.string('cluster.computeId').req,
  isDefault: S.boolean(),
  ...Object.fromEntries(['miniBatchSize', 'maxConcurrencyPerInstance', 'maxRetries', 'timeoutSeconds', 'errorThreshold'].map(k => [k, S.number()])),
  outputAction: S.tsEnum('BatchOutputAction', () => BatchOutputAction),
  outputFileName: S.string('"predictions.csv"'),
  loggingLevel: S.tsEnum('BatchLoggingLevel', () => BatchLoggingLevel),
});

/** The arguments of the Traffic factories, by factory. */
export const TRAFFIC_ARGS = {
  // Weights themselves: Traffic._validateShape names a weight that is not a whole number 0-100.
  split: S.struct('Traffic.split', { weights: S.map(S.any(), '{ blue: 90, green: 10 }').req }),
  weighted: S.struct('Traffic.weighted', {
    weights: S.list(S.struct('TrafficWeight', { deployment: ONLINE_DEPLOYMENT.req, weight: S.any().req })).req,
  }),
  allTo: S.struct('Traffic.allTo', { deployment: ONLINE_DEPLOYMENT.req }),
  canary: S.struct('Traffic.canary', { stable: ONLINE_DEPLOYMENT.req, candidate: ONLINE_DEPLOYMENT.req, percent: S.number('10').req }),
};
