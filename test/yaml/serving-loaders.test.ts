// The serving loaders on fixtures written from the CLI v2 reference (test/fixtures/yaml-serving/reference), one per
// kind and value form, asserting on the synthesized bodies field by field; then bad input, asserting file, line,
// key and fix.
import { AnnotationMetadataEntryType, TerraformStack } from 'cdktf';
import { OnlineEndpointYaml } from '../../lib/yaml/online-endpoint-yaml';
import { BatchEndpointYaml } from '../../lib/yaml/batch-endpoint-yaml';
import { azapiBodyProblems } from '../support/azure-types';
import { Template } from '../support/template';
import { declareChurn, ref, RG_ID, servingYamlStack, WS_ID } from './serving-support';

const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1';
const PROBE_DEFAULTS = { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 };

function synth(stack: TerraformStack): Template {
  const t = Template.synth(stack);
  expect(azapiBodyProblems(t.json)).toEqual([]);
  return t;
}
const bodyOf = (t: Template, name: string, parent?: string) =>
  t.resources('azapi_resource').find(r => r.attributes.name === name && (parent === undefined || String(r.attributes.parent_id).includes(parent)))!.attributes;
const infos = (stack: TerraformStack) => stack.node.metadata.filter(m => m.type === AnnotationMetadataEntryType.INFO).map(m => String(m.data));
const errorOf = (fn: () => unknown): string => {
  try { fn(); } catch (e) { return (e as Error).message; }
  throw new Error('expected an error');
};

