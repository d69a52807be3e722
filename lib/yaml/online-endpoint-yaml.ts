/**
 * Online endpoint and deployment files (`endpoint.yml`, `blue-deployment.yml`, managed and Kubernetes) loaded into
 * `OnlineEndpoint` and its deployments, with the CLI's meaning:
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-endpoint-online ,
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online ,
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-kubernetes-online .
 *
 * Where the CLI's default is weaker than this library's, the library's wins and the loader says so once per stack
 * (`cliDefaults` keeps the CLI's):
 *
 * | Key left out | CLI | This library |
 * |---|---|---|
 * | `auth_mode` | `key` | `aad_token` |
 * | `public_network_access` (managed) | `enabled` | `disabled` |
 * | `app_insights_enabled` | `false` | `true` |
 * | `egress_public_network_access` (managed) | `enabled` | `disabled` |
 */
import { Construct } from 'constructs';
import { DeploymentModel } from '../serving/deployment-model';
import { Traffic } from '../serving/traffic';
import { EndpointAuthMode } from '../serving/auth-mode';
import { InstanceType } from '../serving/instance-type';
import { DataCollectionRollingRate, OnlineDeployment, OnlineDeploymentOptions, ProbeOptions } from '../serving/online-deployment';
import { OnlineEndpoint, OnlineEndpointProps } from '../serving/online-endpoint';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { YamlLoadOptions } from './options';
import { noteDefault, prepare, stringMap, text, withinFile } from './prepare';
import { kindSchema } from './schema-check';
import { withCaseFoldedEnums } from './serving-enums';
import { AssetScope, computeIdOf, deploymentCode, deploymentEnvironment, deploymentModel } from './serving-assets';
import { userAssignedIdentityOf } from './serving-identity';
import { azureVmSize } from './units';

/** What `OnlineEndpointYaml.load` takes: the file, its workspace, and the CLI's command-line values. */
export interface OnlineEndpointYamlProps extends YamlLoadOptions {
  /** The workspace the endpoint is created in (the CLI's `--workspace-name`). */
  readonly workspace: IWorkspace;
  /** The endpoint file, e.g. `endpoint.yml`; relative paths in it resolve against its folder. */
  readonly file: string;
  /** Whether the endpoint serves production (see `OnlineEndpointProps.production`). @default false */
  readonly production?: boolean;
}

const ENDPOINT_KEYS: { [subject: string]: KeyPath } = {
  endpointName: ['name'], authMode: ['auth_mode'], kubernetesComputeId: ['compute'], allowPublicNetworkAccess: ['public_network_access'],
  userAssignedIdentity: ['identity'], description: ['description'], tags: ['tags'],
};

const DEPLOYMENT_KEYS: { [subject: string]: KeyPath } = {
  deploymentName: ['name'], instanceType: ['instance_type'], instanceCount: ['instance_count'], requestSettings: ['request_settings'],
  livenessProbe: ['liveness_probe'], readinessProbe: ['readiness_probe'], environment: ['environment'], code: ['code_configuration', 'code'],
  'code/scoringScript': ['code_configuration'], scoringScript: ['code_configuration', 'scoring_script'], modelMountPath: ['model_mount_path'],
  resources: ['resources'], targetUtilization: ['scale_settings'], dataCollection: ['data_collector'], allowPublicEgress: ['egress_public_network_access'],
  autoscale: ['scale_settings'], environmentVariables: ['environment_variables'], inferenceRoutes: ['environment', 'inference_config'],
  source: ['model'], model: ['model'], name: ['name'], version: ['version'],
};

/** Mirror traffic an endpoint file names, applied when that deployment is added. */
const PENDING_MIRROR = new WeakMap<OnlineEndpoint, { name: string; percent: number; line?: number; file: string }>();

/**
 * Loads Azure ML CLI v2 online endpoint and deployment YAML into an `OnlineEndpoint` and its deployments.
 *
 * ```ts
 * const endpoint = OnlineEndpointYaml.load(this, 'Endpoint', { workspace, file: 'endpoints/endpoint.yml' });
 * OnlineEndpointYaml.addDeployment(endpoint, 'endpoints/blue-deployment.yml');
 * ```
 *
 * Bad input throws one error naming the file, and per problem the line, the key and the fix.
 */
