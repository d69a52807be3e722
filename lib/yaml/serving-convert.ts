/**
 * `yaml convert` for the serving kinds: the TypeScript an endpoint or deployment file means, written with the
 * serving constructs' public API. It says what the loaders do (secure defaults, pinned references, content
 * versions of inline assets) in the same words, as comments. Not part of the jsii API.
 */
import * as os from 'os';
import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { stringify as toYaml } from 'yaml';
import { Workspace } from '../workspace/workspace';
import { Code, header, lit, localPath, props } from './convert';
import { YamlDocument } from './document';
import { YamlLoadOptions } from './options';
import { isLocalPath, prepare, stringMap, text } from './prepare';
import { parseAssetReference } from './references';
import { inlineCode, inlineEnvironment, inlineModel } from './inline-assets';
import { kindSchema } from './schema-check';
import { withCaseFoldedEnums } from './serving-enums';
import { azureVmSize } from './units';

type ServingKind = 'onlineEndpoint' | 'batchEndpoint' | 'managedOnlineDeployment' | 'kubernetesOnlineDeployment' | 'batchDeployment';

const SCHEMA: { [k in ServingKind]: string } = {
  onlineEndpoint: 'online-endpoint', batchEndpoint: 'batch-endpoint', managedOnlineDeployment: 'managed-online-deployment',
  kubernetesOnlineDeployment: 'kubernetes-online-deployment', batchDeployment: 'batch-deployment',
};

