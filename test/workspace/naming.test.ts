import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { annotations, mlStack, RG_ID, SUB, synth, workspaceIn } from './support';
import { mlType } from '../../lib/core/api-versions';
import { NamingRules, namingProblem } from '../../lib/core/naming';
import { Template } from '../support/template';
import { OnlineEndpoint } from '../../lib/serving/online-endpoint';
import { BatchEndpoint } from '../../lib/serving/batch-endpoint';
import { IWorkspace, Workspace, WorkspaceProps } from '../../lib/workspace';

/** The name of the one azapi resource of ML type `type` (e.g. "workspaces/onlineEndpoints"). */
function azapiName(t: Template, type: string): string {
  const found = t.resources('azapi_resource').filter(r => r.attributes.type === mlType(type));
  expect(found).toHaveLength(1);
  return found[0].attributes.name;
}

/** Every default name of a workspace built by `build` in a fresh stack (and of an online and a batch endpoint in it). */
function defaultNames(build: (stack: TerraformStack) => IWorkspace) {
  const stack = mlStack();
  const workspace = build(stack);
  new OnlineEndpoint(stack, 'churn', { workspace });
  new BatchEndpoint(stack, 'scoring', { workspace });
  const t = synth(stack);
  const name = (type: string) => t.resources(type)[0].attributes.name;
  return {
    workspace: azapiName(t, 'workspaces'),
    storage: name('azurerm_storage_account'),
    vault: name('azurerm_key_vault'),
    registry: name('azurerm_container_registry'),
    logs: name('azurerm_log_analytics_workspace'),
    insights: name('azurerm_application_insights'),
    endpoint: azapiName(t, 'workspaces/onlineEndpoints'),
    batchEndpoint: azapiName(t, 'workspaces/batchEndpoints'),
  };
}