describe('online endpoint files', () => {
  test('a minimal managed endpoint: the secure defaults win over the CLI\'s, each said once', () => {
    const { stack, workspace } = servingYamlStack();
    OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') });
    const ep = bodyOf(synth(stack), 'churn-online');
    expect(ep.parent_id).toBe(WS_ID);
    expect(ep.body).toEqual({ properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled', description: 'Churn scoring' } });
    expect(ep.tags).toEqual({ team: 'ml', tier: '1' });
    expect(ep.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(infos(stack)).toEqual([
      expect.stringMatching(/endpoint\.yml: no auth_mode; the CLI would use keys, this library uses Microsoft Entra ID tokens/),
      expect.stringMatching(/no public_network_access; the CLI would enable it, this library disables it/),
    ]);
  });

  test('cliDefaults reproduces the CLI: key auth and public access', () => {
    const { stack, workspace } = servingYamlStack();
    OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml'), cliDefaults: true });
    expect(bodyOf(synth(stack), 'churn-online').body.properties).toMatchObject({ authMode: 'Key', publicNetworkAccess: 'Enabled' });
    expect(infos(stack)).toEqual([expect.stringMatching(/as the CLI, the endpoint takes keys/), expect.stringMatching(/as the CLI, the endpoint is reachable/)]);
  });

  test('--name overrides the file\'s name, as on the command line', () => {
    const { stack, workspace } = servingYamlStack();
    OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml'), name: 'churn-renamed' });
    expect(bodyOf(synth(stack), 'churn-renamed')).toBeDefined();
  });

  test('every key of a full file: key auth, public access, a user-assigned identity (principal read by data source), traffic and mirror', () => {
    const { stack, workspace } = servingYamlStack();
    declareChurn(workspace);
    const ep = OnlineEndpointYaml.load(stack, 'Full', { workspace, file: ref('online/endpoint-full.yml') });
    OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment-for-full.yml'));
    OnlineEndpointYaml.addDeployment(ep, ref('online/green-deployment-refs.yml'));
    OnlineEndpointYaml.addDeployment(ep, ref('online/shadow-deployment-registry.yml'));
    const t = synth(stack);
    const body = bodyOf(t, 'churn-full');
    expect(body.body).toEqual({ properties: { authMode: 'Key', publicNetworkAccess: 'Enabled' } });
    expect(body.identity).toEqual([{ type: 'UserAssigned', identity_ids: [`${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-serving`] }]);
    expect(t.json.data.azurerm_user_assigned_identity).toEqual({ 'UserAssignedIdentity-id-serving': { name: 'id-serving', resource_group_name: 'rg-ml' } });
    // The user-assigned identity gets the workspace basics Azure grants only system-assigned identities.
    expect(t.resources('azurerm_role_assignment').map(r => [r.attributes.scope.split('/').pop(), r.attributes.principal_id]))
      .toEqual(expect.arrayContaining([['crmlchurn', '${data.azurerm_user_assigned_identity.UserAssignedIdentity-id-serving.principal_id}'],
        ['stmlchurn', '${data.azurerm_user_assigned_identity.UserAssignedIdentity-id-serving.principal_id}']]));
    expect(t.resources('azapi_update_resource')[0].attributes.body).toEqual({
      properties: { traffic: { blue: 90, green: 10, shadow: 0 }, mirrorTraffic: { blue: 0, green: 0, shadow: 20 } },
    });
  });
});

describe('managed online deployment files', () => {
  test('inline model, code and environment become versions named after the deployment, versioned by content; units and spellings converted', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') });
    OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment.yml'));
    const t = synth(stack);
    const d = bodyOf(t, 'blue');
    expect(d.tags).toEqual({ color: 'blue' });
    expect(d.body.sku).toEqual({ name: 'Default', capacity: 2 });
    expect(d.body.properties).toEqual({
      endpointComputeType: 'Managed',
      model: expect.stringMatching(/^\$\{azapi_resource\.Workspace_churn-online-blue-model_[0-9a-f]{12}_.*\.id\}$/),
      environmentId: expect.stringMatching(/^\$\{azapi_resource\.Workspace_churn-online-blue-environment_[0-9a-f]{12}_.*\.id\}$/),
      codeConfiguration: { codeId: expect.stringMatching(/churn-online-blue-code_[0-9a-f]{12}/), scoringScript: 'score.py' },
      instanceType: 'Standard_NC4as_T4_v3',                                       // STANDARD_NC4AS_T4_V3 in the file
      scaleSettings: { scaleType: 'Default' },
      requestSettings: { maxConcurrentRequestsPerInstance: 4, requestTimeout: 'PT90S' }, // request_timeout_ms: 90000
      livenessProbe: { initialDelay: 'PT30S', period: 'PT15S', timeout: 'PT5S', successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { ...PROBE_DEFAULTS, initialDelay: 'PT10S' },
      environmentVariables: { LOG_LEVEL: 'info', WORKERS: '2' },
      egressPublicNetworkAccess: 'Disabled',
      appInsightsEnabled: true,
    });
    const versions = t.resources('azapi_resource').filter(r => /versions$/.test(r.attributes.type.split('@')[0]));
    const env = versions.find(r => r.attributes.type.includes('environments'))!.attributes;
    expect(env.name).toMatch(/^[0-9a-f]{12}$/);
    expect(env.parent_id).toMatch(/Workspace_churn-online-blue-environment_[0-9A-F]{8}\.id/);
    expect(['model', 'environment', 'code'].map(k => t.resources('azapi_resource').filter(r => r.attributes.name === `churn-online-blue-${k}`)
      .map(r => r.attributes.type.split('@')[0].split('/').pop()))).toEqual([['models'], ['environments'], ['codes']]);
    expect(env.body.properties).toMatchObject({ image: IMAGE, condaFile: expect.stringContaining('scikit-learn==1.5.1') });
    const model = versions.find(r => r.attributes.type.includes('models'))!.attributes;
    expect(model.parent_id).toMatch(/Workspace_churn-online-blue-model_[0-9A-F]{8}\.id/);
    expect(model.body.properties.modelType).toBe('custom_model');
    // The local folders are uploaded (model file, scoring script).
    expect(t.resources('azurerm_storage_blob').length).toBeGreaterThanOrEqual(2);
    expect(infos(stack)).toEqual(expect.arrayContaining([
      expect.stringMatching(/no app_insights_enabled; the CLI would leave Application Insights off, this library turns it on/),
      expect.stringMatching(/no egress_public_network_access; the CLI would enable it, this library disables it/),
    ]));
  });

  test('the same file twice gives the same versions: content versions are stable', () => {
    const names = [0, 1].map(() => {
      const { stack, workspace } = servingYamlStack();
      OnlineEndpointYaml.addDeployment(OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') }), ref('online/blue-deployment.yml'));
      return Template.synth(stack).resources('azapi_resource').filter(r => r.attributes.type.includes('/versions@')).map(r => r.attributes.name).sort();
    });
    expect(names[0]).toEqual(names[1]);
    expect(names[0]).toHaveLength(3);
  });

  test('references: @latest pins to the highest declared version, registry URIs and workspace code references pass as ids', () => {
    const { stack, workspace } = servingYamlStack();
    const v3 = declareChurn(workspace);
    const ep = OnlineEndpointYaml.load(stack, 'Full', { workspace, file: ref('online/endpoint-full.yml'), set: { traffic: '{}', mirror_traffic: '{}' } });
    OnlineEndpointYaml.addDeployment(ep, ref('online/green-deployment-refs.yml'));
    const t = synth(stack);
    const p = bodyOf(t, 'green').body.properties;
    expect(v3.version).toBe('3');
    expect(p.model).toMatch(/^\$\{azapi_resource\.Workspace_churn_3_[0-9A-F]{8}\.id\}$/);          // azureml:churn@latest → churn:3
    expect(p.environmentId).toBe('azureml://registries/azureml/environments/sklearn-1.5/versions/21');
    expect(p.codeConfiguration).toEqual({ codeId: `${WS_ID}/codes/churn-score/versions/2`, scoringScript: 'score.py' });
    expect(p).toMatchObject({
      instanceType: 'Standard_DS3_v2', appInsightsEnabled: false, egressPublicNetworkAccess: 'Enabled', modelMountPath: '/var/azureml-app/churn',
      dataCollector: { collections: { model_inputs: { dataCollectionMode: 'Enabled', samplingRate: 0.25 } }, rollingRate: 'Day' },
    });
    expect(bodyOf(t, 'green').depends_on).toEqual(expect.arrayContaining([expect.stringContaining('Workspace_churn_3')]));
  });

  test('a registry model without environment or code is a no-code (MLflow) deployment', () => {
    const { stack, workspace } = servingYamlStack();
    declareChurn(workspace);
    const ep = OnlineEndpointYaml.load(stack, 'Full', { workspace, file: ref('online/endpoint-full.yml'), set: { traffic: '{}', mirror_traffic: '{}' } });
    OnlineEndpointYaml.addDeployment(ep, ref('online/shadow-deployment-registry.yml'));
    const p = bodyOf(synth(stack), 'shadow').body.properties;
    expect(p.model).toBe('azureml://registries/mlr-shared/models/churn-mlflow/versions/4');
    expect(p.environmentId).toBeUndefined();
    expect(p.instanceType).toBe('Standard_F4s_v2');
  });

  test('--set overrides reach nested keys with their YAML types (instance_count, request_settings.request_timeout_ms)', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') });
    OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment.yml'), { set: { instance_count: '3', 'request_settings.request_timeout_ms': '1500' } });
    const d = bodyOf(synth(stack), 'blue').body;
    expect(d.sku.capacity).toBe(3);
    expect(d.properties.requestSettings.requestTimeout).toBe('PT1.5S');
  });
});

describe('Kubernetes online files', () => {
  test('the endpoint names the attached compute; the deployment has the cluster\'s instance type, requests, limits and target utilization', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'K8s', { workspace, file: ref('kubernetes/endpoint.yml') });
    OnlineEndpointYaml.addDeployment(ep, ref('kubernetes/blue-deployment.yml'));
    const t = synth(stack);
    expect(bodyOf(t, 'churn-k8s').body).toEqual({ properties: { authMode: 'AMLToken', compute: `${WS_ID}/computes/k8s-compute` } });
    const d = bodyOf(t, 'blue').body;
    expect(d.sku).toEqual({ name: 'Default', capacity: 2 });
    expect(d.properties).toMatchObject({
      endpointComputeType: 'Kubernetes',
      instanceType: 'gpu-t4',
      requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: 'PT3S', maxQueueWait: 'PT3S' },
      containerResourceRequirements: {
        containerResourceRequests: { cpu: '0.1', memory: '0.1Gi' },
        containerResourceLimits: { cpu: '0.2', memory: '200Mi', gpu: '1' },
      },
      scaleSettings: { scaleType: 'TargetUtilization', minInstances: 1, maxInstances: 3, pollingInterval: 'PT10S', targetUtilizationPercentage: 70 },
    });
    expect(d.properties.egressPublicNetworkAccess).toBeUndefined();
  });

  test('a Kubernetes deployment file on a managed endpoint is refused for that, before its keys are checked', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') });
    const msg = errorOf(() => OnlineEndpointYaml.addDeployment(ep, ref('kubernetes/blue-deployment.yml'), { set: { endpoint_name: 'churn-online' } }));
    expect(msg).toMatch(/kubernetes\/blue-deployment\.yml': line 3, type \(value: "kubernetes"\) makes a Kubernetes deployment, but endpoint 'churn-online' is managed\. Fix: add it to an endpoint whose file names its Kubernetes compute/);
  });
});

