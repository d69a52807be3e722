import * as fc from 'fast-check';
import { TerraformVariable } from 'cdktf';
import { ModelType } from '../../lib/assets/asset-refs';
import { AutoscaleMetric, DeploymentModel, EndpointAuthMode, InstanceType, OnlineEndpoint, ScaleDirection, Traffic } from '../../lib/serving';
import { choose, FUZZ, isLibraryError, prop, props, synthOrRefuse, Tally } from '../support/fuzz';
import { Template } from '../support/template';
import { FakeCode, FakeEnvironment, FakeModelVersion, servingStack } from './fixtures';

const PROBE = props({ initialDelaySeconds: prop(choose([10, 30], [-1])), periodSeconds: prop(choose([10])), failureThreshold: prop(choose([3], [0])) });
const RULE = props({
  metric: prop(choose([AutoscaleMetric.CPU_UTILIZATION, AutoscaleMetric.REQUESTS_PER_MINUTE]), { unset: 1 }),
  direction: prop(choose([ScaleDirection.OUT, ScaleDirection.IN]), { unset: 1 }),
  threshold: prop(choose([70, 25], [-5]), { unset: 1 }),
});

const deployment = fc.record({
  id: choose(['blue', 'green'], ['', 'b']),
  custom: fc.boolean(),
  options: props({
    instanceType: prop(choose([InstanceType.STANDARD_DS3_V2, InstanceType.STANDARD_F4S_V2, InstanceType.of('Standard_NC24ads_A100_v4')],
      [InstanceType.of('Standard_DS3v2'), InstanceType.of('DS3')]), { wrong: 2 }),
    instanceCount: prop(choose([1, 3], [0])),
    autoscale: prop(props({
      minInstances: prop(choose([1, 2]), { unset: 1 }), maxInstances: prop(choose([3, 5], [0]), { unset: 1 }),
      rules: prop(fc.oneof(fc.constant([]), fc.array(RULE, { minLength: 2, maxLength: 2 }))),
    }), { valid: 4, unset: 20 }),
    livenessProbe: prop(PROBE, { valid: 3, unset: 20 }),
    requestSettings: prop(props({ requestTimeoutMs: prop(choose([5000], [0])), maxConcurrentRequestsPerInstance: prop(choose([1, 4])) }), { valid: 3, unset: 20 }),
    environmentVariables: prop(fc.constantFrom({ WORKERS: '2' })),
    retired: prop(fc.boolean(), { valid: 1, unset: 10 }),
  }),
});

