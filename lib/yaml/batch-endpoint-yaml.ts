/**
 * Batch endpoint and deployment files (model deployments, and pipeline-component deployments of `type: pipeline`)
 * loaded into `BatchEndpoint` and its deployments, with the CLI's meaning:
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-endpoint-batch ,
 * https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-batch .
 * Model settings are read under `settings` (current CLI) or at the top level (older files; the CLI takes both).
 */
import { Construct } from 'constructs';
import { BatchDeploymentOptions, BatchEndpoint, BatchLoggingLevel, BatchOutputAction, IBatchDeployment } from '../serving/batch-endpoint';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { YamlLoadOptions } from './options';
import { prepare, stringMap, text, withinFile } from './prepare';
import { AssetScope, componentIdOf, computeIdOf, deploymentCode, deploymentEnvironment, deploymentModel } from './serving-assets';
import { userAssignedIdentityOf } from './serving-identity';
import { kindSchema } from './schema-check';
import { withCaseFoldedEnums } from './serving-enums';

/** What `BatchEndpointYaml.load` takes. */
export interface BatchEndpointYamlProps extends YamlLoadOptions {
  /** The workspace the endpoint is created in. */
  readonly workspace: IWorkspace;
  /** The endpoint file, e.g. `endpoint.yml`. */
  readonly file: string;
}

const ENDPOINT_KEYS: { [subject: string]: KeyPath } = { endpointName: ['name'], description: ['description'], tags: ['tags'] };
const DEPLOYMENT_KEYS: { [subject: string]: KeyPath } = {
  deploymentName: ['name'], computeId: ['compute'], environment: ['environment'], code: ['code_configuration', 'code'],
  'code/scoringScript': ['code_configuration'], scoringScript: ['code_configuration', 'scoring_script'], instanceCount: ['resources', 'instance_count'],
  componentId: ['component'], source: ['model'], model: ['model'], inferenceRoutes: ['environment', 'inference_config'],
};

/** The default deployment an endpoint file names, made the default when that deployment is added. */
const PENDING_DEFAULT = new WeakMap<BatchEndpoint, string>();

/**
 * Loads Azure ML CLI v2 batch endpoint and deployment YAML into a `BatchEndpoint` and its deployments.
 *
 * ```ts
 * const batch = BatchEndpointYaml.load(this, 'Scoring', { workspace, file: 'batch/endpoint.yml' });
 * BatchEndpointYaml.addDeployment(batch, 'batch/deployment.yml');
 * ```
 */
export class BatchEndpointYaml {
  /** A batch endpoint from its file. */
  public static load(scope: Construct, id: string, props: BatchEndpointYamlProps): BatchEndpoint {
    const doc = prepare(props.file, 'batch endpoint', kindSchema('batch-endpoint'), withCaseFoldedEnums(props.file, props));
    const d = doc.data;
    const identity = userAssignedIdentityOf(scope, doc, 'batch endpoint');
    const endpoint = withinFile(doc, 'batch endpoint', ENDPOINT_KEYS, () => new BatchEndpoint(scope, id, {
      workspace: props.workspace, endpointName: String(d.name), userAssignedIdentity: identity,
      description: text(d.description), tags: stringMap(d.tags),
    }));
    const defaultName = text((d.defaults as { deployment_name?: string } | undefined)?.deployment_name);
    if (defaultName !== undefined) {
      PENDING_DEFAULT.set(endpoint, defaultName);
      const line = doc.lineOf(['defaults', 'deployment_name']);
      // Checked at synth, when every deployment file has been added.
      endpoint.node.addValidation({
        validate: () => (endpoint.deployments.length + endpoint.pipelineComponentDeployments.length > 0
          && endpoint.defaultDeploymentName !== defaultName
          ? [`${doc.file}: line ${line}, defaults.deployment_name names '${defaultName}', which was never added (the default is ` +
            `'${endpoint.defaultDeploymentName ?? '(none)'}'). Fix: add it with BatchEndpointYaml.addDeployment(), or name one of the added deployments`]
          : []),
      });
    }
    return endpoint;
  }

