import { ModelType } from '../../lib/assets/asset-refs';
import { BatchEndpoint, BatchLoggingLevel, BatchOutputAction, DeploymentModel } from '../../lib/serving';
import { Template } from '../support/template';
import { COMPUTE_ID, expectValidAzapiBodies, FakeCode, FakeEnvironment, FakeModelVersion, servingStack, thrownMessage, WORKSPACE_ID } from './fixtures';

const BATCH_ENDPOINT = 'Microsoft.MachineLearningServices/workspaces/batchEndpoints@2026-05-01';

describe('BatchEndpoint', () => {
  test('endpoint (Entra ID auth, no defaults) → deployment → one patch setting the default deployment', () => {
    const { stack, workspace } = servingStack();
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    const endpoint = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    endpoint.addDeployment('nightly', { model: DeploymentModel.fromModelVersion(model), computeId: COMPUTE_ID });
    const t = Template.synth(stack);
    const ep = t.resourceWithProperties('azapi_resource', { type: BATCH_ENDPOINT });
    expect(ep.attributes.body).toEqual({ properties: { authMode: 'AADToken' } });
    expect(ep.attributes.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(ep.attributes.ignore_body_changes).toEqual(['properties.defaults']);

    const d = t.resourceWithProperties('azapi_resource', { name: 'nightly' });
    expect(d.attributes.parent_id).toBe(t.ref(ep));
    expect(d.attributes.body).toEqual({
      properties: {
        model: { referenceType: 'Id', assetId: model.assetId },
        compute: COMPUTE_ID,
        resources: { instanceCount: 1 },
        miniBatchSize: 10,
        maxConcurrencyPerInstance: 1,
        retrySettings: { maxRetries: 3, timeout: 'PT30S' },
        outputAction: 'AppendRow',
        outputFileName: 'predictions.csv',
        errorThreshold: -1,
        loggingLevel: 'Info',
      },
    });

    const patch = t.resources('azapi_update_resource');
    expect(patch).toHaveLength(1);
    expect(patch[0].attributes).toMatchObject({
      type: BATCH_ENDPOINT, resource_id: t.ref(ep),
      body: { properties: { defaults: { deploymentName: 'nightly' } } },
      depends_on: [`azapi_resource.${d.logicalId}`],
    });
    expectValidAzapiBodies(t);
  });

  test('every batch option is written, and the marked deployment becomes the default', () => {
    const { stack, workspace } = servingStack();
    const custom = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM });
    const mlflow = new FakeModelVersion(stack, 'v4', { version: '4' });
    const endpoint = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    endpoint.addDeployment('custom', {
      model: DeploymentModel.fromModelVersion(custom), computeId: COMPUTE_ID,
      environment: new FakeEnvironment(stack, 'env'), code: new FakeCode(stack, 'code'), scoringScript: 'batch_score.py',
      instanceCount: 4, miniBatchSize: 100, maxConcurrencyPerInstance: 2, maxRetries: 5, timeoutSeconds: 300,
      outputAction: BatchOutputAction.SUMMARY_ONLY, errorThreshold: 10, loggingLevel: BatchLoggingLevel.DEBUG,
      environmentVariables: { BATCH: '1' }, isDefault: true,
    });
    endpoint.addDeployment('mlflow', { model: DeploymentModel.fromModelVersion(mlflow), computeId: COMPUTE_ID });
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'custom' }).attributes.body.properties).toMatchObject({
      environmentId: expect.stringContaining('/environments/'), codeConfiguration: { scoringScript: 'batch_score.py' },
      resources: { instanceCount: 4 }, miniBatchSize: 100, maxConcurrencyPerInstance: 2,
      retrySettings: { maxRetries: 5, timeout: 'PT300S' }, outputAction: 'SummaryOnly', errorThreshold: 10, loggingLevel: 'Debug',
      environmentVariables: { BATCH: '1' },
    });
    expect(t.resourceWithProperties('azapi_resource', { name: 'custom' }).attributes.body.properties.outputFileName).toBeUndefined();
    expect(t.resources('azapi_update_resource')[0].attributes.body.properties.defaults.deploymentName).toBe('custom');
    expectValidAzapiBodies(t);
  });

  test('when several deployments exist and none is the default, synth fails asking to choose', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    endpoint.addDeployment('a-dep', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3' })), computeId: COMPUTE_ID });
    endpoint.addDeployment('b-dep', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v4', { version: '4' })), computeId: COMPUTE_ID });
    expect(thrownMessage(() => Template.synth(stack))).toMatch(/defaults\.deploymentName .* is ambiguous: the endpoint has 2 deployments \(a-dep, b-dep\)/);
    endpoint.makeDefault(endpoint.deployments[1]);
    expect(() => Template.synth(stack)).not.toThrow();
  });

  test('bad batch input fails construction with every problem', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    const msg = thrownMessage(() => endpoint.addDeployment('nightly', {
      model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM })),
      computeId: 'cpu-cluster', miniBatchSize: 0, errorThreshold: -2,
      outputAction: BatchOutputAction.SUMMARY_ONLY, outputFileName: 'out.csv',
    }));
    expect(msg).toContain("Invalid props for BatchDeployment for 'test/scoring/nightly'");
    for (const fragment of ['environment (value: (not set)) is required', 'computeId (value: "cpu-cluster") must be the ARM id of an Azure ML compute cluster',
      'miniBatchSize (value: 0) must be at least 1', 'errorThreshold (value: -2) must be at least -1', 'outputFileName (value: "out.csv") only applies']) {
      expect(msg).toContain(fragment);
    }
  });
});