describe('deployment kinds must match their endpoint', () => {
  test('a managed deployment file ($schema managedOnlineDeployment) on a Kubernetes endpoint is refused', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'K8s', { workspace, file: ref('kubernetes/endpoint.yml') });
    const msg = errorOf(() => OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment.yml'), { set: { endpoint_name: 'churn-k8s' } }));
    expect(msg).toMatch(/line 1, \$schema \(value: ".*managedOnlineDeployment\.schema\.json"\) makes a managed deployment, but endpoint 'churn-k8s' runs on a Kubernetes compute/);
  });
});

describe('batch files', () => {
  test('endpoint, model deployment (settings form), older top-level form and pipeline-component deployment; the file\'s default wins', () => {
    const { stack, workspace } = servingYamlStack();
    declareChurn(workspace);
    const b = BatchEndpointYaml.load(stack, 'Batch', { workspace, file: ref('batch/endpoint.yml') });
    BatchEndpointYaml.addDeployment(b, ref('batch/model-deployment.yml'));
    BatchEndpointYaml.addDeployment(b, ref('batch/model-deployment-legacy.yml'));
    BatchEndpointYaml.addDeployment(b, ref('batch/pipeline-deployment.yml'));
    const t = synth(stack);
    expect(bodyOf(t, 'churn-batch').body).toEqual({ properties: { authMode: 'AADToken', description: 'Nightly churn scoring' } });
    const m = bodyOf(t, 'model-dpl').body.properties;
    expect(m).toEqual({
      model: { referenceType: 'Id', assetId: expect.stringMatching(/Workspace_churn-batch-model_5_/) },   // name and version from the file
      environmentId: expect.stringMatching(/Workspace_batch-env_2_/),                                   // the inline environment's own name
      codeConfiguration: { codeId: expect.stringMatching(/churn-batch-model-dpl-code_[0-9a-f]{12}/), scoringScript: 'score.py' },
      compute: `${WS_ID}/computes/batch-cluster`,
      resources: { instanceCount: 2 },
      miniBatchSize: 10, maxConcurrencyPerInstance: 2,
      retrySettings: { maxRetries: 3, timeout: 'PT300S' },
      outputAction: 'AppendRow', outputFileName: 'predictions.csv', errorThreshold: -1, loggingLevel: 'Warning',
      environmentVariables: { SCORE_MODE: 'fast' },
    });
    expect(t.resources('azapi_resource').filter(r => r.attributes.name === 'churn-batch-model').map(r => r.attributes.type.split('@')[0]))
      .toEqual(['Microsoft.MachineLearningServices/workspaces/models']);
    const legacy = bodyOf(t, 'legacy-dpl').body.properties;
    expect(legacy).toMatchObject({
      compute: `${WS_ID}/computes/cpu-cluster`, miniBatchSize: 20, outputAction: 'SummaryOnly', loggingLevel: 'Debug',
      retrySettings: { maxRetries: 1, timeout: 'PT60S' }, model: { referenceType: 'Id', assetId: expect.stringContaining('Workspace_churn_3') },
    });
    expect(legacy.outputFileName).toBeUndefined();
    expect(bodyOf(t, 'pipeline-dpl').body.properties).toEqual({
      deploymentConfiguration: {
        deploymentConfigurationType: 'PipelineComponent',
        componentId: { referenceType: 'Id', assetId: `${WS_ID}/components/hello_batch/versions/1` },
        settings: { default_compute: 'batch-cluster', continue_on_step_failure: 'false' },
      },
    });
    expect(t.resources('azapi_update_resource')[0].attributes.body).toEqual({ properties: { defaults: { deploymentName: 'pipeline-dpl' } } });
  });

  test('a pipeline deployment of component@latest cannot be pinned, and the error says how', () => {
    const { stack, workspace } = servingYamlStack();
    const b = BatchEndpointYaml.load(stack, 'Batch', { workspace, file: ref('batch/endpoint.yml') });
    const msg = errorOf(() => BatchEndpointYaml.addDeployment(b, ref('batch/pipeline-deployment.yml'), { set: { component: 'azureml:hello_batch@latest' } }));
    // The value came from the command line, so the error says so instead of a line of the file.
    expect(msg).toMatch(/pipeline-deployment\.yml': component \(from --set\) \(value: "azureml:hello_batch@latest"\) cannot be pinned/);
    expect(msg).toContain('--set component=azureml:hello_batch:<version>');
  });
});

describe('bad input names the file, the line, the key and the fix', () => {
  function onEndpoint(file: string): string {
    const { stack, workspace } = servingYamlStack();
    declareChurn(workspace);
    const ep = OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml') });
    return errorOf(() => OnlineEndpointYaml.addDeployment(ep, ref(file)));
  }

  test('an unknown key, with did-you-mean', () => {
    const msg = onEndpoint('bad/unknown-key.yml');
    expect(msg).toContain("Invalid managed online deployment YAML in '");
    expect(msg).toContain('bad/unknown-key.yml');
    expect(msg).toMatch(/line 4, instance_typ \(value: "instance_typ"\) is not a key of this file .*Fix: did you mean `instance_type`\?/);
  });

  test('a wrong type', () => {
    expect(onEndpoint('bad/wrong-type.yml')).toMatch(/line 4, instance_count \(value: "two"\) must be an integer\. Fix: write a number without quotes/);
  });

  test('a missing required key', () => {
    expect(onEndpoint('bad/missing-required.yml')).toMatch(/endpoint_name \(value: \(not set\)\) is required\. Fix: add `endpoint_name:`/);
  });

  test('unresolvable references and a missing folder, all listed at once', () => {
    const msg = onEndpoint('bad/unresolvable.yml');
    expect(msg).toContain('(3 problems)');
    expect(msg).toMatch(/line 3, model \(value: "azureml:missing-model@latest"\) asks for the latest version, and no version of missing-model is declared in this app.*Fix: pin the version: azureml:missing-model:<version>/);
    expect(msg).toMatch(/line 4, environment \(value: "azureml:AzureML-sklearn-1\.0-ubuntu20\.04-py38-cpu@latest"\) asks for the latest version/);
    expect(msg).toMatch(/line 6, code_configuration\.code\.path \(value: ".*reference\/bad\/does-not-exist"\) does not exist/);
  });

  test('a wrong enum value on an endpoint', () => {
    const { stack, workspace } = servingYamlStack();
    const msg = errorOf(() => OnlineEndpointYaml.load(stack, 'Bad', { workspace, file: ref('bad/endpoint-enum.yml') }));
    expect(msg).toMatch(/line 2, auth_mode \(value: "token"\) must be one of key, aml_token, aad_token/);
  });

  test('a construct\'s own rule comes back on the file\'s key and line (a name Azure refuses)', () => {
    const { stack, workspace } = servingYamlStack();
    const msg = errorOf(() => OnlineEndpointYaml.load(stack, 'Bad', { workspace, file: ref('online/endpoint.yml'), name: '1-churn' }));
    expect(msg).toMatch(/endpoint\.yml': name \(from --name\) \(value: "1-churn"\) breaks the online endpoint naming rule: .*starting with a letter/);
  });

  test('a construct\'s rule broken by the file itself comes back on its line', () => {
    const { stack, workspace } = servingYamlStack();
    const msg = errorOf(() => OnlineEndpointYaml.load(stack, 'Bad', { workspace, file: ref('bad/bad-name.yml') }));
    expect(msg).toMatch(/bad-name\.yml': line 1, name \(value: "1-churn"\) breaks the online endpoint naming rule: .*Fix: choose a name like "churn-prod"/);
  });

  test('mirror traffic or a batch default naming a deployment that is never added fails synth with the file and line', () => {
    const { stack, workspace } = servingYamlStack();
    declareChurn(workspace);
    const ep = OnlineEndpointYaml.load(stack, 'Full', { workspace, file: ref('online/endpoint-full.yml'), set: { traffic: '{}' } });
    OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment-for-full.yml'));
    const b = BatchEndpointYaml.load(stack, 'Batch', { workspace, file: ref('batch/endpoint.yml') });
    BatchEndpointYaml.addDeployment(b, ref('batch/model-deployment-legacy.yml'));
    const msg = errorOf(() => Template.synth(stack));
    expect(msg).toMatch(/endpoint-full\.yml: line 13, mirror_traffic\.shadow names a deployment that was never added/);
    expect(msg).toMatch(/batch\/endpoint\.yml: line 6, defaults\.deployment_name names 'pipeline-dpl', which was never added \(the default is 'legacy-dpl'\)/);
  });

  test('a deployment added to another endpoint than its file names', () => {
    const { stack, workspace } = servingYamlStack();
    const ep = OnlineEndpointYaml.load(stack, 'Online', { workspace, file: ref('online/endpoint.yml'), name: 'churn-other' });
    expect(errorOf(() => OnlineEndpointYaml.addDeployment(ep, ref('online/blue-deployment.yml'))))
      .toMatch(/line 3, endpoint_name \(value: "churn-online"\) names endpoint 'churn-online', but the deployment is added to 'churn-other'/);
  });
});
