import { ModelType } from '../../lib/assets/asset-refs';
import {
  AutoscaleMetric, DataCollectionRollingRate, DeploymentModel, InstanceType, OnlineEndpoint, ScaleDirection,
} from '../../lib/serving';
import { Workspace } from '../../lib/workspace/workspace';
import { Template } from '../support/template';
import { expectValidAzapiBodies, FakeCode, FakeEnvironment, FakeModelVersion, RG_ID, servingStack, thrownMessage } from './fixtures';

function endpoint() {
  const { stack, workspace } = servingStack();
  const ep = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
  return { stack, ep };
}

describe('OnlineDeployment', () => {
  test('a custom model is served with its environment, code and scoring script, every setting written', () => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM });
    ep.addDeployment('blue', {
      model: DeploymentModel.fromModelVersion(model),
      environment: new FakeEnvironment(stack, 'env'),
      code: new FakeCode(stack, 'code'),
      scoringScript: 'score.py',
      instanceType: InstanceType.STANDARD_DS3_V2,
      instanceCount: 2,
      requestSettings: { maxConcurrentRequestsPerInstance: 4, requestTimeoutMs: 1500 },
      livenessProbe: { failureThreshold: 5, periodSeconds: 20 },
      startupProbe: { initialDelaySeconds: 60 },
      environmentVariables: { LOG_LEVEL: 'info' },
      dataCollection: { samplingRate: 0.5, rollingRate: DataCollectionRollingRate.DAY, captureHeaders: ['x-request-id'] },
      description: 'churn v3',
    });
    const t = Template.synth(stack);
    const d = t.resourceWithProperties('azapi_resource', { name: 'blue' });
    expect(d.attributes.body).toEqual({
      properties: {
        endpointComputeType: 'Managed',
        description: 'churn v3',
        model: model.assetId,
        environmentId: expect.stringContaining('/environments/sklearn-inference/versions/2'),
        codeConfiguration: { codeId: expect.stringContaining('/codes/churn-scoring/versions/1'), scoringScript: 'score.py' },
        instanceType: 'Standard_DS3_v2',
        scaleSettings: { scaleType: 'Default' },
        requestSettings: { maxConcurrentRequestsPerInstance: 4, requestTimeout: 'PT1.5S' },
        livenessProbe: { initialDelay: 'PT10S', period: 'PT20S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 5 },
        readinessProbe: { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 },
        startupProbe: { initialDelay: 'PT60S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 },
        environmentVariables: { LOG_LEVEL: 'info' },
        egressPublicNetworkAccess: 'Disabled',
        appInsightsEnabled: true,
        dataCollector: {
          collections: { model_inputs: { dataCollectionMode: 'Enabled', samplingRate: 0.5 }, model_outputs: { dataCollectionMode: 'Enabled', samplingRate: 0.5 } },
          rollingRate: 'Day',
          requestLogging: { captureHeaders: ['x-request-id'] },
        },
      },
      sku: { name: 'Default', capacity: 2 },
    });
    expectValidAzapiBodies(t);
  });

  test('an MLflow model needs neither environment nor code', () => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.MLFLOW });
    ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model) });
    const props = Template.synth(stack).resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body.properties;
    expect(props.environmentId).toBeUndefined();
    expect(props.codeConfiguration).toBeUndefined();
  });

  test('public egress and App Insights are explicit choices', () => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), allowPublicEgress: true, appInsightsEnabled: false });
    Template.synth(stack).hasResourceWithProperties('azapi_resource', {
      name: 'blue', body: { properties: { egressPublicNetworkAccess: 'Enabled', appInsightsEnabled: false } },
    });
  });

  test('under a managed network, no deployment sends egressPublicNetworkAccess (legacy, discouraged there, immutable)', () => {
    const { stack } = servingStack();
    const workspace = Workspace.fromWorkspaceAttributes(stack, 'Managed', {
      workspaceId: `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-managed`, location: 'westeurope',
      managedNetworkIsolationMode: 'AllowOnlyApprovedOutbound',
    });
    const ep = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model) });
    ep.addDeployment('green', { model: DeploymentModel.fromModelVersion(model), allowPublicEgress: true });
    const t = Template.synth(stack);
    for (const name of ['blue', 'green']) {
      expect(t.resourceWithProperties('azapi_resource', { name }).attributes.body.properties).not.toHaveProperty('egressPublicNetworkAccess');
    }
  });

  test('when a custom model has no environment and no scoring script, construction fails listing both', () => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM });
    const msg = thrownMessage(() => ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model) }));
    expect(msg).toContain("Invalid props for OnlineDeployment for 'test/churn/blue' (2 problems)");
    expect(msg).toMatch(/environment \(value: \(not set\)\) is required: model churn:3 is a custom model/);
    expect(msg).toMatch(/code\/scoringScript .* are required: model churn:3 is a custom model/);
  });

  test('a model given by URI is custom unless told otherwise', () => {
    const { ep } = endpoint();
    const uri = 'azureml://registries/mlr-shared/models/churn/versions/3';
    expect(() => ep.addDeployment('blue', { model: DeploymentModel.fromUri(uri) })).toThrow(/churn:3 is a custom model/);
    expect(() => ep.addDeployment('green', { model: DeploymentModel.fromUri(uri, { modelType: ModelType.MLFLOW }) })).not.toThrow();
  });

  test('when code is given without a scoring script for an MLflow model, construction fails', () => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    expect(() => ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), code: new FakeCode(stack, 'code') }))
      .toThrow(/scoringScript \(value: \(not set\)\) must be given together with code/);
  });

  test.each([
    [{ deploymentName: 'b' }, /deploymentName \(value: "b"\) is 1 characters long; an online deployment name must be 3-32/],
    [{ instanceCount: 0 }, /instanceCount \(value: 0\) must be at least 1/],
    [{ instanceType: InstanceType.of('DS3') }, /instanceType \(value: "DS3"\) is not an Azure VM size/],
    [{ requestSettings: { requestTimeoutMs: 200000 } }, /requestSettings\.requestTimeoutMs \(value: 200000\) must be between 1 and 180000/],
    [{ readinessProbe: { periodSeconds: 0 } }, /readinessProbe\.periodSeconds \(value: 0\) must be at least 1/],
    [{ dataCollection: { samplingRate: 0 } }, /dataCollection\.samplingRate \(value: 0\) collects nothing/],
  ])('bad input %j fails construction with the rule', (bad, expected) => {
    const { stack, ep } = endpoint();
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    expect(() => ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), ...bad })).toThrow(expected);
  });

  describe('autoscale', () => {
    test('creates an Azure Monitor autoscale setting on the deployment, and leaves sku.capacity to it', () => {
      const { stack, ep } = endpoint();
      const model = new FakeModelVersion(stack, 'v3', { version: '3' });
      ep.addDeployment('blue', {
        model: DeploymentModel.fromModelVersion(model),
        autoscale: {
          minInstances: 2, maxInstances: 8,
          rules: [
            { metric: AutoscaleMetric.REQUESTS_PER_MINUTE, direction: ScaleDirection.OUT, threshold: 600, changeCount: 2, windowMinutes: 10 },
            { metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.IN, threshold: 20, cooldownMinutes: 15 },
          ],
          notificationEmails: ['ml-oncall@example.com'],
        },
      });
      const t = Template.synth(stack);
      const d = t.resourceWithProperties('azapi_resource', { name: 'blue' });
      expect(d.attributes.body.sku).toEqual({ name: 'Default', capacity: 2 });
      expect(d.attributes.ignore_body_changes).toEqual(['sku.capacity']);
      expect(d.attributes.lifecycle).toBeUndefined();

      const a = t.resources('azurerm_monitor_autoscale_setting');
      expect(a).toHaveLength(1);
      const s = a[0].attributes;
      expect(s.target_resource_id).toBe(t.ref(d));
      expect(s.name).toBe('autoscale-churn-prod-blue');
      expect(s.resource_group_name).toBe('rg-ml');
      expect(s.location).toBe('westeurope');
      expect(s.profile[0].capacity).toEqual({ minimum: 2, maximum: 8, default: 2 });
      expect(s.profile[0].rule).toEqual([
        {
          metric_trigger: {
            metric_name: 'RequestsPerMinute', metric_namespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
            metric_resource_id: t.ref(d), operator: 'GreaterThan', threshold: 600, statistic: 'Average', time_aggregation: 'Average',
            time_grain: 'PT1M', time_window: 'PT10M',
          },
          scale_action: { direction: 'Increase', type: 'ChangeCount', value: 2, cooldown: 'PT5M' },
        },
        {
          metric_trigger: {
            metric_name: 'CpuUtilizationPercentage', metric_namespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
            metric_resource_id: t.ref(d), operator: 'LessThan', threshold: 20, statistic: 'Average', time_aggregation: 'Average',
            time_grain: 'PT1M', time_window: 'PT5M',
          },
          scale_action: { direction: 'Decrease', type: 'ChangeCount', value: 1, cooldown: 'PT15M' },
        },
      ]);
      expect(s.notification.email).toEqual({
        custom_emails: ['ml-oncall@example.com'], send_to_subscription_administrator: false, send_to_subscription_co_administrator: false,
      });
      expectValidAzapiBodies(t);
    });

    test('without rules, it scales on CPU: out above 70%, in below 25%', () => {
      const { stack, ep } = endpoint();
      const model = new FakeModelVersion(stack, 'v3', { version: '3' });
      ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), autoscale: { minInstances: 1, maxInstances: 3 } });
      const rules = Template.synth(stack).resources('azurerm_monitor_autoscale_setting')[0].attributes.profile[0].rule;
      expect(rules.map((r: any) => [r.metric_trigger.metric_name, r.metric_trigger.operator, r.metric_trigger.threshold]))
        .toEqual([['CpuUtilizationPercentage', 'GreaterThan', 70], ['CpuUtilizationPercentage', 'LessThan', 25]]);
    });

    test('a fixed instance count creates no autoscale setting and no ignore_body_changes', () => {
      const { stack, ep } = endpoint();
      const model = new FakeModelVersion(stack, 'v3', { version: '3' });
      ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), instanceCount: 2 });
      const t = Template.synth(stack);
      t.resourceCountIs('azurerm_monitor_autoscale_setting', 0);
      expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.ignore_body_changes).toBeUndefined();
    });

    test.each([
      [{ minInstances: 0, maxInstances: 2 }, /autoscale\.minInstances \(value: 0\) must be at least 1/],
      [{ minInstances: 4, maxInstances: 2 }, /autoscale\.maxInstances \(value: 2\) is below minInstances \(4\)/],
      [{ minInstances: 1, maxInstances: 2, rules: [{ metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.OUT, threshold: 70 }] },
        /has no scale-in rule/],
      [{ minInstances: 1, maxInstances: 2, rules: [{ metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.IN, threshold: 20, windowMinutes: 1 }] },
        /has no scale-out rule.*windowMinutes \(value: 1\) must be between 5 and 720/s],
    ])('bad autoscale %j fails construction', (autoscale, expected) => {
      const { stack, ep } = endpoint();
      const model = new FakeModelVersion(stack, 'v3', { version: '3' });
      expect(() => ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), autoscale })).toThrow(expected);
    });

    test('an initial instance count outside the autoscale range fails construction', () => {
      const { stack, ep } = endpoint();
      const model = new FakeModelVersion(stack, 'v3', { version: '3' });
      expect(() => ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), instanceCount: 9, autoscale: { minInstances: 1, maxInstances: 3 } }))
        .toThrow(/instanceCount \(value: 9\) is outside the autoscale range 1-3/);
    });
  });
});
