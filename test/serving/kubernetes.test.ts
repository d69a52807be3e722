import { ModelType } from '../../lib/assets/asset-refs';
import { DeploymentModel, InstanceType, OnlineEndpoint } from '../../lib/serving';
import { Template } from '../support/template';
import { expectValidAzapiBodies, FakeCode, FakeEnvironment, FakeModelVersion, servingStack, thrownMessage, WORKSPACE_ID } from './fixtures';

const K8S_COMPUTE = `${WORKSPACE_ID}/computes/k8s-arc`;

function k8sEndpoint() {
  const { stack, workspace } = servingStack();
  const endpoint = new OnlineEndpoint(stack, 'k8s', { workspace, endpointName: 'churn-k8s', kubernetesComputeId: K8S_COMPUTE });
  const model = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM });
  const runtime = { environment: new FakeEnvironment(stack, 'env'), code: new FakeCode(stack, 'code'), scoringScript: 'score.py' };
  return { stack, endpoint, model, runtime };
}

describe('Kubernetes online endpoints', () => {
  test('the endpoint names its compute and sends no publicNetworkAccess (managed endpoints only)', () => {
    const { stack, endpoint } = k8sEndpoint();
    const t = Template.synth(stack);
    expect(endpoint.isKubernetes).toBe(true);
    expect(t.resourceWithProperties('azapi_resource', { name: 'churn-k8s' }).attributes.body).toEqual({
      properties: { authMode: 'AADToken', compute: K8S_COMPUTE },
    });
    expectValidAzapiBodies(t);
  });

  test('a deployment is of kind Kubernetes, with the cluster\'s instance type, requests and limits, and target-utilization scaling', () => {
    const { stack, endpoint, model, runtime } = k8sEndpoint();
    endpoint.addDeployment('blue', {
      model: DeploymentModel.fromModelVersion(model), ...runtime,
      instanceType: InstanceType.of('gpu-t4'), instanceCount: 2,
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi', gpu: '1' } },
      targetUtilization: { minInstances: 1, maxInstances: 4, pollingIntervalSeconds: 10, targetUtilizationPercentage: 60 },
      modelMountPath: '/var/azureml-app/model',
    });
    const t = Template.synth(stack);
    const body = t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body;
    expect(body.sku).toEqual({ name: 'Default', capacity: 2 });
    expect(body.properties).toMatchObject({
      endpointComputeType: 'Kubernetes',
      instanceType: 'gpu-t4',
      modelMountPath: '/var/azureml-app/model',
      scaleSettings: { scaleType: 'TargetUtilization', minInstances: 1, maxInstances: 4, pollingInterval: 'PT10S', targetUtilizationPercentage: 60 },
      containerResourceRequirements: {
        containerResourceRequests: { cpu: '500m', memory: '1Gi' },
        containerResourceLimits: { cpu: '2', memory: '4Gi', gpu: '1' },
      },
      appInsightsEnabled: true,
    });
    expect(body.properties.egressPublicNetworkAccess).toBeUndefined();
    expectValidAzapiBodies(t);
  });

  test('without an instance type, a Kubernetes deployment names the cluster\'s defaultinstancetype, and scales by Default', () => {
    const { stack, endpoint, model, runtime } = k8sEndpoint();
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), ...runtime });
    const props = Template.synth(stack).resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body.properties;
    expect(props.instanceType).toBe('defaultinstancetype');
    expect(props.scaleSettings).toEqual({ scaleType: 'Default' });
    expect(props.containerResourceRequirements).toBeUndefined();
  });

  test('bad Kubernetes input: a VM size, Azure Monitor autoscale, egress, bad quantities and an inverted range, all listed', () => {
    const { endpoint, model, runtime } = k8sEndpoint();
    const msg = thrownMessage(() => endpoint.addDeployment('blue', {
      model: DeploymentModel.fromModelVersion(model), ...runtime,
      instanceType: InstanceType.STANDARD_DS3_V2, allowPublicEgress: true,
      autoscale: { minInstances: 1, maxInstances: 2 },
      resources: { requests: { cpu: 'half', memory: '1 GB' }, limits: { gpu: '0.5' } },
      targetUtilization: { minInstances: 5, maxInstances: 2, targetUtilizationPercentage: 150 },
    }));
    expect(msg).toContain('instanceType (value: "Standard_DS3_v2") is not a Kubernetes instance type name');
    expect(msg).toContain('autoscale (value: (set)) is Azure Monitor autoscale, for managed deployments only');
    expect(msg).toContain('allowPublicEgress (value: true) applies to managed deployments only');
    expect(msg).toContain('resources.requests.cpu (value: "half") must be a Kubernetes CPU quantity');
    expect(msg).toContain('resources.requests.memory (value: "1 GB") must be a Kubernetes memory quantity');
    expect(msg).toContain('resources.limits.gpu (value: "0.5") must be a whole number of GPUs');
    expect(msg).toContain('targetUtilization.targetUtilizationPercentage (value: 150)');
    expect(msg).toContain('targetUtilization (value: minInstances=5, maxInstances=2) has a minimum above its maximum');
  });

  test('Kubernetes-only settings on a managed endpoint are refused, naming the managed alternative', () => {
    const { stack, workspace } = servingStack();
    const managed = new OnlineEndpoint(stack, 'm', { workspace, endpointName: 'churn-managed' });
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    const msg = thrownMessage(() => managed.addDeployment('blue', {
      model: DeploymentModel.fromModelVersion(model), resources: { requests: { cpu: '1' } }, targetUtilization: { maxInstances: 3 },
    }));
    expect(msg).toContain('resources (value: {"requests":{"cpu":"1"}}) applies to deployments of Kubernetes endpoints only');
    expect(msg).toContain('targetUtilization (value: {"maxInstances":3}) applies to deployments of Kubernetes endpoints only. Fix: use autoscale');
  });

  test('the endpoint\'s compute must be a workspace compute id, and public access is a managed-only choice', () => {
    const { stack, workspace } = servingStack();
    const msg = thrownMessage(() => new OnlineEndpoint(stack, 'k8s', {
      workspace, endpointName: 'churn-k8s', kubernetesComputeId: 'k8s-arc', allowPublicNetworkAccess: true,
    }));
    expect(msg).toContain('kubernetesComputeId (value: "k8s-arc") must be the ARM id of a Kubernetes compute');
    expect(msg).toContain('allowPublicNetworkAccess (value: true) applies to managed online endpoints only');
  });
});