/** The TypeScript for a serving file. */
export function convertServing(kind: ServingKind, file: string, options: YamlLoadOptions): string {
  const doc = prepare(file, kind, kindSchema(SCHEMA[kind]), withCaseFoldedEnums(file, options));
  const d = doc.data;
  const imports: string[] = [];
  const body: string[] = [];
  if (kind === 'onlineEndpoint' || kind === 'batchEndpoint') {
    imports.push('IWorkspace');
    const online = kind === 'onlineEndpoint';
    imports.push(online ? 'OnlineEndpoint' : 'BatchEndpoint');
    const auth = text(d.auth_mode);
    if (online && auth) imports.push('EndpointAuthMode');
    if (online && auth === undefined) body.push('// No auth_mode: the CLI would use keys; Entra ID tokens (the default here) instead.');
    const pna = text(d.public_network_access);
    if (online && pna === undefined && d.compute === undefined) body.push('// No public_network_access: the CLI would enable it; it stays disabled here.');
    if ((d.identity as { type?: string } | undefined)?.type === 'user_assigned') {
      body.push('// identity: user_assigned — pass userAssignedIdentity: { identityId, principalId } (the principal id is not in the file).');
    }
    body.push(`const endpoint = new ${online ? 'OnlineEndpoint' : 'BatchEndpoint'}(scope, ${lit(String(d.name))}, ${props({
      workspace: new Code('workspace'),
      endpointName: String(d.name),
      authMode: online && auth ? new Code(`EndpointAuthMode.${auth.toUpperCase()}`) : undefined,
      allowPublicNetworkAccess: online && pna !== undefined ? pna === 'enabled' : undefined,
      kubernetesComputeId: online && d.compute !== undefined ? new Code(`\`\${workspace.workspaceId}/computes/${String(d.compute).replace(/^azureml:/, '')}\``) : undefined,
      description: text(d.description), tags: stringMap(d.tags),
    })});`);
    const traffic = d.traffic as object | undefined;
    if (online && traffic && Object.keys(traffic).length > 0) {
      imports.push('Traffic');
      body.push('// After the deployments are added:');
      body.push(`endpoint.routeTraffic(Traffic.split(${lit(traffic)}));`);
    }
    const def = (d.defaults as { deployment_name?: string } | undefined)?.deployment_name;
    if (!online && def) body.push(`// The default deployment: pass isDefault: true when adding ${lit(def)}.`);
    body.push('return endpoint;');
    imports.push('Construct');
    return header(file, imports, 'scope: Construct, workspace: IWorkspace', body).replace("import { Construct, ", "import { Construct } from 'constructs';\nimport { ");
  }
  const online = kind !== 'batchDeployment';
  imports.push(online ? 'OnlineEndpoint' : 'BatchEndpoint');
  const owner = `${String(d.endpoint_name)}-${String(d.name)}`;
  const cc = d.code_configuration as { code?: string; scoring_script?: string } | undefined;
  const model = d.model !== undefined ? modelCode(doc, d.model, owner, d.environment === undefined && cc === undefined, imports, body) : undefined;
  const environment = d.environment !== undefined ? environmentCode(doc, d.environment, owner, imports, body) : undefined;
  const code = cc?.code !== undefined ? codeCode(doc, cc.code, owner, imports, body) : undefined;
  if (kind === 'batchDeployment' && (d.type === 'pipeline' || d.component !== undefined)) {
    const ref = parseAssetReference(String(d.component));
    body.push(`return endpoint.addPipelineComponentDeployment(${lit(String(d.name))}, ${props({
      componentId: ref?.form === 'workspace' && ref.version ? new Code(`\`\${endpoint.workspace.workspaceId}/components/${ref.name}/versions/${ref.version}\``) : String(d.component),
      settings: stringMap(d.settings), description: text(d.description), tags: stringMap(d.tags),
    })});`);
    return header(file, imports, 'endpoint: BatchEndpoint', body);
  }
  const common = { model, environment, code, scoringScript: cc?.scoring_script, description: text(d.description), tags: stringMap(d.tags) };
  if (online) {
    const kubernetes = kind === 'kubernetesOnlineDeployment';
    const it = text(d.instance_type);
    if (it) imports.push('InstanceType');
    const rs = d.request_settings as Record<string, number> | undefined;
    const probe = (p: unknown) => (p ? Object.fromEntries(Object.entries(p as Record<string, number>).map(([k, v]) => [
      ({ initial_delay: 'initialDelaySeconds', period: 'periodSeconds', timeout: 'timeoutSeconds', success_threshold: 'successThreshold', failure_threshold: 'failureThreshold' } as Record<string, string>)[k], v])) : undefined);
    if (d.app_insights_enabled === undefined) body.push('// No app_insights_enabled: the CLI would leave Application Insights off; it is on here.');
    if (!kubernetes && d.egress_public_network_access === undefined) body.push('// No egress_public_network_access: the CLI would enable it; it stays disabled here.');
    const scale = d.scale_settings as Record<string, unknown> | undefined;
    const res = d.resources as Record<string, Record<string, unknown>> | undefined;
    const q = (x: Record<string, unknown> | undefined) => (x ? { cpu: text(x.cpu), memory: text(x.memory), gpu: text(x['nvidia.com/gpu']) } : undefined);
    body.push(`return endpoint.addDeployment(${lit(String(d.name))}, ${props({
      ...common,
      instanceType: it ? new Code(`InstanceType.of(${lit(kubernetes ? it : azureVmSize(it))})`) : undefined,
      instanceCount: d.instance_count,
      requestSettings: rs ? { requestTimeoutMs: rs.request_timeout_ms, maxConcurrentRequestsPerInstance: rs.max_concurrent_requests_per_instance, maxQueueWaitMs: rs.max_queue_wait_ms } : undefined,
      livenessProbe: probe(d.liveness_probe), readinessProbe: probe(d.readiness_probe),
      environmentVariables: stringMap(d.environment_variables),
      appInsightsEnabled: d.app_insights_enabled,
      allowPublicEgress: d.egress_public_network_access !== undefined ? d.egress_public_network_access === 'enabled' : undefined,
      modelMountPath: text(d.model_mount_path),
      resources: res ? { requests: q(res.requests), limits: q(res.limits) } : undefined,
      targetUtilization: scale?.type === 'target_utilization' ? {
        minInstances: scale.min_instances, maxInstances: scale.max_instances, pollingIntervalSeconds: scale.polling_interval, targetUtilizationPercentage: scale.target_utilization_percentage,
      } : undefined,
    })});`);
    return header(file, imports, 'endpoint: OnlineEndpoint', body);
  }
  const s = { ...d, ...((d.settings as Record<string, unknown> | undefined) ?? {}) } as Record<string, any>;
  const compute = String(d.compute ?? '').replace(/^azureml:/, '');
  if (s.output_action) imports.push('BatchOutputAction');
  if (s.logging_level) imports.push('BatchLoggingLevel');
  body.push(`return endpoint.addDeployment(${lit(String(d.name))}, ${props({
    ...common,
    computeId: compute.startsWith('/subscriptions/') ? compute : new Code(`\`\${endpoint.workspace.workspaceId}/computes/${compute}\``),
    instanceCount: (d.resources as { instance_count?: number } | undefined)?.instance_count,
    miniBatchSize: s.mini_batch_size, maxConcurrencyPerInstance: s.max_concurrency_per_instance,
    maxRetries: s.retry_settings?.max_retries, timeoutSeconds: s.retry_settings?.timeout,
    outputAction: s.output_action ? new Code(`BatchOutputAction.${String(s.output_action).toUpperCase()}`) : undefined,
    outputFileName: text(s.output_file_name), errorThreshold: s.error_threshold,
    loggingLevel: s.logging_level ? new Code(`BatchLoggingLevel.${String(s.logging_level).toUpperCase()}`) : undefined,
    environmentVariables: stringMap(s.environment_variables),
  })});`);
  return header(file, imports, 'endpoint: BatchEndpoint', body);
}

function refComment(value: string, body: string[]): void {
  const ref = parseAssetReference(value);
  if (ref && ref.version === undefined) body.push(`// ${value}: pin the version (a plan cannot ask Azure which is newest).`);
}

