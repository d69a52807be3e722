import { ComputeCluster, IsolationMode, VmPriority, Workspace } from '../../lib/workspace';
import { mlStack, SUB, SUBNET_ID, synth, workspaceIn } from './support';

describe('compute clusters', () => {
  test('defaults: AmlCompute with local auth off, no public IP, no SSH, 0 to 4 nodes, 120 s idle scale-down, system identity', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    ws.addComputeCluster('cpu');
    const t = synth(stack);
    const c = t.resourceAt('azapi_resource', 'ml/cpu/Resource').attributes;
    expect(c.type).toBe('Microsoft.MachineLearningServices/workspaces/computes@2026-05-01');
    expect(c.name).toBe('cpu');
    expect(c.parent_id).toBe(t.ref(t.resourceAt('azapi_resource', 'ml/Resource')));
    expect(c.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(c.body.properties).toEqual({
      computeType: 'AmlCompute', disableLocalAuth: true,
      properties: {
        vmSize: 'Standard_DS3_v2', vmPriority: 'Dedicated', osType: 'Linux', enableNodePublicIp: false,
        remoteLoginPortPublicAccess: 'Disabled',
        scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: 'PT120S' },
      },
    });
    expect(c.replace_triggers_refs).toContain('properties.properties.vmSize');
  });

  test('options: size, priority, scale, subnet (without a managed network), user-assigned identity', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.DISABLED } });
    const uai = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-train`;
    ws.addComputeCluster('gpu', { name: 'gpu-a100', vmSize: 'Standard_NC24ads_A100_v4', vmPriority: VmPriority.LOW_PRIORITY,
      minNodes: 1, maxNodes: 8, idleSecondsBeforeScaleDown: 600, subnetId: SUBNET_ID,
      userAssignedIdentity: { identityId: uai, principalId: '33333333-3333-3333-3333-333333333333' } });
    const c = synth(stack).resourceAt('azapi_resource', 'ml/gpu/Resource').attributes;
    expect(c.identity).toEqual([{ type: 'UserAssigned', identity_ids: [uai] }]);
    expect(c.body.properties.properties).toMatchObject({
      vmSize: 'Standard_NC24ads_A100_v4', vmPriority: 'LowPriority', subnet: { id: SUBNET_ID },
      scaleSettings: { minNodeCount: 1, maxNodeCount: 8, nodeIdleTimeBeforeScaleDown: 'PT600S' },
    });
  });

  test('its principal can be granted on the workspace\'s artifact store', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    const cluster = ws.addComputeCluster('cpu');
    ws.grantArtifactStoreRead(cluster.principal);
    const t = synth(stack);
    t.hasResourceWithProperties('azurerm_role_assignment', {
      principal_id: t.ref(t.resourceAt('azapi_resource', 'ml/cpu/Resource'), 'identity[0].principal_id'),
    });
  });

  test('on an imported workspace, by construct', () => {
    const stack = mlStack();
    const wsId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw-x`;
    new ComputeCluster(stack, 'cpu', { workspace: Workspace.fromWorkspaceId(stack, 'ws', wsId, 'westeurope') });
    expect(synth(stack).resourceAt('azapi_resource', 'cpu/Resource').attributes.parent_id).toBe(wsId);
  });

  test('when the name, node counts and network break the rules, one error lists every problem', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.DISABLED } });
    expect(() => ws.addComputeCluster('bad', { name: 'cpu-cluster-2', minNodes: -1, maxNodes: 0, idleSecondsBeforeScaleDown: 1.5 }))
      .toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp([
        /Invalid props for ComputeCluster for 'test\/ml\/bad' \(5 problems\)/,
        /name \(value: "cpu-cluster-2"\) breaks the compute cluster naming rule: .*not ending in "-" followed by digits/,
        /minNodes \(value: -1\) must be at least 0/,
        /maxNodes \(value: 0\) must be at least 1/,
        /idleSecondsBeforeScaleDown \(value: 1\.5\) must be a whole number/,
        /subnetId \(value: \(not set\)\) is required: the workspace has no managed network.*Fix: pass subnetId/,
      ].map(r => r.source).join('[\\s\\S]*'))) }));
  });

  test('when a subnet is given while the workspace has a managed network, synth fails', () => {
    const ws = workspaceIn(mlStack());
    expect(() => ws.addComputeCluster('cpu', { subnetId: SUBNET_ID }))
      .toThrow(/subnetId .* cannot be used: the workspace has a managed network \(AllowInternetOutbound\)/);
  });

  test('a name longer than 24 characters is refused (the Azure type\'s limit)', () => {
    const ws = workspaceIn(mlStack());
    expect(() => ws.addComputeCluster('cpu', { name: 'a'.repeat(25) })).toThrow(/is 25 characters long; a compute cluster name must be 3-24/);
  });
});