describe('names', () => {
  test('derived from prefix and environment, with one stable suffix on globally unique names', () => {
    const a = defaultNames(stack => workspaceIn(stack));
    expect(a.workspace).toBe('mlw-churn-prod');
    expect(a.logs).toBe('log-churn-prod');
    expect(a.insights).toBe('appi-churn-prod');
    const suffix = a.storage.slice('stchurnprod'.length);
    expect(suffix).toMatch(/^[a-z0-9]{4}$/);
    expect(a.vault).toBe(`kv-churn-prod-${suffix}`);
    expect(a.registry).toBe(`crchurnprod${suffix}`);
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

describe('default names stay put', () => {
  const globallyUnique = (n: ReturnType<typeof defaultNames>) => [n.storage, n.vault, n.registry, n.endpoint, n.batchEndpoint];

  test('when the Workspace and the endpoints are renamed or nested in another construct, every default name stays the same, synth after synth', () => {
    const base = defaultNames(stack => workspaceIn(stack));
    expect(defaultNames(stack => workspaceIn(stack))).toEqual(base);
    expect(defaultNames(stack => workspaceIn(stack, {}, 'Workspace'))).toEqual(base);
    expect(defaultNames(stack => workspaceIn(new Construct(stack, 'platform') as TerraformStack, {}, 'Ml'))).toEqual(base);
    // The endpoints moved into a construct of their own: their names do not follow the path either.
    const stack = mlStack();
    const workspace = workspaceIn(stack);
    const serving = new Construct(stack, 'serving');
    new OnlineEndpoint(serving, 'churn', { workspace });
    new BatchEndpoint(serving, 'scoring', { workspace });
    const t = synth(stack);
    expect(azapiName(t, 'workspaces/onlineEndpoints')).toBe(base.endpoint);
    expect(azapiName(t, 'workspaces/batchEndpoints')).toBe(base.batchEndpoint);
  });

  test('two prefixes, environments, resource groups or locations give different globally unique names, each within Azure\'s rules', () => {
    const variants: Array<Partial<WorkspaceProps>> = [
      {},
      { prefix: 'fraud' },
      { environment: 'dev' },
      { resourceGroupId: `/subscriptions/${SUB}/resourceGroups/rg-ml-alice` },
      { location: 'northeurope' },
      { prefix: 'customerchurnmodel', environment: 'preproduction' },
      { prefix: 'customerchurnmodel', environment: 'preproduction', location: 'swedencentral' },
    ];
    const all = variants.map(props => defaultNames(stack => workspaceIn(stack, props)));
    for (const n of all) {
      expect([
        namingProblem('storage', n.storage, NamingRules.STORAGE_ACCOUNT), namingProblem('vault', n.vault, NamingRules.KEY_VAULT),
        namingProblem('registry', n.registry, NamingRules.CONTAINER_REGISTRY), namingProblem('workspace', n.workspace, NamingRules.ML_WORKSPACE),
        namingProblem('endpoint', n.endpoint, NamingRules.ONLINE_ENDPOINT), namingProblem('batch', n.batchEndpoint, NamingRules.BATCH_ENDPOINT),
      ].filter(p => p !== undefined)).toEqual([]);
    }
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        for (let k = 0; k < 5; k++) expect([i, j, globallyUnique(all[i])[k]]).not.toEqual([i, j, globallyUnique(all[j])[k]]);
      }
    }
  });

  test('a resource group created in the app seeds names by its name as given, and they match the same group given by ARM id', () => {
    const byObject = defaultNames(stack => new Workspace(stack, 'ml', {
      resourceGroup: new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' }), prefix: 'churn', environment: 'prod',
    }));
    expect(byObject).toEqual(defaultNames(stack => workspaceIn(stack)));
    const other = defaultNames(stack => new Workspace(stack, 'ml', {
      resourceGroup: new ResourceGroup(stack, 'rg', { name: 'rg-ml-bob', location: 'westeurope' }), prefix: 'churn', environment: 'prod',
    }));
    expect(other.storage).not.toBe(byObject.storage);
    expect(other.endpoint).not.toBe(byObject.endpoint);
  });

  test('when the resource group name is known only at apply, names hold no token and synth warns, naming nameSuffix', () => {
    const build = (stack: TerraformStack) => workspaceIn(stack, { resourceGroupId: new TerraformVariable(stack, 'rg_id', { type: 'string' }).stringValue });
    const a = defaultNames(build);
    expect(defaultNames(build)).toEqual(a);
    for (const name of Object.values(a)) expect(name).toMatch(/^[a-zA-Z0-9-]+$/);
    const stack = mlStack();
    build(stack);
    const suffix = a.storage.slice('stchurnprod'.length);
    expect(annotations(stack, AnnotationMetadataEntryType.WARN)).toContainEqual(expect.stringMatching(
      new RegExp(`resource group name is known only at apply.*Set nameSuffix \\(e\\.g\\. "${suffix}"`)));
    const pinned = mlStack();
    workspaceIn(pinned, { resourceGroupId: new TerraformVariable(pinned, 'rg_id', { type: 'string' }).stringValue, nameSuffix: suffix });
    expect(annotations(pinned, AnnotationMetadataEntryType.WARN).filter(w => /nameSuffix/.test(w))).toEqual([]);
  });

  test('nameSuffix replaces the derived suffix in globally unique names and in endpoint names', () => {
    const derived = defaultNames(stack => workspaceIn(stack));
    const pinned = defaultNames(stack => workspaceIn(stack, { nameSuffix: 'x7k2' }));
    expect(pinned).toMatchObject({ storage: 'stchurnprodx7k2', vault: 'kv-churn-prod-x7k2', registry: 'crchurnprodx7k2', workspace: 'mlw-churn-prod' });
    expect(pinned.endpoint).not.toBe(derived.endpoint);
    expect(defaultNames(stack => workspaceIn(stack, { nameSuffix: 'x7k2', resourceGroupId: `/subscriptions/${SUB}/resourceGroups/other` })).storage)
      .toBe('stchurnprodx7k2');
  });

  test('names.legacyConstructPath keeps the names version 0.1.0 derived from that path, whatever the construct is called now', () => {
    // 0.1.0 derived "9er2" for the workspace at 'test/ml' with prefix churn and environment prod.
    const kept = defaultNames(stack => workspaceIn(new Construct(stack, 'platform') as TerraformStack, { names: { legacyConstructPath: 'test/ml' } }, 'Workspace'));
    expect(kept).toMatchObject({ storage: 'stchurnprod9er2', vault: 'kv-churn-prod-9er2', registry: 'crchurnprod9er2', workspace: 'mlw-churn-prod' });
  });

  test('when nameSuffix is invalid or given with legacyConstructPath, synth fails naming the fix', () => {
    expect(() => workspaceIn(mlStack(), { nameSuffix: 'X_1' })).toThrow(/nameSuffix \(value: "X_1"\) must be 1-8 lowercase letters and digits/);
    expect(() => workspaceIn(mlStack(), { nameSuffix: 'x7k2', names: { legacyConstructPath: 'test/ml' } }))
      .toThrow(/nameSuffix \/ names\.legacyConstructPath \(value: both set\) are alternatives/);
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
