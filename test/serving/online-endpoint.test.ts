import { AnnotationMetadataEntryType, TerraformVariable } from 'cdktf';
import { DeploymentModel, EndpointAuthMode, OnlineEndpoint, Traffic } from '../../lib/serving';
import { Template } from '../support/template';
import { expectValidAzapiBodies, FakeModelVersion, servingStack, thrownMessage } from './fixtures';

const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01';
const DEPLOYMENT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2026-05-01';

function blueGreen(props: { production?: boolean } = {}) {
  const { stack, workspace } = servingStack();
  const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
  const v4 = new FakeModelVersion(stack, 'v4', { version: '4' });
  const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', ...props });
  const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3), instanceCount: 3 });
  const green = endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(v4), instanceCount: 3 });
  return { stack, endpoint, blue, green };
}

describe('OnlineEndpoint', () => {
  test('by default the endpoint uses Entra ID tokens, no public network access and a system identity, all written explicitly', () => {
    const { stack } = blueGreen();
    const t = Template.synth(stack);
    const ep = t.resourceWithProperties('azapi_resource', { type: ENDPOINT_TYPE });
    expect(ep.attributes.body).toEqual({ properties: { authMode: 'AADToken', publicNetworkAccess: 'Disabled' } });
    expect(ep.attributes.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(ep.attributes.name).toBe('churn-prod');
    expect(ep.attributes.location).toBe('westeurope');
    expectValidAzapiBodies(t);
  });

  test('the endpoint body never carries traffic, and ignores the paths the traffic patch owns', () => {
    const { stack, endpoint, blue } = blueGreen();
    endpoint.routeTraffic(Traffic.allTo(blue));
    const t = Template.synth(stack);
    const ep = t.resourceWithProperties('azapi_resource', { type: ENDPOINT_TYPE });
    expect(ep.attributes.body.properties.traffic).toBeUndefined();
    expect(ep.attributes.body.properties.mirrorTraffic).toBeUndefined();
    expect(ep.attributes.ignore_body_changes).toEqual(['properties.traffic', 'properties.mirrorTraffic']);
  });

  test('key auth and public network access are explicit opt-ins', () => {
    const { stack, workspace } = servingStack();
    new OnlineEndpoint(stack, 'open', { workspace, endpointName: 'churn-open', authMode: EndpointAuthMode.KEY, allowPublicNetworkAccess: true });
    const t = Template.synth(stack);
    t.hasResourceWithProperties('azapi_resource', { body: { properties: { authMode: 'Key', publicNetworkAccess: 'Enabled' } } });
    expectValidAzapiBodies(t);
  });

  test('the chain is endpoint → deployments → one traffic patch that depends on every deployment', () => {
    const { stack, endpoint, blue, green } = blueGreen();
    endpoint.routeTraffic(Traffic.canary(blue, green, 10));
    const t = Template.synth(stack);
    const ep = t.resourceWithProperties('azapi_resource', { type: ENDPOINT_TYPE });
    const deployments = t.resourcesWithProperties('azapi_resource', { type: DEPLOYMENT_TYPE });
    expect(deployments.map(d => d.attributes.name)).toEqual(['blue', 'green']);
    for (const d of deployments) expect(d.attributes.parent_id).toBe(t.ref(ep));

    t.resourceCountIs('azapi_update_resource', 1);
    const patch = t.resources('azapi_update_resource')[0];
    expect(patch.attributes.type).toBe(ENDPOINT_TYPE);
    expect(patch.attributes.resource_id).toBe(t.ref(ep));
    expect(patch.attributes.depends_on).toEqual(deployments.map(d => `azapi_resource.${d.logicalId}`));
    expect(patch.attributes.retry.error_message_regex.length).toBeGreaterThan(0);
    expectValidAzapiBodies(t);
  });

  test('the traffic patch writes every deployment, 0 for those without traffic, and mirror traffic likewise', () => {
    const { stack, endpoint, blue } = blueGreen();
    endpoint.routeTraffic(Traffic.allTo(blue));
    const t = Template.synth(stack);
    expect(t.resources('azapi_update_resource')[0].attributes.body).toEqual({
      properties: { traffic: { blue: 100, green: 0 }, mirrorTraffic: { blue: 0, green: 0 } },
    });
  });

  test.each([
    ['a canary', (b: any, g: any) => Traffic.canary(b, g, 10), { blue: 90, green: 10 }],
    ['a split by name', () => Traffic.split({ blue: 50, green: 50 }), { blue: 50, green: 50 }],
    ['a weighted list', (b: any, g: any) => Traffic.weighted([{ deployment: b, weight: 75 }, { deployment: g, weight: 25 }]), { blue: 75, green: 25 }],
    ['no traffic', () => Traffic.none(), { blue: 0, green: 0 }],
  ])('%s is written as the traffic map', (_what, traffic, expected) => {
    const { stack, endpoint, blue, green } = blueGreen();
    endpoint.routeTraffic(traffic(blue, green));
    const t = Template.synth(stack);
    expect(t.resources('azapi_update_resource')[0].attributes.body.properties.traffic).toEqual(expected);
  });

  test('a canary percent known only at apply (a variable) is written as an expression, and not guessed at synth', () => {
    const { stack, endpoint, blue, green } = blueGreen();
    const percent = new TerraformVariable(stack, 'canary_percent', { type: 'number', default: 10 });
    endpoint.routeTraffic(Traffic.canary(blue, green, percent.numberValue));
    const t = Template.synth(stack);
    expect(t.resources('azapi_update_resource')[0].attributes.body.properties.traffic).toEqual({
      blue: '${(100 - var.canary_percent)}', green: '${var.canary_percent}',
    });
  });

  test('mirror traffic goes to the one deployment without live traffic', () => {
    const { stack, endpoint, blue, green } = blueGreen();
    endpoint.routeTraffic(Traffic.allTo(blue));
    endpoint.mirror(green, 20);
    const t = Template.synth(stack);
    expect(t.resources('azapi_update_resource')[0].attributes.body.properties).toEqual({
      traffic: { blue: 100, green: 0 }, mirrorTraffic: { blue: 0, green: 20 },
    });
    expectValidAzapiBodies(t);
  });

  test('rollback is pointing traffic back: both deployments stay, only the patch body changes', () => {
    const rollout = blueGreen();
    rollout.endpoint.routeTraffic(Traffic.allTo(rollout.green));
    const rollback = blueGreen();
    rollback.endpoint.routeTraffic(Traffic.allTo(rollback.blue));
    const a = Template.synth(rollout.stack);
    const b = Template.synth(rollback.stack);
    expect(a.resources('azapi_resource')).toEqual(b.resources('azapi_resource'));
    expect(b.resources('azapi_update_resource')[0].attributes.body.properties.traffic).toEqual({ blue: 100, green: 0 });
  });

  test('an endpoint without deployments emits no traffic patch', () => {
    const { stack, workspace } = servingStack();
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    Template.synth(stack).resourceCountIs('azapi_update_resource', 0);
  });

  test('without a name, the endpoint gets a valid, stable name from its id', () => {
    const names = [0, 1].map(() => {
      const { stack, workspace } = servingStack();
      return new OnlineEndpoint(stack, 'Churn_Scoring', { workspace }).endpointName;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).toMatch(/^churn-scoring-[a-z0-9]{4}$/);
  });

  test('when the endpoint name breaks Azure\'s rule, construction fails naming the path, the value and the fix', () => {
    const { stack, workspace } = servingStack();
    const msg = thrownMessage(() => new OnlineEndpoint(stack, 'churn', { workspace, endpointName: '1-churn--prod' }));
    expect(msg).toContain("Invalid props for OnlineEndpoint for 'test/churn'");
    expect(msg).toContain('endpointName (value: "1-churn--prod")');
    expect(msg).toContain('starting with a letter');
    expect(msg).toContain('choose a name like "churn-prod"');
  });

  test('when two deployments of an endpoint share a name, addDeployment fails', () => {
    const { endpoint, stack } = blueGreen();
    const v5 = new FakeModelVersion(stack, 'v5', { version: '5' });
    expect(() => endpoint.addDeployment('blue2', { deploymentName: 'blue', model: DeploymentModel.fromModelVersion(v5) }))
      .toThrow(/deployments\.blue .* is declared twice on this endpoint/);
  });

  describe('production', () => {
    test('a deployment below 3 instances warns, citing Azure\'s availability guidance', () => {
      const { stack, workspace } = servingStack();
      const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
      const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', production: true });
      const small = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3), instanceCount: 2 });
      const warnings = small.node.metadata.filter(m => m.type === AnnotationMetadataEntryType.WARN).map(m => m.data);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/runs 2 instance\(s\); Azure recommends at least 3/);
    });

    test('deployments default to 3 instances, and no warning', () => {
      const { stack, workspace } = servingStack();
      const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
      const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', production: true });
      const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
      expect(blue.node.metadata.filter(m => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
      Template.synth(stack).hasResourceWithProperties('azapi_resource', { name: 'blue', body: { sku: { capacity: 3 } } });
    });

    test('outside production, 1 instance is the default and nothing warns', () => {
      const { stack, workspace } = servingStack();
      const v3 = new FakeModelVersion(stack, 'v3', { version: '3' });
      const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-dev' });
      const blue = endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(v3) });
      expect(blue.node.metadata.filter(m => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
      Template.synth(stack).hasResourceWithProperties('azapi_resource', { name: 'blue', body: { sku: { capacity: 1 } } });
    });

    test('only deployments taking live traffic are protected with prevent_destroy', () => {
      const { stack, endpoint, blue, green } = blueGreen({ production: true });
      endpoint.routeTraffic(Traffic.allTo(blue));
      endpoint.mirror(green, 10);
      const t = Template.synth(stack);
      expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.lifecycle).toEqual({ prevent_destroy: true });
      expect(t.resourceWithProperties('azapi_resource', { name: 'green' }).attributes.lifecycle).toBeUndefined();
    });

    test('protection follows the traffic: after a cut-over, the new live deployment is the protected one', () => {
      const { stack, endpoint, blue, green } = blueGreen({ production: true });
      endpoint.routeTraffic(Traffic.allTo(blue));
      endpoint.routeTraffic(Traffic.allTo(green));
      const t = Template.synth(stack);
      expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.lifecycle).toBeUndefined();
      expect(t.resourceWithProperties('azapi_resource', { name: 'green' }).attributes.lifecycle).toEqual({ prevent_destroy: true });
    });

    test('outside production nothing is protected', () => {
      const { stack, endpoint, blue } = blueGreen();
      endpoint.routeTraffic(Traffic.allTo(blue));
      Template.synth(stack).allResources('azapi_resource', r => r.attributes.lifecycle === undefined, 'having no lifecycle');
    });
  });
});