export class OnlineEndpointYaml {
  /** An endpoint from an online endpoint file (managed, or Kubernetes when it names a `compute`). */
  public static load(scope: Construct, id: string, props: OnlineEndpointYamlProps): OnlineEndpoint {
    const doc = prepare(props.file, 'online endpoint', kindSchema('online-endpoint'), withCaseFoldedEnums(props.file, props));
    const endpointProps = endpointPropsOf(scope, doc, props);
    const endpoint = withinFile(doc, 'online endpoint', ENDPOINT_KEYS, () => new OnlineEndpoint(scope, id, endpointProps));
    const traffic = doc.data.traffic as { [name: string]: number } | undefined;
    if (traffic && Object.keys(traffic).length > 0) endpoint.routeTraffic(Traffic.split(traffic));
    const mirror = Object.entries((doc.data.mirror_traffic as { [name: string]: number } | undefined) ?? {}).filter(([, w]) => w > 0);
    if (mirror.length > 1) {
      throw new YamlLoadError(doc.file, 'online endpoint', [doc.problem(['mirror_traffic'], 'mirrors to more than one deployment; Azure mirrors to one', 'keep one entry')]);
    }
    if (mirror.length === 1) {
      const [name, percent] = mirror[0];
      PENDING_MIRROR.set(endpoint, { name, percent, line: doc.lineOf(['mirror_traffic', name]), file: doc.file });
      endpoint.node.addValidation({
        validate: () => (PENDING_MIRROR.has(endpoint)
          ? [`${doc.file}: line ${doc.lineOf(['mirror_traffic', name])}, mirror_traffic.${name} names a deployment that was never added. ` +
            'Fix: add it with OnlineEndpointYaml.addDeployment(), or remove the mirror']
          : []),
      });
    }
    return endpoint;
  }