describe('managed deployments: model mount path and instance type spellings', () => {
  test('modelMountPath is written; a relative one is refused', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const model = new FakeModelVersion(stack, 'v3', { version: '3' });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model), modelMountPath: '/models/churn' });
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.body.properties.modelMountPath).toBe('/models/churn');
    expectValidAzapiBodies(t);
    expect(thrownMessage(() => endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(model), modelMountPath: 'models' })))
      .toContain('modelMountPath (value: "models") must be an absolute path in the container');
  });

  test('InstanceType.of gives a preset in its SKU-list spelling whatever the casing (the CLI examples write STANDARD_NC4AS_T4_V3)', () => {
    expect(InstanceType.of('STANDARD_NC4AS_T4_V3')).toBe(InstanceType.STANDARD_NC4AS_T4_V3);
    expect(InstanceType.of('standard_ds3_v2').name).toBe('Standard_DS3_v2');
    expect(InstanceType.of('Standard_ND96asr_v4').name).toBe('Standard_ND96asr_v4');
    expect(InstanceType.of('STANDARD_ND96ASR_V4').isWellFormed).toBe(true);
    expect(InstanceType.of('gpu-t4').isWellFormed).toBe(false);
    expect(InstanceType.of('gpu-t4').isKubernetesName).toBe(true);
  });
});
