import { TerraformStack, Testing } from 'cdktf';
import { parse } from '@cdktf/hcl2json';
import { AzapiProvider, AzapiResource, AzapiResourceAction, AzapiUpdateResource } from '../../lib/bindings/azapi';
import { MlopsValidationError } from '../../lib/core/errors';
import { Template, testStack } from '../support/template';

function stackWithProvider(): TerraformStack {
  const stack = testStack();
  new AzapiProvider(stack, 'azapi');
  return stack;
}

const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces@2026-05-01';

describe('azapi_resource binding', () => {
  test('synthesizes camelCase config to snake_case arguments, with body as an object', () => {
    const stack = stackWithProvider();
    new AzapiResource(stack, 'ws', {
      type: WORKSPACE,
      name: 'mlw-test',
      parentId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg',
      location: 'westeurope',
      identity: { type: 'UserAssigned', identityIds: ['/id/1'] },
      tags: { team: 'ml' },
      body: { properties: { publicNetworkAccess: 'Disabled' } },
      responseExportValues: ['properties.discoveryUrl'],
      schemaValidationEnabled: true,
      ignoreCasing: false,
      ignoreMissingProperty: true,
      ignoreNullProperty: true,
      ignoreBodyChanges: ['properties.traffic'],
      replaceTriggersExternalValues: { contentHash: 'abc' },
      replaceTriggersRefs: ['properties.storageAccount'],
      locks: ['/lock/1'],
      retry: { errorMessageRegex: ['ResourceNotFound'], intervalSeconds: 5, maxIntervalSeconds: 60 },
      timeouts: { create: '30m' },
      lifecycle: { preventDestroy: true },
    });
    const r = Template.synth(stack, { validateAzapiBodies: false }).resourceAt('azapi_resource', 'ws');
    expect(r.attributes).toEqual({
      type: WORKSPACE,
      name: 'mlw-test',
      parent_id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg',
      location: 'westeurope',
      identity: [{ type: 'UserAssigned', identity_ids: ['/id/1'] }],
      tags: { team: 'ml' },
      body: { properties: { publicNetworkAccess: 'Disabled' } },
      response_export_values: ['properties.discoveryUrl'],
      schema_validation_enabled: true,
      ignore_casing: false,
      ignore_missing_property: true,
      ignore_null_property: true,
      ignore_body_changes: ['properties.traffic'],
      replace_triggers_external_values: { contentHash: 'abc' },
      replace_triggers_refs: ['properties.storageAccount'],
      locks: ['/lock/1'],
      retry: { error_message_regex: ['ResourceNotFound'], interval_seconds: 5, max_interval_seconds: 60 },
      timeouts: { create: '30m' },
      lifecycle: { prevent_destroy: true },
    });
  });

  test('typed getters interpolate id, output paths and the identity principal', () => {
    const stack = stackWithProvider();
    const ws = new AzapiResource(stack, 'ws', { type: WORKSPACE, name: 'mlw-a', body: {} });
    new AzapiResource(stack, 'child', {
      type: 'Microsoft.MachineLearningServices/workspaces/models@2026-05-01',
      name: 'm', parentId: ws.id,
      body: { properties: { description: ws.outputString('properties.workspaceId'), tags: { p: ws.identityPrincipalId } } },
      dependsOn: [ws],
    });
    const child = Template.synth(stack, { validateAzapiBodies: false }).resourceAt('azapi_resource', 'child');
    expect(child.attributes.parent_id).toBe('${azapi_resource.ws.id}');
    expect(child.attributes.body.properties.description).toBe('${azapi_resource.ws.output.properties.workspaceId}');
    expect(child.attributes.body.properties.tags.p).toBe('${azapi_resource.ws.identity[0].principal_id}');
    expect(child.attributes.depends_on).toEqual(['azapi_resource.ws']);
  });

  test('declares the Azure/azapi provider with the ~> 2.12 constraint', () => {
    const stack = stackWithProvider();
    new AzapiResource(stack, 'ws', { type: WORKSPACE, name: 'mlw-a', body: { properties: {} } });
    expect(Template.synth(stack).terraform.required_providers.azapi).toEqual({ source: 'Azure/azapi', version: '~> 2.12' });
  });

  test('when body is a JSON string (the azapi v1 habit), construction fails naming the construct and the fix', () => {
    const stack = stackWithProvider();
    const make = () => new AzapiResource(stack, 'ws', { type: WORKSPACE, name: 'x', body: JSON.stringify({ a: 1 }) as any });
    expect(make).toThrow(/^Invalid arguments for azapi_resource for 'test\/ws': body .*must be an object.*without JSON.stringify/s);
  });

  test('when type lacks an api-version and retry is out of range, one error lists both problems', () => {
    const stack = stackWithProvider();
    let error: MlopsValidationError | undefined;
    try {
      new AzapiResource(stack, 'ws', {
        type: 'Microsoft.MachineLearningServices/workspaces', name: 'x',
        retry: { errorMessageRegex: ['x'], intervalSeconds: 500 },
      });
    } catch (e) {
      error = e as MlopsValidationError;
    }
    expect(error).toBeInstanceOf(MlopsValidationError);
    expect(error!.problems.map(p => p.subject)).toEqual(['type', 'retry.intervalSeconds']);
    expect(error!.message).toMatch(/2 problems/);
    expect(error!.message).toMatch(/"<resource type>@<api-version>"/);
  });

  test('a token body (a reference) is accepted without inspection', () => {
    const stack = stackWithProvider();
    const other = new AzapiResource(stack, 'a', { type: WORKSPACE, name: 'mlw-a', body: {} });
    expect(() => new AzapiResource(stack, 'b', { type: WORKSPACE, name: 'mlw-b', body: other.output as any })).not.toThrow();
  });
});

