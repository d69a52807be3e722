// Multi-stack is first class (issue 9): an app of several stacks synthesizes into Terraform that Terraform accepts,
// grants land where they can be applied, and uses that cannot work fail with a named error, not a cdktf trace.
import { App, TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ModelType } from '../../lib/assets/asset-refs';
import { ModelSource } from '../../lib/assets/model-source';
import { MlopsValidationError } from '../../lib/core/errors';
import { MlopsProviders } from '../../lib/core/providers';
import { Principal } from '../../lib/core/rbac';
import { Registry } from '../../lib/registry/registry';
import { DeploymentModel, OnlineEndpoint, Traffic } from '../../lib/serving';
import { Workspace } from '../../lib/workspace/workspace';
import { buildMultiStackApp } from '../fixtures/apps/multi-stack';
import { badDependsOn, freshApp as freshAppIn, Json, roleAssignments, synthStacks as synthApp } from '../support/stacks';

const freshApp = () => freshAppIn('multi-stack');

describe('an app with a shared registry, a dev and a prod stack', () => {
  let built: ReturnType<typeof buildMultiStackApp>;
  let stacks: Record<string, Json>;
  let output: string[];
  beforeAll(() => {
    built = buildMultiStackApp(freshApp());
    ({ stacks, output } = synthApp(built.app));
  });

  test('synthesizes the three stacks', () => {
    expect(Object.keys(stacks).sort()).toEqual(['dev', 'prod', 'shared']);
  });

  test('every depends_on entry names a whole resource, data source or module of its own stack', () => {
    const { count, bad } = badDependsOn(stacks);
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(5);
  });

  test('what waited across stacks becomes an order of the stacks: dev, then shared, then prod', () => {
    expect(built.shared.dependencies).toContain(built.dev);
    expect(built.prod.dependencies).toContain(built.shared);
    expect(built.dev.dependencies).toEqual([]);
  });

  test('the grant made for prod\'s identity on the shared registry is created in prod, at a stable path', () => {
    expect(roleAssignments(stacks.shared)).toEqual([]);
    const grant = roleAssignments(stacks.prod).find(a => a.path.startsWith('prod/CrossStackGrants/'));
    expect(grant?.path).toBe('prod/CrossStackGrants/shared/Registry/GrantAzureMLRegistryUser-mlw-churn-prod-identity');
    expect(grant?.attributes.scope).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-shared\.outputs\.[^}]+\}$/);
  });

  test('no role definition id applies a function to a remote-state reference: the subscription is an output of the registry\'s stack', () => {
    const remote = roleAssignments(stacks.prod).filter(a => JSON.stringify(a.attributes.scope).includes('terraform_remote_state'));
    expect(remote.length).toBe(2); // the workspace's grant and the endpoint identity's
    for (const a of remote) {
      expect(a.attributes.role_definition_id).toMatch(
        /^\/subscriptions\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-shared\.outputs\.[A-Za-z0-9_-]+\}\/providers\/Microsoft\.Authorization\/roleDefinitions\/[0-9a-f-]{36}$/);
    }
    expect(Object.values(stacks.shared.locals ?? {})).toEqual(['${element(split("/", azapi_resource.Registry_4DB9CCA5.id), 2)}']);
  });

  test('synth prints nothing (no cdktf warnings about functions over tokens)', () => {
    expect(output).toEqual([]);
  });
});