  /** Adds a model or pipeline-component deployment from its file. */
  public static addDeployment(endpoint: BatchEndpoint, file: string, options: YamlLoadOptions = {}): IBatchDeployment {
    const what = 'batch deployment';
    const doc = prepare(file, what, kindSchema('batch-deployment'), withCaseFoldedEnums(file, options));
    const d = doc.data;
    const name = String(d.name);
    const problems: YamlProblem[] = [];
    const written = text(d.endpoint_name);
    if (written !== undefined && written !== endpoint.endpointName && !/\$\{/.test(endpoint.endpointName)) {
      problems.push(doc.problem(['endpoint_name'], `names endpoint '${written}', but the deployment is added to '${endpoint.endpointName}'`,
        `write endpoint_name: ${endpoint.endpointName}, or pass it as an override (set: { endpoint_name: '${endpoint.endpointName}' })`));
    }
    const a: AssetScope = { doc, scope: endpoint, workspace: endpoint.workspace, ownerName: `${endpoint.endpointName}-${name}`, what, problems };
    const isDefault = PENDING_DEFAULT.get(endpoint) === name ? true : undefined;
    if (d.type === 'pipeline' || d.component !== undefined) {
      const componentId = componentIdOf(a, ['component']);
      if (problems.length > 0 || componentId === undefined) throw new YamlLoadError(doc.file, what, problems);
      return withinFile(doc, what, DEPLOYMENT_KEYS, () => endpoint.addPipelineComponentDeployment(name, {
        componentId, settings: stringMap(d.settings), isDefault, description: text(d.description), tags: stringMap(d.tags),
      }));
    }
    const opts = withinFile(doc, what, DEPLOYMENT_KEYS, () => modelDeploymentOf(a, endpoint, isDefault));
    if (problems.length > 0 || opts === undefined) throw new YamlLoadError(doc.file, what, problems);
    return withinFile(doc, what, DEPLOYMENT_KEYS, () => endpoint.addDeployment(name, opts));
  }
}

function modelDeploymentOf(a: AssetScope, endpoint: BatchEndpoint, isDefault: boolean | undefined): BatchDeploymentOptions | undefined {
  const { doc, problems } = a;
  const d = doc.data;
  // Current files nest these under `settings`; older ones write them at the top level, which the CLI still takes.
  const s = { ...pick(d), ...((d.settings as Record<string, unknown> | undefined) ?? {}) };
  const cc = d.code_configuration as { code?: string; scoring_script?: string } | undefined;
  const model = deploymentModel(a, ['model'], d.environment === undefined && cc === undefined);
  if (d.model === undefined) problems.push(doc.problem(['model'], 'is required for a model deployment', 'add `model:`, or `type: pipeline` with `component:`'));
  const compute = text(d.compute);
  if (compute === undefined) problems.push(doc.problem(['compute'], 'is required: batch scoring runs on a compute cluster', 'add `compute: azureml:<cluster-name>`'));
  const environment = deploymentEnvironment(a, ['environment']);
  const code = cc?.code !== undefined ? deploymentCode(a, ['code_configuration', 'code']) : undefined;
  if (model === undefined || compute === undefined || problems.length > 0) return undefined;
  const retry = s.retry_settings as { max_retries?: number; timeout?: number } | undefined;
  const action = text(s.output_action);
  const level = text(s.logging_level);
  return {
    model, computeId: computeIdOf(endpoint.workspace, compute), deploymentName: String(d.name), environment, code, scoringScript: cc?.scoring_script,
    isDefault,
    instanceCount: (d.resources as { instance_count?: number } | undefined)?.instance_count,
    miniBatchSize: s.mini_batch_size as number | undefined,
    maxConcurrencyPerInstance: s.max_concurrency_per_instance as number | undefined,
    maxRetries: retry?.max_retries,
    timeoutSeconds: retry?.timeout,
    outputAction: action === 'summary_only' ? BatchOutputAction.SUMMARY_ONLY : action === 'append_row' ? BatchOutputAction.APPEND_ROW : undefined,
    outputFileName: text(s.output_file_name),
    errorThreshold: s.error_threshold as number | undefined,
    loggingLevel: level === 'debug' ? BatchLoggingLevel.DEBUG : level === 'warning' ? BatchLoggingLevel.WARNING : level === 'info' ? BatchLoggingLevel.INFO : undefined,
    environmentVariables: stringMap(s.environment_variables),
    description: text(d.description),
    tags: stringMap(d.tags),
  };
}

const TOP_LEVEL_SETTINGS = ['max_concurrency_per_instance', 'mini_batch_size', 'output_action', 'output_file_name', 'retry_settings', 'error_threshold', 'logging_level', 'environment_variables'];

function pick(d: YamlDocument['data']): Record<string, unknown> {
  return Object.fromEntries(TOP_LEVEL_SETTINGS.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
}