  /** Adds a managed or Kubernetes online deployment from its file (the kind must match the endpoint's). */
  public static addDeployment(endpoint: OnlineEndpoint, file: string, options: YamlLoadOptions = {}): OnlineDeployment {
    const kubernetes = endpoint.isKubernetes;
    const what = kubernetes ? 'Kubernetes online deployment' : 'managed online deployment';
    refuseKindMismatch(endpoint, file, options);
    const doc = prepare(file, what, kindSchema(kubernetes ? 'kubernetes-online-deployment' : 'managed-online-deployment'), withCaseFoldedEnums(file, options));
    const name = String(doc.data.name);
    const problems: YamlProblem[] = [];
    const written = text(doc.data.endpoint_name);
    if (written !== undefined && written !== endpoint.endpointName && !/\$\{/.test(endpoint.endpointName)) {
      problems.push(doc.problem(['endpoint_name'], `names endpoint '${written}', but the deployment is added to '${endpoint.endpointName}'`,
        `write endpoint_name: ${endpoint.endpointName}, or pass it as an override (set: { endpoint_name: '${endpoint.endpointName}' })`));
    }
    // Inline assets are declared while the options are read: their own rules come back on the file's keys too.
    const deploymentOptions = withinFile(doc, what, DEPLOYMENT_KEYS, () => deploymentOptionsOf(endpoint, doc, name, kubernetes, options, problems));
    if (problems.length > 0) throw new YamlLoadError(doc.file, what, problems);
    const deployment = withinFile(doc, what, DEPLOYMENT_KEYS, () => endpoint.addDeployment(name, deploymentOptions!));
    const mirror = PENDING_MIRROR.get(endpoint);
    if (mirror && mirror.name === deployment.deploymentName) {
      endpoint.mirror(deployment, mirror.percent);
      PENDING_MIRROR.delete(endpoint);
    }
    return deployment;
  }
}

/**
 * A Kubernetes deployment file on a managed endpoint, or a managed one on a Kubernetes endpoint: said before the
 * schema check, whose unknown-key errors (`resources`, `egress_public_network_access`) would hide the real mistake.
 */
function refuseKindMismatch(endpoint: OnlineEndpoint, file: string, options: YamlLoadOptions): void {
  const doc = YamlDocument.load(file, 'online deployment');
  const type = String(options.set?.type ?? doc.data.type ?? '').toLowerCase();
  const schema = String(doc.data.$schema ?? '');
  const fileKubernetes = type === 'kubernetes' || /kubernetesOnlineDeployment/i.test(schema);
  const fileManaged = type === 'managed' || /managedOnlineDeployment/i.test(schema);
  if (fileKubernetes && !endpoint.isKubernetes) {
    throw new YamlLoadError(doc.file, 'online deployment', [doc.problem(doc.data.type !== undefined ? ['type'] : ['$schema'],
      `makes a Kubernetes deployment, but endpoint '${endpoint.endpointName}' is managed`,
      'add it to an endpoint whose file names its Kubernetes compute (compute: azureml:<k8s-compute>), or write a managed deployment file')]);
  }
  if (fileManaged && endpoint.isKubernetes) {
    throw new YamlLoadError(doc.file, 'online deployment', [doc.problem(doc.data.type !== undefined ? ['type'] : ['$schema'],
      `makes a managed deployment, but endpoint '${endpoint.endpointName}' runs on a Kubernetes compute`,
      'write `type: kubernetes` (with resources, and the cluster\'s instance_type), or add it to a managed endpoint')]);
  }
}

function endpointPropsOf(scope: Construct, doc: YamlDocument, props: OnlineEndpointYamlProps): OnlineEndpointProps {
  const d = doc.data;
  const kubernetes = d.compute !== undefined;
  const auth = text(d.auth_mode);
  if (auth === undefined) {
    noteDefault(scope, 'online-endpoint.auth_mode', props.cliDefaults
      ? `${doc.file}: no auth_mode; as the CLI, the endpoint takes keys (cliDefaults).`
      : `${doc.file}: no auth_mode; the CLI would use keys, this library uses Microsoft Entra ID tokens (aad_token). Write auth_mode: key to keep keys.`);
  }
  const pna = text(d.public_network_access);
  if (pna === undefined && !kubernetes) {
    noteDefault(scope, 'online-endpoint.public_network_access', props.cliDefaults
      ? `${doc.file}: no public_network_access; as the CLI, the endpoint is reachable from the internet (cliDefaults).`
      : `${doc.file}: no public_network_access; the CLI would enable it, this library disables it (reach the endpoint through the workspace's private endpoint). Write public_network_access: enabled to open it.`);
  }
  const authMode = auth === 'key' ? EndpointAuthMode.KEY : auth === 'aml_token' ? EndpointAuthMode.AML_TOKEN
    : auth === 'aad_token' ? EndpointAuthMode.AAD_TOKEN : props.cliDefaults ? EndpointAuthMode.KEY : EndpointAuthMode.AAD_TOKEN;
  return {
    workspace: props.workspace,
    endpointName: String(d.name),
    authMode,
    allowPublicNetworkAccess: kubernetes ? (pna === undefined ? undefined : pna === 'enabled') : pna !== undefined ? pna === 'enabled' : props.cliDefaults ? true : false,
    kubernetesComputeId: kubernetes ? computeIdOf(props.workspace, String(d.compute)) : undefined,
    userAssignedIdentity: userAssignedIdentityOf(scope, doc, 'online endpoint'),
    production: props.production,
    description: text(d.description),
    tags: stringMap(d.tags),
  };
}

function probeOf(v: unknown): ProbeOptions | undefined {
  if (v === undefined || v === null) return undefined;
  const p = v as Record<string, number | undefined>;
  return { initialDelaySeconds: p.initial_delay, periodSeconds: p.period, timeoutSeconds: p.timeout, successThreshold: p.success_threshold, failureThreshold: p.failure_threshold };
}

function deploymentOptionsOf(endpoint: OnlineEndpoint, doc: YamlDocument, name: string, kubernetes: boolean, options: YamlLoadOptions,
  problems: YamlProblem[]): OnlineDeploymentOptions | undefined {
  const d = doc.data;
  const a: AssetScope = { doc, scope: endpoint, workspace: endpoint.workspace, ownerName: `${endpoint.endpointName}-${name}`, what: kubernetes ? 'Kubernetes online deployment' : 'managed online deployment', problems };
  const cc = d.code_configuration as { code?: string; scoring_script?: string } | undefined;
  const noRuntime = d.environment === undefined && cc === undefined;
  const environment = deploymentEnvironment(a, ['environment']);
  // Without `model`, a custom container serves the model baked into its image (the CLI sends no model then).
  const model = d.model === undefined && environment?.customInferenceServer ? DeploymentModel.inImage() : deploymentModel(a, ['model'], noRuntime);
  if (d.model === undefined && !environment?.customInferenceServer) {
    problems.push(doc.problem(['model'], 'is required: a deployment serves a model (only a custom container with inference_config may bake it into its image)',
      'add `model:` (azureml:<name>:<version>, or path: ./model inline)'));
  }
  const code = cc?.code !== undefined ? deploymentCode(a, ['code_configuration', 'code']) : undefined;
  const scale = d.scale_settings as Record<string, number | string> | undefined;
  if (!kubernetes && scale?.type === 'target_utilization') {
    problems.push(doc.problem(['scale_settings', 'type'], 'is target_utilization, which Azure takes for Kubernetes deployments only',
      'remove scale_settings (managed deployments scale with Azure Monitor autoscale: use the `autoscale` option of addDeployment)'));
  }
  const rs = d.request_settings as Record<string, number> | undefined;
  const dc = d.data_collector as Record<string, any> | undefined;
  if (model === undefined || problems.length > 0) return undefined;

  const appInsights = d.app_insights_enabled as boolean | undefined;
  if (appInsights === undefined) {
    noteDefault(endpoint, 'online-deployment.app_insights_enabled', options.cliDefaults
      ? `${doc.file}: no app_insights_enabled; as the CLI, Application Insights is off (cliDefaults).`
      : `${doc.file}: no app_insights_enabled; the CLI would leave Application Insights off, this library turns it on. Write app_insights_enabled: false to keep it off.`);
  }
  const egress = text(d.egress_public_network_access);
  if (egress === undefined && !kubernetes) {
    noteDefault(endpoint, 'online-deployment.egress_public_network_access', options.cliDefaults
      ? `${doc.file}: no egress_public_network_access; as the CLI, deployments may reach the internet (cliDefaults).`
      : `${doc.file}: no egress_public_network_access; the CLI would enable it, this library disables it (it cannot change after creation). Write egress_public_network_access: enabled to allow it.`);
  }
  const instanceType = text(d.instance_type);
  return {
    model,
    deploymentName: name,
    environment,
    code,
    scoringScript: cc?.scoring_script,
    instanceType: instanceType === undefined ? undefined : InstanceType.of(kubernetes ? instanceType : azureVmSize(instanceType)),
    instanceCount: d.instance_count as number | undefined,
    requestSettings: rs ? { requestTimeoutMs: rs.request_timeout_ms, maxConcurrentRequestsPerInstance: rs.max_concurrent_requests_per_instance, maxQueueWaitMs: rs.max_queue_wait_ms } : undefined,
    livenessProbe: probeOf(d.liveness_probe),
    readinessProbe: probeOf(d.readiness_probe),
    environmentVariables: stringMap(d.environment_variables),
    allowPublicEgress: kubernetes ? undefined : egress !== undefined ? egress === 'enabled' : options.cliDefaults ? true : undefined,
    appInsightsEnabled: appInsights ?? (options.cliDefaults ? false : undefined),
    dataCollection: dc ? dataCollectionOf(dc) : undefined,
    modelMountPath: text(d.model_mount_path),
    resources: kubernetes ? resourcesOf(d.resources) : undefined,
    targetUtilization: kubernetes && scale?.type === 'target_utilization' ? {
      minInstances: scale.min_instances as number | undefined, maxInstances: scale.max_instances as number | undefined,
      pollingIntervalSeconds: scale.polling_interval as number | undefined, targetUtilizationPercentage: scale.target_utilization_percentage as number | undefined,
    } : undefined,
    description: text(d.description),
    tags: stringMap(d.tags),
  };
}

function dataCollectionOf(dc: Record<string, any>) {
  const collections = Object.entries((dc.collections ?? {}) as Record<string, { enabled?: unknown; sampling_rate?: number }>)
    .filter(([, c]) => String(c?.enabled ?? 'true').toLowerCase() === 'true').map(([n]) => n);
  const rate = text(dc.rolling_rate);
  return {
    collections,
    samplingRate: dc.sampling_rate as number | undefined,
    rollingRate: rate ? (rate[0].toUpperCase() + rate.slice(1)) as DataCollectionRollingRate : undefined,
    captureHeaders: dc.request_logging?.capture_headers as string[] | undefined,
  };
}

function resourcesOf(v: unknown) {
  if (v === undefined || v === null) return undefined;
  const r = v as { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  const q = (x: Record<string, unknown> | undefined) => (x ? { cpu: text(x.cpu), memory: text(x.memory), gpu: text(x['nvidia.com/gpu']) } : undefined);
  return { requests: q(r.requests), limits: q(r.limits) };
}