function modelCode(doc: YamlDocument, value: unknown, owner: string, noRuntime: boolean, imports: string[], body: string[]): Code {
  imports.push('DeploymentModel');
  if (typeof value === 'string') {
    refComment(value, body);
    imports.push('ModelType');
    const ref = parseAssetReference(value);
    const id = ref?.form === 'workspace' && ref.version ? new Code(`\`\${endpoint.workspace.workspaceId}/models/${ref.name}/versions/${ref.version}\``) : lit(value);
    return new Code(`DeploymentModel.fromUri(${id instanceof Code ? id.text : id}, { modelType: ModelType.${noRuntime ? 'MLFLOW' : 'CUSTOM'} })`);
  }
  const m = value as Record<string, unknown>;
  imports.push('Model', 'ModelSource');
  const p = String(m.path);
  const version = loaderVersion(doc, ['model'], owner, 'model');
  body.push(`const model = Model.inWorkspace(endpoint.workspace, ${lit(`${owner}-model`)}, { name: ${lit(text(m.name) ?? owner)} })`);
  body.push(`  .addVersion(${lit(version)}, { source: ${isLocalPath(p) ? `ModelSource.fromLocalPath(${lit(localPath(doc, p))}, { honourIgnoreFiles: true })` : `ModelSource.fromUri(${lit(p)})`}${m.type ? `, modelType: ModelType.${String(m.type).replace('_model', '').toUpperCase()}` : ''} });`);
  if (m.type) imports.push('ModelType');
  return new Code('DeploymentModel.fromModelVersion(model)');
}

function environmentCode(doc: YamlDocument, value: unknown, owner: string, imports: string[], body: string[]): Code {
  if (typeof value === 'string') {
    refComment(value, body);
    imports.push('EnvironmentReference');
    return new Code(`EnvironmentReference.fromAssetId(endpoint, 'Environment', ${lit(value)})`);
  }
  const e = value as Record<string, unknown>;
  imports.push('Environment', 'EnvironmentSource');
  const build = e.build as { path: string; dockerfile_path?: string } | undefined;
  const conda = e.conda_file;
  const source = build
    ? `EnvironmentSource.fromBuildContext(${lit(localPath(doc, build.path))}, ${props({ dockerfilePath: build.dockerfile_path, honourIgnoreFiles: true })})`
    : `EnvironmentSource.fromImage(${lit(String(e.image))}${typeof conda === 'string' ? `, { condaFile: ${lit(localPath(doc, conda))} }` : conda ? `, { condaSpecification: ${lit(toYaml(conda))} }` : ''})`;
  body.push('// An inline environment: versioned by its content here (the CLI registers an anonymous one).');
  body.push(`const environment = Environment.inWorkspace(endpoint.workspace, ${lit(`${owner}-environment`)}, { name: ${lit(text(e.name) ?? owner)} })`);
  const version = loaderVersion(doc, ['environment'], owner, 'environment');
  body.push(`  .addVersion(${lit(version)}, { source: ${source} });`);
  return new Code('environment');
}

function codeCode(doc: YamlDocument, value: string, owner: string, imports: string[], body: string[]): Code {
  if (isLocalPath(value)) {
    imports.push('CodeAsset', 'CodeSource');
    body.push(`const code = CodeAsset.inWorkspace(endpoint.workspace, ${lit(`${owner}-code`)}, { name: ${lit(owner)} })`);
    body.push(`  .addVersion(${lit(loaderVersion(doc, ['code_configuration', 'code'], owner, 'code'))}, { source: CodeSource.fromLocalPath(${lit(localPath(doc, value))}, { honourIgnoreFiles: true }) });`);
    return new Code('code');
  }
  refComment(value, body);
  imports.push('CodeReference');
  return new Code(`CodeReference.fromAssetId(endpoint, 'Code', ${lit(value)})`);
}

/**
 * The version the loader gives an inline definition (its `version:`, or its content's), found by running the
 * framework's own resolver in a scratch app, so the converted program declares exactly what the loader would.
 */
function loaderVersion(doc: YamlDocument, at: string[], owner: string, kind: 'model' | 'environment' | 'code'): string {
  const stack = new TerraformStack(new App({ outdir: os.tmpdir() }), 'convert');
  const sa = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-convert/providers/Microsoft.Storage/storageAccounts/stconvert';
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-convert/providers/Microsoft.MachineLearningServices/workspaces/mlw-convert',
    location: 'westeurope', storageAccountId: sa,
    artifactStore: { storageAccountId: sa, storageAccountName: 'stconvert', containerName: 'model-artifacts', datastoreName: 'model_artifacts' },
  });
  const resolve = kind === 'model' ? inlineModel : kind === 'environment' ? inlineEnvironment : inlineCode;
  const declared = resolve(doc, at, workspace, owner, 'deployment').declared as (IConstruct & { version?: string }) | undefined;
  return declared?.version ?? '1';
}
