// Apply-time facts about a workspace that the emulated Azure (and Azure) enforce, checked on synthesized JSON.
import { ModelType } from '../../lib/assets/asset-refs';
import { ModelSource } from '../../lib/assets/model-source';
import { DeploymentModel, OnlineEndpoint } from '../../lib/serving';
import { IsolationMode, Workspace } from '../../lib/workspace';
import { mlStack, SUB, synth, workspaceIn } from './support';

const ACR_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/crshared`;

function serve(workspace: Workspace): void {
  const v1 = workspace.addModel('churn').addVersion('1', { source: ModelSource.fromJobOutput('train-1', { path: 'model' }), modelType: ModelType.MLFLOW });
  new OnlineEndpoint(workspace.node.scope!, 'Endpoint', { workspace, endpointName: 'churn-test-weu' })
    .addDeployment('blue', { model: DeploymentModel.fromModelVersion(v1) });
}

describe('managed network provisioning', () => {
  test('a workspace with a managed network provisions it with one provisionManagedNetwork action, and online deployments wait for it', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    ws.addComputeCluster('cpu');
    serve(ws);
    const t = synth(stack);
    const action = t.resourceWithProperties('azapi_resource_action', { action: 'provisionManagedNetwork' });
    expect(action.attributes).toMatchObject({
      type: 'Microsoft.MachineLearningServices/workspaces@2026-05-01', method: 'POST', body: { includeSpark: false },
      resource_id: t.ref(t.resourceAt('azapi_resource', 'ml/Resource')),
    });
    const deployment = t.resourceWithProperties('azapi_resource', { name: 'blue' });
    expect(deployment.attributes.depends_on).toContain(`azapi_resource_action.${action.logicalId}`);
  });

  test('without a managed network, nothing is provisioned', () => {
    const stack = mlStack();
    workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.DISABLED } });
    synth(stack).resourceCountIs('azapi_resource_action', 0);
  });
});

describe('image builds with a private container registry', () => {
  test('imageBuildCompute defaults to the first compute cluster, even one added after the endpoint', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    serve(ws);
    ws.addComputeCluster('image-build', { maxNodes: 1 });
    ws.addComputeCluster('gpu');
    const p = synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties;
    expect(p.imageBuildCompute).toBe('image-build');
  });

  test('an explicit imageBuildCompute wins', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack, { imageBuildCompute: 'ci-builder' });
    ws.addComputeCluster('cpu');
    expect(synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.imageBuildCompute).toBe('ci-builder');
  });

  test('when the registry is private, there is no compute and an online deployment needs an image, synth fails naming the fix', () => {
    const stack = mlStack();
    serve(workspaceIn(stack));
    expect(() => synth(stack)).toThrow(/imageBuildCompute \(value: \(not set, and no compute cluster\)\) is required.*'test\/Endpoint\/blue'.*Fix: add a compute cluster/s);
  });

  test('a workspace without online deployments needs no image-build compute, and writes none', () => {
    const stack = mlStack();
    workspaceIn(stack);
    expect(synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.imageBuildCompute).toBeUndefined();
  });

  test('a brought registry of unknown network access is left alone', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack, { containerRegistryId: ACR_ID });
    ws.addComputeCluster('cpu');
    serve(ws);
    expect(synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.imageBuildCompute).toBeUndefined();
  });
});