describe('cross-stack uses that need care', () => {
  test('a registry imported by an id built from another stack\'s resource group grants without cdktf warnings', () => {
    const app = freshApp();
    const shared = new TerraformStack(app, 'shared');
    MlopsProviders.configure(shared);
    const rg = new ResourceGroup(shared, 'rg', { name: 'rg-mlops-shared', location: 'westeurope' });
    const prod = new TerraformStack(app, 'prod');
    MlopsProviders.configure(prod);
    const imported = Registry.fromRegistryAttributes(prod, 'SharedRegistry', { registryName: 'mlr-contoso', resourceGroupId: rg.id, location: 'westeurope' });
    imported.grantRead(Principal.group('11111111-1111-1111-1111-111111111111', 'ml-engineers'));
    const { stacks, output } = synthApp(app);
    expect(output).toEqual([]);
    const [grant] = roleAssignments(stacks.prod);
    expect(grant.attributes.role_definition_id).toMatch(/^\/subscriptions\/\$\{element\(split\("\/", data\.terraform_remote_state\.[^"]+\), 2\)\}\//);
  });

  test('when two stacks would each wait for the other, synth fails with a named error that says what to move', () => {
    const app = freshApp();
    const { prod, registry, endpoint } = buildMultiStackApp(app);
    // prod already serves from the shared registry (prod after shared); promoting a prod version into it would put
    // shared after prod too.
    const prodWs = prod.node.findChild('Workspace') as Workspace;
    const prodVersion = prodWs.addModel('fraud').addVersion('1', {
      source: ModelSource.fromJobOutput('train-fraud-1', { path: 'model' }), modelType: ModelType.MLFLOW,
    });
    expect(endpoint.endpointName).toBe('churn-contoso-prod');
    let error: unknown;
    try {
      registry.addModel('fraud').addVersion('1', { source: ModelSource.fromWorkspaceModel(prodVersion) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MlopsValidationError);
    expect((error as Error).message).toMatch(/stack 'shared' .* would have to be applied after stack 'prod'/);
    expect((error as Error).message).toMatch(/Fix: declare this construct in stack 'prod'/);
  });
});

describe('one Azure resource, one declaration', () => {
  function twoStacks(): { app: App; a: TerraformStack; b: TerraformStack } {
    const app = freshApp();
    const a = new TerraformStack(app, 'a');
    MlopsProviders.configure(a);
    const b = new TerraformStack(app, 'b');
    MlopsProviders.configure(b);
    return { app, a, b };
  }

  test('when two stacks declare a registry of the same name, synth fails naming both construct paths', () => {
    const { app, a, b } = twoStacks();
    new Registry(a, 'Registry', { name: 'mlr-contoso', resourceGroupId: '/subscriptions/s/resourceGroups/rg-a', location: 'westeurope' });
    new Registry(b, 'Shared', { name: 'MLR-contoso', resourceGroupId: '/subscriptions/s/resourceGroups/rg-b', location: 'westeurope' });
    expect(() => app.synth()).toThrow(/Invalid Azure resource declaration for 'b\/Shared\/Resource': ML registry name \(value: "MLR-contoso"\) is already declared by 'a\/Registry\/Resource'/);
  });

  test('when one role is granted twice to the same principal on the same scope, synth fails naming both assignments', () => {
    const { app, a } = twoStacks();
    const rg = new ResourceGroup(a, 'rg', { name: 'rg-a', location: 'westeurope' });
    const ws = new Workspace(a, 'Workspace', { resourceGroup: rg, prefix: 'churn' });
    const id = '22222222-2222-2222-2222-222222222222';
    ws.grantDataScientist(Principal.group(id, 'data-scientists'));
    ws.grantDataScientist(Principal.group(id, 'ds-team'));
    expect(() => app.synth()).toThrow(new RegExp(
      "Invalid Azure resource declaration for 'a/Workspace/GrantAzureMLDataScientist-ds-team': role assignment .* " +
      "is already declared by 'a/Workspace/GrantAzureMLDataScientist-data-scientists'"));
  });

  test('when two workspaces in two stacks claim one storage account name, synth fails naming both', () => {
    const { app, a, b } = twoStacks();
    for (const stack of [a, b]) {
      const rg = new ResourceGroup(stack, 'rg', { name: `rg-${stack.node.id}`, location: 'westeurope' });
      new Workspace(stack, 'Workspace', { resourceGroup: rg, prefix: 'churn', names: { storageAccount: 'stchurnshared01' } });
    }
    expect(() => app.synth()).toThrow(/'b\/Workspace\/Storage': storage account name \(value: "stchurnshared01"\) is already declared by 'a\/Workspace\/Storage'/);
  });

  test('two online endpoints of one name in one region fail, even in two workspaces', () => {
    const { app, a, b } = twoStacks();
    for (const stack of [a, b]) {
      const rg = new ResourceGroup(stack, 'rg', { name: `rg-${stack.node.id}`, location: 'westeurope' });
      const ws = new Workspace(stack, 'Workspace', { resourceGroup: rg, location: 'westeurope', prefix: `churn${stack.node.id}` });
      ws.addComputeCluster('image-build', { maxNodes: 1 });
      const v = ws.addModel('churn').addVersion('1', { source: ModelSource.fromJobOutput('j', { path: 'model' }), modelType: ModelType.MLFLOW });
      const ep = new OnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'churn-weu' });
      ep.routeTraffic(Traffic.allTo(ep.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v) })));
    }
    expect(() => app.synth()).toThrow(/'b\/Endpoint\/Resource': online endpoint name \(value: "churn-weu"\) is already declared by 'a\/Endpoint\/Resource' \(online endpoint names are unique per Azure region/);
  });

  test('values known only at apply match only the same token: two workspaces on two resource groups do not conflict', () => {
    const { app, a } = twoStacks();
    for (const id of ['one', 'two']) {
      const rg = new ResourceGroup(a, `rg-${id}`, { name: `rg-${id}`, location: 'westeurope' });
      new Workspace(a, `Workspace-${id}`, { resourceGroup: rg, prefix: `churn${id}` });
    }
    expect(() => app.synth()).not.toThrow();
  });
});
