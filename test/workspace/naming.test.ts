import { mlStack, RG_ID, synth, workspaceIn } from './support';
import { Workspace } from '../../lib/workspace';

describe('names', () => {
  test('derived from prefix and environment, with one stable suffix on globally unique names', () => {
    const names = (id: string) => {
      const stack = mlStack();
      workspaceIn(stack, {}, id);
      const t = synth(stack);
      return {
        workspace: t.resourceAt('azapi_resource', `${id}/Resource`).attributes.name,
        storage: t.resources('azurerm_storage_account')[0].attributes.name,
        vault: t.resources('azurerm_key_vault')[0].attributes.name,
        registry: t.resources('azurerm_container_registry')[0].attributes.name,
        logs: t.resources('azurerm_log_analytics_workspace')[0].attributes.name,
        insights: t.resources('azurerm_application_insights')[0].attributes.name,
      };
    };
    const a = names('ml');
    expect(a.workspace).toBe('mlw-churn-prod');
    expect(a.logs).toBe('log-churn-prod');
    expect(a.insights).toBe('appi-churn-prod');
    const suffix = a.storage.slice('stchurnprod'.length);
    expect(suffix).toMatch(/^[a-z0-9]{4}$/);
    expect(a.vault).toBe(`kv-churn-prod-${suffix}`);
    expect(a.registry).toBe(`crchurnprod${suffix}`);
    expect(names('ml')).toEqual(a);
    expect(names('other').storage).not.toBe(a.storage);
  });

  test('long prefixes are truncated to each resource\'s limit', () => {
    const stack = mlStack();
    workspaceIn(stack, { prefix: 'customerchurnmodel', environment: 'preproduction' });
    const t = synth(stack);
    expect(t.resources('azurerm_storage_account')[0].attributes.name.length).toBeLessThanOrEqual(24);
    expect(t.resources('azurerm_key_vault')[0].attributes.name).toMatch(/^kv-[a-z0-9-]+[a-z0-9]$/);
    expect(t.resources('azurerm_key_vault')[0].attributes.name.length).toBeLessThanOrEqual(24);
  });

  test('explicit names are used as given', () => {
    const stack = mlStack();
    workspaceIn(stack, { names: { workspace: 'mlw-churn', storageAccount: 'stchurn01', keyVault: 'kv-churn-01', containerRegistry: 'crchurn01',
      artifactContainer: 'models', artifactDatastore: 'models' } });
    const t = synth(stack);
    expect(t.resourceAt('azapi_resource', 'ml/Resource').attributes.name).toBe('mlw-churn');
    expect(t.resources('azurerm_storage_account')[0].attributes.name).toBe('stchurn01');
    expect(t.resourceAt('azapi_resource', 'ml/ArtifactDatastore').attributes.name).toBe('models');
  });

  test('when names break Azure\'s rules, one error lists each with the construct path and an example', () => {
    expect(() => workspaceIn(mlStack(), { prefix: '1churn', environment: 'prod_eu',
      names: { workspace: '-mlw', storageAccount: 'St-Churn', keyVault: 'kv--churn', containerRegistry: 'cr', artifactDatastore: 'model-artifacts' } }))
      .toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp([
        /Invalid props for Workspace for 'test\/ml' \(7 problems\)/,
        /prefix \(value: "1churn"\) must be 1-20 letters, digits and "-", starting with a letter\. Fix: use something like "churn"/,
        /environment \(value: "prod_eu"\)/,
        /names\.workspace \(value: "-mlw"\) breaks the ML workspace naming rule.*Fix: choose a name like "mlw-churn-prod"/,
        /names\.artifactDatastore \(value: "model-artifacts"\) breaks the datastore naming rule/,
        /names\.storageAccount \(value: "St-Churn"\) breaks the storage account naming rule/,
        /names\.keyVault \(value: "kv--churn"\)/,
        /names\.containerRegistry \(value: "cr"\) is 2 characters long/,
      ].map(r => r.source).join('[\\s\\S]*'))) }));
  });

  test('when neither or both of resourceGroup and resourceGroupId are given, or location is missing, synth fails', () => {
    expect(() => new Workspace(mlStack(), 'ml', { prefix: 'churn' }))
      .toThrow(/resourceGroup \/ resourceGroupId \(value: \(neither set\)\) exactly one must be given/);
    expect(() => new Workspace(mlStack(), 'ml', { prefix: 'churn', resourceGroupId: RG_ID }))
      .toThrow(/location \(value: \(not set\)\) is required with resourceGroupId/);
  });
});

describe('workspace kind', () => {
  test('when an escape hatch adds a Hub or Project-only property to this Default workspace, synth fails naming it', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    ws.resource.addOverride('body.properties.hubResourceId', `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/hub`);
    ws.resource.addOverride('body.properties.workspaceHubConfig', { defaultWorkspaceResourceGroup: RG_ID });
    expect(() => synth(stack)).toThrow(new RegExp([
      /Invalid workspace body for 'test\/ml' \(2 problems\)/,
      /body\.properties\.hubResourceId .* is only valid on a Project workspace, and this workspace's kind is Default/,
      /body\.properties\.workspaceHubConfig .* is only valid on a Hub workspace/,
    ].map(r => r.source).join('[\\s\\S]*')));
  });

  test('an override that breaks Azure\'s schema fails synth (every body is validated)', () => {
    const stack = mlStack();
    workspaceIn(stack).resource.addOverride('body.properties.systemDatastoreAuthMode', 'Identity');
    expect(() => synth(stack)).toThrow(/`properties\.systemDatastoreAuthMode` is not expected here/);
  });
});