const scenario = fc.record({
  endpoint: props({
    endpointName: prop(choose(['churn-prod', 'churn-dev'], ['c', '9bad'])),
    authMode: prop(choose([EndpointAuthMode.AAD_TOKEN, EndpointAuthMode.KEY])),
    production: prop(fc.boolean()),
    allowPublicNetworkAccess: prop(fc.boolean()),
  }),
  tokenName: fc.boolean(),
  deployments: fc.array(deployment, { maxLength: 2 }),
  allToFirst: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const { stack, workspace } = servingStack();
  const name = s.tokenName ? new TerraformVariable(stack, 'endpoint_name', { type: 'string', default: 'churn-prod' }).stringValue : undefined;
  const endpoint = new OnlineEndpoint(stack, 'churn', { ...s.endpoint, ...(name ? { endpointName: name } : {}), workspace } as any);
  const made = s.deployments.map((d, i) => {
    const version = new FakeModelVersion(stack, `v${i}`, { version: String(i + 1), modelType: d.custom ? ModelType.CUSTOM : ModelType.MLFLOW });
    const runtime = d.custom ? { environment: new FakeEnvironment(stack, `env${i}`), code: new FakeCode(stack, `code${i}`), scoringScript: 'score.py' } : {};
    return endpoint.addDeployment(d.id, { model: DeploymentModel.fromModelVersion(version), ...runtime, ...d.options } as any);
  });
  if (s.allToFirst && made.length > 0) endpoint.routeTraffic(Traffic.allTo(made[0]));
  return stack;
}

describe('online endpoints and deployments, fuzzed', () => {
  test('every scenario synthesizes valid bodies with stable role-assignment addresses, or is refused with the library\'s error', () => {
    const tally = new Tally();
    fc.assert(fc.property(scenario, (s) => {
      const o = tally.record(synthOrRefuse(() => build(s)));
      if (!o.template) return;
      // Addresses are the same on every synth (tokens are numbered per process, so a leak would differ here).
      const again = Template.synth(build(s), { validateAzapiBodies: false });
      const addresses = (t: Template) => Object.keys(t.json.resource ?? {}).flatMap(type => Object.keys(t.json.resource[type]).map(id => `${type}.${id}`)).sort();
      expect(addresses(again)).toEqual(addresses(o.template));
      expect(addresses(o.template).join('\n')).not.toMatch(/TOKEN/);
      for (const d of o.template.resources('azapi_resource').filter(r => r.attributes.type.includes('/deployments@'))) {
        expect(d.attributes.body.sku?.capacity ?? 1).toBeGreaterThanOrEqual(1);
      }
    }), FUZZ(150));
    tally.expectBoth();
  });

  test('an endpoint whose name is a token keys its identity\'s role assignments by its construct id, not TOKEN-nn', () => {
    const { stack, workspace } = servingStack();
    const name = new TerraformVariable(stack, 'endpoint_name', { type: 'string' });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: name.stringValue });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1', storageAccountId: `${workspace.workspaceId.split('/providers/')[0]}/providers/Microsoft.Storage/storageAccounts/stother` }) ) });
    const t = Template.synth(stack);
    const ids = Object.keys(t.json.resource.azurerm_role_assignment ?? {});
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every(id => id.includes('endpoint-churn') && !/TOKEN/.test(id))).toBe(true);
  });

  test.each([
    ['no workspace', (s: Scenario) => s, () => { const { stack } = servingStack(); new OnlineEndpoint(stack, 'e', {} as any); }, /workspace \(value: \(not set\)\) is required \(an IWorkspace\)/],
    ['a deployment without a model', null, () => { const { stack, workspace } = servingStack(); new OnlineEndpoint(stack, 'e', { workspace }).addDeployment('blue', {} as any); }, /model \(value: \(not set\)\) is required \(a DeploymentModel\)/],
    ['misspelt props (JavaScript would drop them)', null, () => {
      const { stack, workspace } = servingStack();
      const model = DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1' }));
      new OnlineEndpoint(stack, 'e', { workspace, endpointName: 'churn-x' }).addDeployment('blue', { model, instanceCout: 3, requestSettings: { requestTimeoutMS: 5000 } } as any);
    }, /\(2 problems\)[\s\S]*requestSettings\.requestTimeoutMS \(value: 5000\) is not a prop of OnlineRequestSettings \(did you mean requestTimeoutMs\?\); it would be ignored\. Fix: rename it to requestTimeoutMs[\s\S]*instanceCout \(value: 3\) is not a prop of OnlineDeploymentOptions \(did you mean instanceCount\?\)/],
    ['a deployment added twice', null, () => {
      const { stack, workspace } = servingStack();
      const e = new OnlineEndpoint(stack, 'e', { workspace, endpointName: 'churn-x' });
      const model = DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1' }));
      e.addDeployment('blue', { model }); e.addDeployment('blue', { model });
    }, /Invalid id of OnlineDeployment for 'test\/e\/blue': id \(value: "blue"\) is already used/],
    ['autoscale.rules as {}', null, () => {
      const { stack, workspace } = servingStack();
      new OnlineEndpoint(stack, 'e', { workspace, endpointName: 'churn-x' }).addDeployment('blue', {
        model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1' })), autoscale: { minInstances: 1, maxInstances: 3, rules: {} as any } });
    }, /autoscale\.rules \(value: \{\}\) must be a list/],
    ['a misspelt instance type', null, () => {
      const { stack, workspace } = servingStack();
      new OnlineEndpoint(stack, 'e', { workspace, endpointName: 'churn-x' }).addDeployment('blue', {
        model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v1', { version: '1' })), instanceType: InstanceType.of('Standard_F4sv2') });
    }, /instanceType \(value: "Standard_F4sv2"\) is not an Azure VM size name \(did you mean "Standard_F4s_v2"\?\)/],
    ['DeploymentModel.fromModelVersion(undefined)', null, () => DeploymentModel.fromModelVersion(undefined as any), /version \(value: \(not set\)\) is required \(an IModelVersion\)/],
    ['InstanceType.of(42)', null, () => InstanceType.of(42 as any), /Invalid arguments for 'InstanceType.of': name \(value: 42\)/],
    ['endpoint.mirror(undefined, 10)', null, () => { const { stack, workspace } = servingStack(); new OnlineEndpoint(stack, 'e', { workspace, endpointName: 'churn-x' }).mirror(undefined as any, 10); }, /Invalid arguments for 'test\/e mirror': deployment \(value: \(not set\)\) is required/],
    ['Traffic.split(null)', null, () => Traffic.split(null as any), /Invalid arguments for 'Traffic.split': weights \(value: null\) is required/],
    ['Traffic.allTo(a string)', null, () => Traffic.allTo('blue' as any), /deployment \(value: "blue"\) must be an IOnlineDeployment/],
  ])('%s is refused with the library\'s error', (_what, _unused, fn, expected) => {
    let error: unknown;
    try { fn(); } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });
});
