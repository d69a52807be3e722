import { Annotations, ITerraformDependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { ICodeVersion, IEnvironmentVersion, ModelType } from '../assets/asset-refs';
import { ModelVersion } from '../assets/model';
import { AzapiResource } from '../bindings/azapi';
import { dependenciesWithin } from '../core/cross-stack';
import { mlType } from '../core/api-versions';
import { NamingRules } from '../core/naming';
import { isToken, Validator } from '../core/validation';
import { AutoscaleOptions, createAutoscale, validateAutoscale } from './autoscale';
import { AUTOSCALED_CAPACITY_PATHS, DEPLOYMENT_RETRY, ignoreBodyChanges } from './azure-quirks';
import { DeploymentModel, DeploymentModelConfig } from './deployment-model';
import { InstanceType } from './instance-type';
import type { OnlineEndpoint } from './online-endpoint';
import type { IWorkspace } from '../workspace/workspace-base';
import { reachRegistryFromManagedNetwork } from './registry-access';
import { checkShape, childId } from '../core/shape';
import { ONLINE_DEPLOYMENT_PROPS } from './shapes';

/** A deployment of an online endpoint: one model version on its own instances. */
export interface IOnlineDeployment extends IConstruct {
  /** The deployment's name, unique within its endpoint (the key in the endpoint's traffic). */
  readonly deploymentName: string;
  /** The ARM id of the deployment. */
  readonly deploymentId: string;
  /** The endpoint's name. */
  readonly endpointName: string;
  /** The model it serves. */
  readonly model: DeploymentModelConfig;
  /** Whether it is being removed: it may take no traffic. */
  readonly retired: boolean;
}

/**
 * A health probe. Durations are whole seconds, as in the Azure ML CLI's deployment YAML.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online#probesettings
 */
export interface ProbeOptions {
  /** Seconds after the container starts before the first probe. @default 10 */
  readonly initialDelaySeconds?: number;
  /** Seconds between probes. @default 10 */
  readonly periodSeconds?: number;
  /** Seconds before a probe times out. @default 2 */
  readonly timeoutSeconds?: number;
  /** Consecutive successes to count as healthy. @default 1 */
  readonly successThreshold?: number;
  /** Consecutive failures to count as unhealthy. @default 30 */
  readonly failureThreshold?: number;
}

/** How requests are handled per instance. */
export interface OnlineRequestSettings {
  /** Concurrent requests per instance; Azure queues the rest. @default 1 */
  readonly maxConcurrentRequestsPerInstance?: number;
  /** Scoring timeout, 1-180000 ms. @default 5000 */
  readonly requestTimeoutMs?: number;
  /**
   * How long a request may wait in the queue, in ms (`maxQueueWait`; deprecated by Azure for managed endpoints, still
   * honoured by Kubernetes ones).
   * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-kubernetes-online#requestsettings
   * @default - not sent (Azure's 500 ms)
   */
  readonly maxQueueWaitMs?: number;
}

/** How often collected data is rolled to a new blob. */
export enum DataCollectionRollingRate {
  MINUTE = 'Minute',
  HOUR = 'Hour',
  DAY = 'Day',
  MONTH = 'Month',
  YEAR = 'Year',
}

/**
 * Model data collection: inputs and outputs logged to blob storage for monitoring and retraining.
 * @see https://learn.microsoft.com/azure/machine-learning/how-to-collect-production-data
 */
export interface DataCollectionOptions {
  /**
   * The collections your scoring script logs to (`model_inputs`, `model_outputs`), or `request`/`response` for payload
   * logging.
   * @default ['model_inputs', 'model_outputs']
   */
  readonly collections?: string[];
  /** Share of requests collected, greater than 0 and at most 1. @default 1 */
  readonly samplingRate?: number;
  /** @default DataCollectionRollingRate.HOUR */
  readonly rollingRate?: DataCollectionRollingRate;
  /** Request headers logged with the payload. @default - none */
  readonly captureHeaders?: string[];
}

/**
 * CPU, memory and GPU of a Kubernetes deployment's container, in Kubernetes quantities (`"0.5"`, `"500m"`, `"1Gi"`).
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-kubernetes-online#containerresourcerequests
 */
export interface ContainerResourceQuantities {
  /** CPU cores, e.g. `"0.5"` or `"500m"`. @default - not set (the instance type's) */
  readonly cpu?: string;
  /** Memory, e.g. `"1Gi"` or `"512Mi"`. @default - not set (the instance type's) */
  readonly memory?: string;
  /** GPUs (`nvidia.com/gpu`), a whole number, e.g. `"1"`. @default - not set (the instance type's) */
  readonly gpu?: string;
}

/** Resource requests and limits of a Kubernetes deployment's container. */
export interface KubernetesResources {
  /** What the scheduler reserves. @default - the instance type's */
  readonly requests?: ContainerResourceQuantities;
  /** What the container may use at most. @default - the instance type's */
  readonly limits?: ContainerResourceQuantities;
}

/**
 * Kubernetes-style scaling of a Kubernetes deployment (`scaleType: TargetUtilization`): the inference router adds or
 * removes replicas to keep utilization near the target. Managed deployments scale with `autoscale` instead.
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-kubernetes-online#targetutilizationscalesettings
 */
export interface TargetUtilizationScaling {
  /** @default 1 */
  readonly minInstances?: number;
  /** @default 1 */
  readonly maxInstances?: number;
  /** How often utilization is checked, in seconds. @default 1 */
  readonly pollingIntervalSeconds?: number;
  /** Target CPU utilization, 1-100. @default 70 */
  readonly targetUtilizationPercentage?: number;
}

/** What `endpoint.addDeployment()` takes. */
export interface OnlineDeploymentOptions {
  /** The model version to serve. */
  readonly model: DeploymentModel;
  /**
   * The deployment name: 3-32 letters, digits and `-`, starting with a letter and ending with a letter or digit.
   * @default - the construct id
   */
  readonly deploymentName?: string;
  /** The environment to run in. Required for custom models. @default - none (MLflow and Triton models bring their own) */
  readonly environment?: IEnvironmentVersion;
  /** The code with the scoring script. Required for custom models. @default - none */
  readonly code?: ICodeVersion;
  /** The scoring script's path inside `code`, e.g. `score.py`. @default - none; required with `code` */
  readonly scoringScript?: string;
  /**
   * The VM size (managed endpoints) or the cluster's instance type (Kubernetes endpoints, e.g.
   * `InstanceType.of('gpu-t4')`).
   * @default InstanceType.STANDARD_F4S_V2 on a managed endpoint (Azure's own default, written explicitly);
   * InstanceType.KUBERNETES_DEFAULT (`defaultinstancetype`) on a Kubernetes endpoint
   */
  readonly instanceType?: InstanceType;
  /**
   * Where the model is mounted in the container, an absolute path (for custom containers that look for it in a fixed
   * place).
   * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online
   * @default - Azure ML's own location, given to the container in `AZUREML_MODEL_DIR`
   */
  readonly modelMountPath?: string;
  /** Container requests and limits. Kubernetes endpoints only. @default - the instance type's */
  readonly resources?: KubernetesResources;
  /** Target-utilization scaling. Kubernetes endpoints only. @default - a fixed `instanceCount` */
  readonly targetUtilization?: TargetUtilizationScaling;
  /**
   * Instances to run (with `autoscale`: the count at creation, after which the autoscaler owns it). Azure recommends
   * at least 3 for production availability.
   * @default - 3 on a production endpoint, 1 otherwise; `autoscale.minInstances` with autoscale
   */
  readonly instanceCount?: number;
  /** Scale with Azure Monitor autoscale instead of a fixed count. @default - a fixed `instanceCount` */
  readonly autoscale?: AutoscaleOptions;
  /** @default - 1 concurrent request per instance, 5000 ms timeout */
  readonly requestSettings?: OnlineRequestSettings;
  /** @default - Azure's defaults, written explicitly (10 s delay and period, 2 s timeout, 1 success, 30 failures) */
  readonly livenessProbe?: ProbeOptions;
  /** @default - Azure's defaults, written explicitly, as for the liveness probe */
  readonly readinessProbe?: ProbeOptions;
  /** For containers that start slowly. @default - no startup probe */
  readonly startupProbe?: ProbeOptions;
  /** @default - none */
  readonly environmentVariables?: { [name: string]: string };
  /**
   * Let the deployment reach the public internet (and public Azure endpoints) for outbound calls: the legacy
   * per-deployment egress flag (`egressPublicNetworkAccess`), which cannot change after creation. Ignored in a
   * workspace with a managed network, where the workspace's isolation mode and outbound rules decide egress.
   * @see https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint#secure-outbound-access-with-legacy-network-isolation-method
   * @default false - egress public network access is disabled (without a managed network); not sent under one
   */
  readonly allowPublicEgress?: boolean;
  /** Send logs and metrics to the workspace's Application Insights. @default true */
  readonly appInsightsEnabled?: boolean;
  /** @default - no model data collection */
  readonly dataCollection?: DataCollectionOptions;
  /** @default - none */
  readonly description?: string;
  /**
   * Mark the deployment for removal: it may take no traffic and no mirror traffic. Retire it (with its weight at 0)
   * in one change, delete it from the code in the next.
   * @default false
   */
  readonly retired?: boolean;
  /** @default - none */
  readonly tags?: { [key: string]: string };
}

/** Props of an `OnlineDeployment`: `OnlineDeploymentOptions` plus its endpoint. Prefer `endpoint.addDeployment()`. */
export interface OnlineDeploymentProps extends OnlineDeploymentOptions {
  readonly endpoint: OnlineEndpoint;
}

const PROBE_DEFAULTS = { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1, failureThreshold: 30 };

/**
 * A managed online deployment: one model version on a set of instances behind an endpoint.
 *
 * It depends on the endpoint, on the role assignments the endpoint identity needs, and on the model, environment and
 * code versions, so Terraform creates it after all of them.
 */
export class OnlineDeployment extends Construct implements IOnlineDeployment {
  public readonly deploymentName: string;
  public readonly deploymentId: string;
  public readonly endpointName: string;
  public readonly model: DeploymentModelConfig;
  public readonly retired: boolean;
  /** The instance count written at creation (fixed, or the autoscaler's starting point). */
  public readonly instanceCount: number;
  public readonly instanceType: InstanceType;
  /** The `azapi_resource`. */
  public readonly resource: AzapiResource;
  /** The Azure Monitor autoscale setting, when `autoscale` is set. */
  public readonly autoscaleSetting?: MonitorAutoscaleSetting;

  constructor(scope: Construct, id: string, props: OnlineDeploymentProps) {
    super(scope, childId(scope, id, 'OnlineDeployment'));
    checkShape(this, 'props for OnlineDeployment', props, ONLINE_DEPLOYMENT_PROPS);
    const endpoint = props.endpoint;
    this.deploymentName = props.deploymentName ?? id;
    this.endpointName = endpoint.endpointName;
    this.model = props.model.bind();
    this.retired = props.retired ?? false;
    this.instanceType = props.instanceType ?? (endpoint.isKubernetes ? InstanceType.KUBERNETES_DEFAULT : InstanceType.STANDARD_F4S_V2);
    this.instanceCount = props.instanceCount ?? props.autoscale?.minInstances ?? (endpoint.production ? 3 : 1);

    validateDeployment(this, props, this.model, this.instanceType, this.instanceCount, endpoint.isKubernetes);
    if (endpoint.production && !isToken(this.instanceCount)) {
      const floor = props.autoscale ? props.autoscale.minInstances : this.instanceCount;
      if (floor < 3) {
        Annotations.of(this).addWarning(`Deployment '${this.deploymentName}' of production endpoint '${endpoint.endpointName}' ` +
          `runs ${floor} instance(s)${props.autoscale ? ' at minimum' : ''}; Azure recommends at least 3 for availability ` +
          '(an instance can be taken down for OS upgrades at any time). Set instanceCount (or autoscale.minInstances) to 3 or more.');
      }
    }

    // A version a production endpoint serves must not be destroyed or replaced by an innocent change. Only versions
    // declared with this library have a resource to protect; imported ones (any other IModelVersion) do not.
    const served = this.model.modelVersion;
    if (endpoint.production && served instanceof ModelVersion) {
      served._protectFromDestroy(`deployment '${this.deploymentName}' of production endpoint '${endpoint.endpointName}' serves it`);
    }

    const workspace = endpoint.workspace;
    requireImageBuild(workspace, this.node.path);
    reachRegistryFromManagedNetwork(this, workspace, this.model.registry);
    const dependsOn: ITerraformDependable[] = [
      ...endpoint._grantServing(this.model, props.environment?.registryId, this.node.path),
      // Azure ML refuses an online deployment before the workspace's managed network is provisioned.
      ...(workspace.managedNetworkReady ? [workspace.managedNetworkReady] : []),
      ...[this.model.dependable, props.environment?.dependable, props.code?.dependable].filter((d): d is ITerraformDependable => d !== undefined),
    ];

    this.resource = new AzapiResource(this, 'Resource', {
      type: mlType('workspaces/onlineEndpoints/deployments'),
      name: this.deploymentName,
      parentId: endpoint.endpointId,
      location: endpoint.workspace.location,
      tags: props.tags,
      body: {
        properties: endpoint.isKubernetes
          ? kubernetesDeploymentProperties(props, this.model, this.instanceType)
          : deploymentProperties(props, this.model, this.instanceType, hasManagedNetwork(workspace)),
        sku: { name: 'Default', capacity: this.instanceCount },
      },
      retry: DEPLOYMENT_RETRY,
      dependsOn: dependenciesWithin(this, dependsOn),
    });
    this.deploymentId = this.resource.id;

    if (props.autoscale) {
      // The autoscaler changes sku.capacity; sending the configured count on every update would fight it.
      ignoreBodyChanges(this.resource, AUTOSCALED_CAPACITY_PATHS);
      this.autoscaleSetting = createAutoscale(this, 'Autoscale', {
        deploymentId: this.deploymentId,
        name: `autoscale-${endpoint.endpointName}-${this.deploymentName}`,
        resourceGroupName: endpoint.workspace.resourceGroupName,
        location: endpoint.workspace.location,
        initialInstances: this.instanceCount,
      }, props.autoscale);
    }
  }
}

function validateDeployment(scope: IConstruct, props: OnlineDeploymentOptions, model: DeploymentModelConfig,
  instanceType: InstanceType, instanceCount: number, kubernetes: boolean): void {
  const v = new Validator(scope, 'props for OnlineDeployment');
  v.name('deploymentName', props.deploymentName ?? scope.node.id, NamingRules.ONLINE_DEPLOYMENT);
  validateModelRuntime(v, props, model);
  if (kubernetes) {
    validateKubernetesOptions(v, props, instanceType);
  } else {
    v.check(instanceType.isWellFormed, () => ({
      subject: 'instanceType', value: JSON.stringify(instanceType.name), rule: 'is not an Azure VM size',
      fix: 'use an InstanceType preset or InstanceType.of("Standard_...")',
    }));
    if (instanceType.isWellFormed) v.vmSize('instanceType', instanceType.name);
    for (const [key, value] of [['resources', props.resources], ['targetUtilization', props.targetUtilization]] as const) {
      v.check(value === undefined, () => ({
        subject: key, value: JSON.stringify(value), rule: 'applies to deployments of Kubernetes endpoints only',
        fix: key === 'resources' ? 'choose a larger instanceType instead, or give the endpoint kubernetesComputeId'
          : 'use autoscale (Azure Monitor) on a managed endpoint, or give the endpoint kubernetesComputeId',
      }));
    }
  }
  v.matches('modelMountPath', props.modelMountPath, /^\/\S*$/, 'must be an absolute path in the container', 'e.g. "/var/azureml-app/model"');
  v.integer('instanceCount', instanceCount, { min: 1 });
  if (props.autoscale) {
    validateAutoscale(v, props.autoscale);
    const a = props.autoscale;
    if (Number.isInteger(instanceCount) && Number.isInteger(a.minInstances) && Number.isInteger(a.maxInstances)) {
      v.check(instanceCount >= a.minInstances && instanceCount <= a.maxInstances, () => ({
        subject: 'instanceCount', value: String(instanceCount),
        rule: `is outside the autoscale range ${a.minInstances}-${a.maxInstances}`,
        fix: 'leave instanceCount unset (it starts at minInstances) or choose a count within the range',
      }));
    }
  }
  const rs = props.requestSettings ?? {};
  v.integer('requestSettings.maxConcurrentRequestsPerInstance', rs.maxConcurrentRequestsPerInstance, { min: 1 });
  v.integer('requestSettings.requestTimeoutMs', rs.requestTimeoutMs, { min: 1, max: 180000 });
  v.integer('requestSettings.maxQueueWaitMs', rs.maxQueueWaitMs, { min: 0 });
  for (const [name, probe] of [['livenessProbe', props.livenessProbe], ['readinessProbe', props.readinessProbe], ['startupProbe', props.startupProbe]] as const) {
    if (!probe) continue;
    v.integer(`${name}.initialDelaySeconds`, probe.initialDelaySeconds, { min: 0 });
    v.integer(`${name}.periodSeconds`, probe.periodSeconds, { min: 1 });
    v.integer(`${name}.timeoutSeconds`, probe.timeoutSeconds, { min: 1 });
    v.integer(`${name}.successThreshold`, probe.successThreshold, { min: 1 });
    v.integer(`${name}.failureThreshold`, probe.failureThreshold, { min: 1 });
  }
  const dc = props.dataCollection;
  if (dc) {
    v.number('dataCollection.samplingRate', dc.samplingRate, { min: 0, max: 1 });
    v.check(dc.samplingRate === undefined || isToken(dc.samplingRate) || dc.samplingRate > 0, () => ({
      subject: 'dataCollection.samplingRate', value: String(dc.samplingRate), rule: 'collects nothing',
      fix: 'use a rate above 0 (1 collects every request), or leave dataCollection out',
    }));
    v.check(dc.collections === undefined || dc.collections.length > 0, () => ({
      subject: 'dataCollection.collections', value: '[]', rule: 'is empty', fix: 'name at least one collection, e.g. model_inputs',
    }));
  }
  v.throwIfAny();
}

/**
 * What a Kubernetes deployment may say: the cluster's instance type (a Kubernetes resource name), container
 * quantities, and target-utilization scaling; not Azure Monitor autoscale nor the managed-only egress flag.
 */
function validateKubernetesOptions(v: Validator, props: OnlineDeploymentOptions, instanceType: InstanceType): void {
  v.check(instanceType.isKubernetesName, () => ({
    subject: 'instanceType', value: JSON.stringify(instanceType.name),
    rule: 'is not a Kubernetes instance type name (lowercase letters, digits, "-" and ".", at most 253)',
    fix: 'name an instance type of the cluster, e.g. InstanceType.of("gpu-t4"), or leave it out for defaultinstancetype',
  }));
  v.check(props.autoscale === undefined, () => ({
    subject: 'autoscale', value: '(set)', rule: 'is Azure Monitor autoscale, for managed deployments only',
    fix: 'use targetUtilization on a Kubernetes deployment',
  }));
  v.check(props.allowPublicEgress === undefined, () => ({
    subject: 'allowPublicEgress', value: String(props.allowPublicEgress), rule: 'applies to managed deployments only',
    fix: 'remove it: a Kubernetes deployment\'s egress is the cluster\'s network policy',
  }));
  for (const [kind, q] of [['requests', props.resources?.requests], ['limits', props.resources?.limits]] as const) {
    if (!q) continue;
    v.matches(`resources.${kind}.cpu`, q.cpu, /^(\d+(\.\d+)?|\d+m)$/, 'must be a Kubernetes CPU quantity', 'e.g. "0.5", "2" or "500m"');
    v.matches(`resources.${kind}.memory`, q.memory, /^\d+(\.\d+)?([KMGTPE]i?|[kmgtpe])?$/, 'must be a Kubernetes memory quantity', 'e.g. "512Mi" or "1Gi"');
    v.matches(`resources.${kind}.gpu`, q.gpu, /^\d+$/, 'must be a whole number of GPUs', 'e.g. "1"');
  }
  const t = props.targetUtilization;
  if (t) {
    v.integer('targetUtilization.minInstances', t.minInstances, { min: 1 });
    v.integer('targetUtilization.maxInstances', t.maxInstances, { min: 1 });
    v.integer('targetUtilization.pollingIntervalSeconds', t.pollingIntervalSeconds, { min: 1 });
    v.integer('targetUtilization.targetUtilizationPercentage', t.targetUtilizationPercentage, { min: 1, max: 100 });
    const min = t.minInstances ?? 1;
    const max = t.maxInstances ?? 1;
    v.check(isToken(min) || isToken(max) || min <= max, () => ({
      subject: 'targetUtilization', value: `minInstances=${min}, maxInstances=${max}`, rule: 'has a minimum above its maximum',
      fix: 'make minInstances at most maxInstances',
    }));
  }
}

/** Custom models need an environment and a scoring script; code and script come together. @internal */
export function validateModelRuntime(v: Validator,
  props: { environment?: IEnvironmentVersion; code?: ICodeVersion; scoringScript?: string }, model: DeploymentModelConfig): void {
  const custom = model.modelType.value === ModelType.CUSTOM.value;
  const ownServer = props.environment?.customInferenceServer === true;
  if (model.inImage) {
    v.check(ownServer, () => ({
      subject: 'model', value: model.label, rule: 'can be left to the image only when the environment runs its own inference server',
      fix: 'give the environment inference routes (a custom container), or deploy a model version',
    }));
  }
  // A custom container (an environment with its own inference server) serves a custom model without a scoring script.
  // https://learn.microsoft.com/azure/machine-learning/how-to-deploy-custom-container
  if (custom && !ownServer) {
    v.check(props.environment !== undefined, () => ({
      subject: 'environment', value: '(not set)', rule: `is required: model ${model.label} is a custom model, which Azure ML cannot serve without an environment`,
      fix: 'pass environment (an environment version with your inference dependencies), or register the model as MLflow',
    }));
    v.check(props.code !== undefined && props.scoringScript !== undefined, () => ({
      subject: 'code/scoringScript', value: props.code ? `scoringScript ${JSON.stringify(props.scoringScript)}` : '(not set)',
      rule: `are required: model ${model.label} is a custom model, which needs a scoring script`,
      fix: 'pass code (a code version) and scoringScript (its path inside the code, e.g. "score.py")',
    }));
  }
  const hasCode = props.code !== undefined;
  const hasScript = props.scoringScript !== undefined;
  if ((!custom || ownServer) && hasCode !== hasScript) {
    v.add({
      subject: hasCode ? 'scoringScript' : 'code', value: '(not set)', rule: `must be given together with ${hasCode ? 'code' : 'scoringScript'}`,
      fix: 'pass both code and scoringScript, or neither',
    });
  }
  v.matches('scoringScript', props.scoringScript, /[a-zA-Z0-9_]/, 'must name a file', 'give the path of the script inside the code folder, e.g. "score.py"');
}

function seconds(n: number): string {
  return `PT${n}S`;
}

function probe(options: ProbeOptions | undefined): Record<string, unknown> {
  const p = { ...PROBE_DEFAULTS, ...definedOnly(options ?? {}) };
  return {
    initialDelay: seconds(p.initialDelaySeconds),
    period: seconds(p.periodSeconds),
    timeout: seconds(p.timeoutSeconds),
    successThreshold: p.successThreshold,
    failureThreshold: p.failureThreshold,
  };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Whether the workspace is known to isolate outbound traffic in a managed network. */
function hasManagedNetwork(workspace: IWorkspace): boolean {
  const mode = workspace.managedNetworkIsolationMode;
  return mode !== undefined && !isToken(mode) && mode !== 'Disabled';
}

/** Tells a workspace created here that an online deployment needs images built (see `Workspace.imageBuildCompute`). */
function requireImageBuild(workspace: IWorkspace, requester: string): void {
  const w = workspace as IWorkspace & { _requireImageBuild?: (requester: string) => void };
  if (typeof w._requireImageBuild === 'function') w._requireImageBuild(requester);
}

function deploymentProperties(props: OnlineDeploymentOptions, model: DeploymentModelConfig, instanceType: InstanceType,
  managedNetwork: boolean): Record<string, unknown> {
  const rs = props.requestSettings ?? {};
  const timeoutMs = rs.requestTimeoutMs ?? 5000;
  const properties: Record<string, unknown> = {
    endpointComputeType: 'Managed',
    description: props.description,
    model: model.inImage ? undefined : model.assetId,
    environmentId: props.environment?.assetId,
    codeConfiguration: props.code && props.scoringScript ? { codeId: props.code.assetId, scoringScript: props.scoringScript } : undefined,
    instanceType: instanceType.name,
    modelMountPath: props.modelMountPath,
    // Managed deployments scale through Azure Monitor autoscale, never through the Kubernetes-style TargetUtilization.
    scaleSettings: { scaleType: 'Default' },
    requestSettings: {
      maxConcurrentRequestsPerInstance: rs.maxConcurrentRequestsPerInstance ?? 1,
      requestTimeout: isToken(timeoutMs) ? timeoutMs : `PT${timeoutMs / 1000}S`,
      ...(rs.maxQueueWaitMs !== undefined ? { maxQueueWait: isToken(rs.maxQueueWaitMs) ? rs.maxQueueWaitMs : `PT${rs.maxQueueWaitMs / 1000}S` } : {}),
    },
    livenessProbe: probe(props.livenessProbe),
    readinessProbe: probe(props.readinessProbe),
    startupProbe: props.startupProbe ? probe(props.startupProbe) : undefined,
    environmentVariables: props.environmentVariables,
    // Under a managed network, outbound traffic is the workspace's isolation mode and outbound rules; the per-deployment
    // flag is the legacy isolation method, discouraged there, and cannot be changed after creation, so it is not sent.
    // https://learn.microsoft.com/azure/machine-learning/concept-secure-online-endpoint#secure-outbound-access-with-legacy-network-isolation-method
    egressPublicNetworkAccess: managedNetwork ? undefined : props.allowPublicEgress ? 'Enabled' : 'Disabled',
    appInsightsEnabled: props.appInsightsEnabled ?? true,
    dataCollector: props.dataCollection ? dataCollector(props.dataCollection) : undefined,
  };
  return definedOnly(properties);
}

/**
 * The body of a deployment to a Kubernetes endpoint: the shared settings, the cluster's instance type, container
 * requests and limits, and Default or TargetUtilization scaling; no `egressPublicNetworkAccess` (managed only).
 * @see https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-kubernetes-online
 */
function kubernetesDeploymentProperties(props: OnlineDeploymentOptions, model: DeploymentModelConfig, instanceType: InstanceType): Record<string, unknown> {
  const managedShape = deploymentProperties(props, model, instanceType, true);
  const t = props.targetUtilization;
  const r = props.resources;
  return definedOnly({
    ...managedShape,
    endpointComputeType: 'Kubernetes',
    scaleSettings: t ? {
      scaleType: 'TargetUtilization',
      minInstances: t.minInstances ?? 1,
      maxInstances: t.maxInstances ?? 1,
      pollingInterval: seconds(t.pollingIntervalSeconds ?? 1),
      targetUtilizationPercentage: t.targetUtilizationPercentage ?? 70,
    } : { scaleType: 'Default' },
    containerResourceRequirements: r ? definedOnly({
      containerResourceRequests: r.requests ? definedOnly({ ...r.requests }) : undefined,
      containerResourceLimits: r.limits ? definedOnly({ ...r.limits }) : undefined,
    }) : undefined,
  });
}

function dataCollector(dc: DataCollectionOptions): Record<string, unknown> {
  const collections = dc.collections ?? ['model_inputs', 'model_outputs'];
  return definedOnly({
    collections: Object.fromEntries(collections.map(name => [name, { dataCollectionMode: 'Enabled', samplingRate: dc.samplingRate ?? 1 }])),
    rollingRate: dc.rollingRate ?? DataCollectionRollingRate.HOUR,
    requestLogging: dc.captureHeaders ? { captureHeaders: dc.captureHeaders } : undefined,
  });
}