describe('azapi_update_resource and azapi_resource_action bindings', () => {
  test('update resource synthesizes resource_id, body and retry', () => {
    const stack = stackWithProvider();
    new AzapiUpdateResource(stack, 'traffic', {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e',
      body: { properties: { traffic: { blue: 100 } } },
      retry: { errorMessageRegex: ['Deployment .* not found'] },
    });
    Template.synth(stack).hasResourceWithProperties('azapi_update_resource', {
      resource_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e',
      body: { properties: { traffic: { blue: 100 } } },
      retry: { error_message_regex: ['Deployment .* not found'] },
    });
  });

  test('resource action synthesizes action, method and when', () => {
    const stack = stackWithProvider();
    new AzapiResourceAction(stack, 'keys', {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
      resourceId: '/x', action: 'listKeys', method: 'POST', when: 'apply', responseExportValues: ['primaryKey'],
    });
    Template.synth(stack).hasResourceWithProperties('azapi_resource_action', {
      action: 'listKeys', method: 'POST', when: 'apply', response_export_values: ['primaryKey'],
    });
  });
});

describe('HCL synthesis (cdktf synth --hcl)', () => {
  test('parses with Terraform\'s HCL parser and carries the same arguments as the JSON, strings kept strings', async () => {
    const stack = stackWithProvider();
    const body = {
      properties: { version: '3', list: ['1', '{not json', 'a'], n: 2, flag: true, nested: { empty: '' } },
    };
    new AzapiResource(stack, 'v', {
      type: 'Microsoft.MachineLearningServices/workspaces/models/versions@2026-05-01', name: '3', parentId: '/p',
      identity: { type: 'SystemAssigned' }, body, retry: { errorMessageRegex: ['Conflict'] }, timeouts: { create: '1h' },
      tags: { stage: 'Production' }, ignoreBodyChanges: ['properties.stage'],
    });
    new AzapiUpdateResource(stack, 'u', { type: WORKSPACE, resourceId: '/w', body: { properties: { a: '10' } } });
    const hcl = Testing.synthHcl(stack);
    const parsed: any = await parse('cdk.tf', hcl);
    const v = parsed.resource.azapi_resource.v[0];
    expect(v.body).toEqual(body);
    expect(v.name).toBe('3');
    expect(v.identity).toEqual([{ type: 'SystemAssigned' }]);
    expect(v.retry).toEqual({ error_message_regex: ['Conflict'] });
    expect(v.timeouts).toEqual([{ create: '1h' }]);
    expect(v.tags).toEqual({ stage: 'Production' });
    expect(v.ignore_body_changes).toEqual(['properties.stage']);
    expect(parsed.resource.azapi_update_resource.u[0].body).toEqual({ properties: { a: '10' } });
  });
});
