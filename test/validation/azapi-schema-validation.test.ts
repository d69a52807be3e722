import { AnnotationMetadataEntryType, Aspects, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider, AzapiResource, AzapiUpdateResource } from '../../lib/bindings/azapi';
import { AzapiSchemaValidation } from '../../lib/validation/azapi-schema-validation';

const ML = 'Microsoft.MachineLearningServices';
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml';

function stackWith(build: (stack: TerraformStack) => void, props?: ConstructorParameters<typeof AzapiSchemaValidation>[0]) {
  const app = Testing.app();
  const stack = new TerraformStack(app, 's');
  new AzapiProvider(stack, 'azapi');
  build(stack);
  Aspects.of(stack).add(new AzapiSchemaValidation(props));
  return stack;
}

function workspace(stack: TerraformStack, id: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return new AzapiResource(stack, id, {
    type: `${ML}/workspaces/onlineEndpoints@2026-05-01`,
    name: 'churn',
    parentId: `${RG}/providers/${ML}/workspaces/mlw`,
    location: 'westeurope',
    identity: { type: 'SystemAssigned' },
    body: { properties, ...extra },
  });
}

function annotations(stack: TerraformStack, level: AnnotationMetadataEntryType): string[] {
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === level).map((m) => `[${c.node.path}] ${m.data}`));
}

describe('AzapiSchemaValidation', () => {
  test('a valid body synthesizes', () => {
    const stack = stackWith((s) => workspace(s, 'good', { authMode: 'AADToken', publicNetworkAccess: 'Disabled' }));
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(annotations(stack, AnnotationMetadataEntryType.ERROR)).toEqual([]);
  });

  test('when a body breaks Azure\'s schema, synth fails naming the construct and the property', () => {
    const stack = stackWith((s) => {
      workspace(s, 'good', { authMode: 'AADToken' });
      workspace(s, 'bad', { authMode: 'AADToken', trafic: { blue: 100 } }, { sku: { name: 'Default', tier: 'Gold' } });
    });
    expect(() => Testing.synth(stack, true)).toThrow(/\[s\/bad\] azapi_resource ".*onlineEndpoints@2026-05-01": `properties\.trafic` is not expected here\. Did you mean `traffic`\?/);
    expect(() => Testing.synth(stack, true)).toThrow(/\[s\/bad\] .*`sku\.tier` must be one of "Free", "Basic", "Standard", "Premium"/);
    const errors = annotations(stack, AnnotationMetadataEntryType.ERROR);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.startsWith('[s/bad] azapi_resource'))).toBe(true);
  });

  test('raw TerraformResources and overrides are checked too, from the synthesized config', () => {
    const stack = stackWith((s) => {
      const raw = new TerraformResource(s, 'raw', { terraformResourceType: 'azapi_resource' });
      raw.addOverride('type', `${ML}/workspaces/onlineEndpoints/deployments@2026-05-01`);
      raw.addOverride('name', 'blue');
      raw.addOverride('body', { properties: { endpointComputeType: 'Bogus' } });
    });
    expect(() => Testing.synth(stack, true)).toThrow(/\[s\/raw\] .*`properties\.endpointComputeType` must be one of "Kubernetes", "Managed" \(got "Bogus"\)/);
  });

  test('references to other resources are accepted wherever they appear', () => {
    const stack = stackWith((s) => {
      const ws = workspace(s, 'endpoint', { authMode: 'AADToken' });
      new AzapiResource(s, 'deployment', {
        type: `${ML}/workspaces/onlineEndpoints/deployments@2026-05-01`,
        name: 'blue',
        parentId: ws.id,
        location: 'westeurope',
        body: {
          properties: { endpointComputeType: 'Managed', model: ws.outputString('properties.x'), instanceType: 'Standard_DS3_v2' },
          sku: { name: 'Default', capacity: ws.getNumberAttribute('output.capacity') },
        },
      });
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('azapi_update_resource is checked as a patch: required properties may be left out, unknown keys may not', () => {
    const stack = stackWith((s) => {
      new AzapiUpdateResource(s, 'traffic', {
        type: `${ML}/workspaces/onlineEndpoints@2026-05-01`,
        resourceId: `${RG}/providers/${ML}/workspaces/mlw/onlineEndpoints/churn`,
        body: { properties: { traffic: { blue: 100 } } },
      });
      new AzapiUpdateResource(s, 'typo', {
        type: `${ML}/workspaces/onlineEndpoints@2026-05-01`,
        resourceId: `${RG}/providers/${ML}/workspaces/mlw/onlineEndpoints/churn`,
        body: { properties: { mirrorTrafic: { green: 10 } } },
      });
    });
    expect(() => Testing.synth(stack, true)).toThrow(/\[s\/typo\] azapi_update_resource .*`properties\.mirrorTrafic` is not expected here/);
    expect(annotations(stack, AnnotationMetadataEntryType.ERROR).filter((e) => e.startsWith('[s/traffic]'))).toEqual([]);
  });

  test('resources with schema validation disabled are skipped, as azapi skips them', () => {
    const stack = stackWith((s) => {
      new AzapiResource(s, 'preview', {
        type: `${ML}/workspaces/onlineEndpoints@2026-05-01`,
        name: 'churn',
        body: { properties: { notYetInTheSchema: true } },
        schemaValidationEnabled: false,
      });
    });
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('an api-version the schema does not have fails and lists the supported ones', () => {
    const stack = stackWith((s) => {
      new AzapiResource(s, 'old', { type: `${ML}/workspaces/onlineEndpoints@2024-04-01`, name: 'churn', body: { properties: {} } });
    });
    expect(() => Testing.synth(stack, true)).toThrow(/\[s\/old\] .*`type` api-version "2024-04-01" .* supported versions: 2026-05-01/);
  });

  test('with failOnError: false, problems are warnings and synth goes on', () => {
    const stack = stackWith((s) => workspace(s, 'bad', { authMode: 'AADToken', foo: 1 }), { failOnError: false });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(annotations(stack, AnnotationMetadataEntryType.WARN)).toEqual([
      expect.stringMatching(/^\[s\/bad\] azapi_resource ".*": `properties\.foo` is not expected here/),
    ]);
    expect(annotations(stack, AnnotationMetadataEntryType.ERROR)).toEqual([]);
  });

  test('each resource is reported once, however often synth runs', () => {
    const stack = stackWith((s) => workspace(s, 'bad', { authMode: 'AADToken', foo: 1 }), { failOnError: false });
    Testing.synth(stack);
    Testing.synth(stack);
    expect(annotations(stack, AnnotationMetadataEntryType.WARN)).toHaveLength(1);
  });
});