describe('pipeline-component batch deployments', () => {
  const COMPONENT = `${WORKSPACE_ID}/components/score-pipeline/versions/2`;

  test('the deployment runs a pipeline component by id with its settings, and can be the default beside a model deployment', () => {
    const { stack, workspace } = servingStack();
    const batch = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    batch.addDeployment('nightly', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3' })), computeId: COMPUTE_ID });
    const pipeline = batch.addPipelineComponentDeployment('hello-dpl', {
      componentId: COMPONENT, settings: { default_compute: 'batch-cluster', continue_on_step_failure: 'False' },
      description: 'scores with the pipeline', isDefault: true,
    });
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'hello-dpl' }).attributes.body).toEqual({
      properties: {
        description: 'scores with the pipeline',
        deploymentConfiguration: {
          deploymentConfigurationType: 'PipelineComponent',
          componentId: { referenceType: 'Id', assetId: COMPONENT },
          settings: { default_compute: 'batch-cluster', continue_on_step_failure: 'False' },
        },
      },
    });
    const [patch] = t.resources('azapi_update_resource');
    expect(patch.attributes.body).toEqual({ properties: { defaults: { deploymentName: 'hello-dpl' } } });
    expect(patch.attributes.depends_on).toHaveLength(2);
    expect(batch.pipelineComponentDeployments).toEqual([pipeline]);
    expectValidAzapiBodies(t);
  });

  test('a registry component URI is taken; a bare name is refused with the fix', () => {
    const { stack, workspace } = servingStack();
    const batch = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    batch.addPipelineComponentDeployment('pipe-a', { componentId: 'azureml://registries/mlr-shared/components/score/versions/1' });
    expect(thrownMessage(() => batch.addPipelineComponentDeployment('pipe-b', { componentId: 'score-pipeline' })))
      .toContain('componentId (value: "score-pipeline") must name a pipeline component version');
  });

  test('two deployments without a default are ambiguous, whatever their kind', () => {
    const { stack, workspace } = servingStack();
    const batch = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch' });
    batch.addDeployment('nightly', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3' })), computeId: COMPUTE_ID });
    batch.addPipelineComponentDeployment('pipe', { componentId: COMPONENT });
    expect(() => Template.synth(stack)).toThrow(/is ambiguous: the endpoint has 2 deployments \(nightly, pipe\)/);
  });
});
