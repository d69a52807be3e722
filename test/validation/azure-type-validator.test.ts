import * as fs from 'fs';
import * as path from 'path';
import {
  AzureRequest, AzureTypeProblem, AzureTypeValidator, supportedAzureTypes, validateAzureRequest,
} from '../../lib/validation/azure-type-validator';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'azure-examples');
const ML = 'Microsoft.MachineLearningServices';
const ENDPOINT = `${ML}/workspaces/onlineEndpoints@2026-05-01`;
const DEPLOYMENT = `${ML}/workspaces/onlineEndpoints/deployments@2026-05-01`;
const STORAGE = 'Microsoft.Storage/storageAccounts@2026-04-01';

interface Fixture { resourceType: string; body: Record<string, any> }

function fixture(name: string): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
}

/** A fresh copy of a spec example's body, to break on purpose. */
function body(name: string): Record<string, any> {
  return fixture(name).body;
}

function problemsAt(problems: AzureTypeProblem[], at: string): string[] {
  return problems.filter((p) => p.path === at).map((p) => p.message);
}

const endpoint = (b: Record<string, any>, extra: Partial<AzureRequest> = {}) =>
  validateAzureRequest({ type: ENDPOINT, name: 'churn', body: b, ...extra });
const deployment = (b: Record<string, any>) => validateAzureRequest({ type: DEPLOYMENT, name: 'blue', body: b });

const storageBody = () => ({
  kind: 'StorageV2',
  sku: { name: 'Standard_GZRS' },
  properties: { minimumTlsVersion: 'TLS1_2', allowSharedKeyAccess: false, allowBlobPublicAccess: false },
});

describe('spec examples (positive fixtures)', () => {
  const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

  test('there is one fixture per example in the manifest', () => {
    expect(names).toHaveLength(10);
  });

  test.each(names)('%s validates with zero problems', (name) => {
    const { resourceType, body: b } = fixture(name);
    // The placeholder "string" is too short for a registry name: pass a realistic one, as the aspect would.
    expect(validateAzureRequest({ type: resourceType, name: 'name-1', body: b })).toEqual([]);
  });
});

describe('broken bodies are rejected with the problem azapi reports', () => {
  test('an unknown key is not expected here, with a suggestion', () => {
    const b = body('workspace-online-endpoint');
    b.properties.foo = 'bar';
    b.properties.authMod = 'Key';
    const problems = endpoint(b);
    expect(problemsAt(problems, 'properties.foo')[0]).toMatch(/^is not expected here\. .*Remove it/);
    expect(problemsAt(problems, 'properties.authMod')[0]).toContain('Did you mean `authMode`?');
    expect(problems).toHaveLength(2);
  });

  test('a read-only key must not be set, nested or at the top', () => {
    const b = body('workspace-online-endpoint');
    b.properties.provisioningState = 'Succeeded';
    b.id = '/subscriptions/x';
    const problems = endpoint(b);
    expect(problemsAt(problems, 'properties.provisioningState')).toEqual([
      'is read-only and must not be set: Azure computes it. Remove it from the body',
    ]);
    expect(problemsAt(problems, 'id')[0]).toContain('is read-only and must not be set');
    expect(problems).toHaveLength(2);
  });

  test('a bad discriminator value lists the allowed kinds', () => {
    const b = body('online-deployment-managed-online-deployment');
    b.properties.endpointComputeType = 'Bogus';
    expect(deployment(b)).toEqual([{
      path: 'properties.endpointComputeType',
      message: 'must be one of "Kubernetes", "Managed" (got "Bogus"): it selects the kind of OnlineDeploymentProperties. Use one of them (case-sensitive)',
    }]);
  });

  test('a missing discriminator is required and lists the allowed kinds', () => {
    const b = body('online-deployment-managed-online-deployment');
    delete b.properties.endpointComputeType;
    const [problem, ...rest] = deployment(b);
    expect(rest).toEqual([]);
    expect(problem.path).toBe('properties.endpointComputeType');
    expect(problem.message).toMatch(/^is required: it selects the kind of OnlineDeploymentProperties\. Set it to one of .*"Managed"/);
  });

  test('keys of the selected kind are checked against that kind', () => {
    const b = body('online-deployment-managed-online-deployment');
    b.properties.containerResourceRequirements = {}; // a Kubernetes-only property
    expect(problemsAt(deployment(b), 'properties.containerResourceRequirements')[0]).toMatch(/^is not expected here/);
  });

  test('a missing required `properties` is required', () => {
    const b = body('workspace-online-endpoint');
    delete b.properties;
    expect(endpoint(b)).toEqual([{ path: 'properties', message: 'is required. Set it in the body' }]);
  });

  test('a nested required property is required', () => {
    const b = body('workspace-online-endpoint');
    delete b.properties.authMode;
    expect(problemsAt(endpoint(b), 'properties.authMode')).toEqual(['is required. Set it in the body']);
  });

  test('a string where an integer is expected', () => {
    const b = body('workspace-online-endpoint');
    b.sku.capacity = '1';
    expect(endpoint(b)).toEqual([{
      path: 'sku.capacity',
      message: 'must be an integer (got a string "1"). Write it as a JSON number without quotes',
    }]);
  });

  test('a value outside an enum lists the allowed values', () => {
    const b = body('workspace-online-endpoint');
    b.sku.tier = 'Gold';
    expect(endpoint(b)).toEqual([{
      path: 'sku.tier',
      message: 'must be one of "Free", "Basic", "Standard", "Premium" (got "Gold"). Use one of them (case-sensitive)',
    }]);
  });

  test('enum values are case-sensitive', () => {
    const b = body('workspace-online-endpoint');
    b.sku.tier = 'free';
    expect(problemsAt(endpoint(b), 'sku.tier')[0]).toMatch(/^must be one of "Free", /);
  });

  test('an extensible enum (x-ms-enum modelAsString) accepts any string, but not another type', () => {
    const b = body('workspace-online-endpoint');
    b.properties.authMode = 'SomethingNew';
    expect(endpoint(b)).toEqual([]);
    b.properties.authMode = true;
    expect(problemsAt(endpoint(b), 'properties.authMode')[0]).toMatch(/^must be one of "AMLToken", "Key", "AADToken" \(got true\)/);
  });

  test('a name that breaks the pattern', () => {
    const problems = validateAzureRequest({ type: `${ML}/registries@2026-05-01`, name: '-x', body: body('registries') });
    expect(problems).toEqual([{
      path: 'name',
      message: 'does not match pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{2,32}$ (got "-x"). Change the value so that it matches',
    }]);
  });

  test('patterns are searched, not fully matched, as RE2 does', () => {
    const b = body('workspace-data-version-base');
    b.properties.dataUri = '--- a_b ---'; // pattern [a-zA-Z0-9_] needs one such character anywhere
    expect(validateAzureRequest({ type: `${ML}/workspaces/data/versions@2026-05-01`, name: '1', body: b })).toEqual([]);
    b.properties.dataUri = '---';
    expect(problemsAt(validateAzureRequest({ type: `${ML}/workspaces/data/versions@2026-05-01`, name: '1', body: b }), 'properties.dataUri')[0])
      .toMatch(/^does not match pattern/);
  });

  test('patterns with look-arounds are skipped, as azapi (RE2) skips them', () => {
    // The compute name pattern forbids a trailing "-<digits>" with a look-ahead; azapi cannot compile it.
    const problems = validateAzureRequest({
      type: `${ML}/workspaces/computes@2026-05-01`, name: 'cpu-1', body: { properties: { computeType: 'AmlCompute' } },
    });
    expect(problems).toEqual([]);
  });

  test('a string that is too long', () => {
    const problems = validateAzureRequest({ type: STORAGE, name: 'a'.repeat(25), location: 'westeurope', body: storageBody() });
    expect(problems).toEqual([{ path: 'name', message: 'must be at most 24 characters long (got 25: "aaaaaaaaaaaaaaaaaaaaaaaaa"). Shorten it' }]);
  });

  test('an integer out of range', () => {
    const b = storageBody() as Record<string, any>;
    b.properties.immutableStorageWithVersioning = { enabled: true, immutabilityPolicy: { immutabilityPeriodSinceCreationInDays: 0 } };
    expect(validateAzureRequest({ type: STORAGE, name: 'mlartifacts', body: b })).toEqual([{
      path: 'properties.immutableStorageWithVersioning.immutabilityPolicy.immutabilityPeriodSinceCreationInDays',
      message: 'must be between 1 and 146000 (got 0). Use a value between 1 and 146000',
    }]);
  });

  test('a non-integer where an integer is expected', () => {
    const b = body('online-deployment-managed-online-deployment');
    b.sku.capacity = 1.5;
    b.properties.requestSettings.maxConcurrentRequestsPerInstance = 2.5;
    const problems = deployment(b);
    expect(problemsAt(problems, 'sku.capacity')).toEqual(['must be an integer (got a number 1.5). Use a whole number']);
    expect(problemsAt(problems, 'properties.requestSettings.maxConcurrentRequestsPerInstance')).toHaveLength(1);
  });

  test('traffic weights must be integers', () => {
    const b = body('workspace-online-endpoint');
    b.properties.traffic = { blue: 90, green: '10' };
    b.properties.mirrorTraffic = { green: 10.5 };
    const problems = endpoint(b);
    expect(problems.map((p) => p.path)).toEqual(['properties.traffic.green', 'properties.mirrorTraffic.green']);
  });

  test('an array item of the wrong type', () => {
    const b = body('registries');
    b.properties.registryPrivateEndpointConnections[0].properties.groupIds = ['amlregistry', 5];
    b.properties.regionDetails.push('westeurope');
    const problems = validateAzureRequest({ type: `${ML}/registries@2026-05-01`, name: 'shared-registry', body: b });
    expect(problems.map((p) => p.path)).toEqual([
      'properties.regionDetails[1]',
      'properties.registryPrivateEndpointConnections[0].properties.groupIds[1]',
    ]);
    expect(problems[0].message).toMatch(/^must be an object \(got a string "westeurope"\)/);
    expect(problems[1].message).toMatch(/^must be a string \(got an integer 5\)/);
  });

  test('an object where a string is expected, and a string where an object is expected', () => {
    const b = body('workspace-online-endpoint');
    b.properties.compute = { id: 'x' };
    b.sku = 'Standard';
    expect(endpoint(b).map((p) => p.path)).toEqual(['properties.compute', 'sku']);
  });

  test('a boolean written as a string', () => {
    const b = body('online-deployment-managed-online-deployment');
    b.properties.appInsightsEnabled = 'true';
    expect(problemsAt(deployment(b), 'properties.appInsightsEnabled')[0]).toMatch(/^must be a boolean/);
  });

  test('every problem is reported at once', () => {
    const b = body('workspace-online-endpoint');
    b.properties.foo = 1;
    b.sku.tier = 'Gold';
    b.sku.capacity = '1';
    expect(endpoint(b)).toHaveLength(3);
  });
});

describe('values that Terraform knows only at apply time', () => {
  const ref = '${azapi_resource.x.id}';

  test('are accepted in place of a string, an integer, an object, an array and a discriminator', () => {
    const b = body('online-deployment-managed-online-deployment');
    b.properties.model = ref;
    b.sku.capacity = '${var.capacity}';
    b.properties.requestSettings = ref;
    b.properties.environmentVariables = '${local.env}';
    b.sku.tier = 'prefix-${var.tier}';
    expect(deployment(b)).toEqual([]);

    const kindUnknown = body('online-deployment-managed-online-deployment');
    kindUnknown.properties.endpointComputeType = '${var.kind}';
    expect(deployment(kindUnknown)).toEqual([]);
  });

  test('a whole body that is an expression is accepted', () => {
    expect(validateAzureRequest({ type: ENDPOINT, name: 'churn', body: '${jsondecode(var.body)}' })).toEqual([]);
  });

  test('an array held in an expression is accepted', () => {
    const b = body('registries');
    b.properties.regionDetails = '${local.regions}';
    expect(validateAzureRequest({ type: `${ML}/registries@2026-05-01`, name: 'shared-registry', body: b })).toEqual([]);
  });
});

describe('the request around the body', () => {
  test('location and tags are never reported as required (the provider can default them)', () => {
    const b = body('workspace-online-endpoint');
    delete b.location;
    delete b.tags;
    expect(endpoint(b)).toEqual([]);
  });

  test('name, location, tags and identity from the resource are validated as top-level keys', () => {
    const b = body('workspace-online-endpoint');
    delete b.identity;
    const ok = endpoint(b, {
      location: 'westeurope', tags: { env: 'prod' },
      identity: { type: 'UserAssigned', identityIds: ['/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u'] },
    });
    expect(ok).toEqual([]);
    const bad = endpoint(b, { tags: { env: 1 } as any, identity: { type: ['SystemAssigned'] } });
    expect(bad.map((p) => p.path)).toEqual(['tags.env', 'identity.type']);
  });

  test('a JSON string body (azapi v1 style) is parsed and validated', () => {
    const b = body('workspace-online-endpoint');
    b.properties.foo = 1;
    expect(endpoint(JSON.stringify(b) as any).map((p) => p.path)).toEqual(['properties.foo']);
  });

  test('null values are skipped', () => {
    const b = body('workspace-online-endpoint');
    b.kind = null;
    b.properties.compute = null;
    expect(endpoint(b)).toEqual([]);
  });
});

describe('update mode (azapi_update_resource)', () => {
  const validator = new AzureTypeValidator('update');

  test('does not require required properties', () => {
    expect(validator.validate({ type: ENDPOINT, body: { properties: { traffic: { blue: 100 } } } })).toEqual([]);
  });

  test('still rejects unknown keys, read-only keys and wrong types', () => {
    const problems = validator.validate({
      type: ENDPOINT,
      body: { properties: { traffic: { blue: '100' }, trafic: {}, provisioningState: 'Succeeded' } },
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['properties.provisioningState', 'properties.traffic.blue', 'properties.trafic']);
  });

  test('a patch without its discriminator checks keys against every kind', () => {
    const ok = validator.validate({ type: DEPLOYMENT, body: { sku: { capacity: 3 }, properties: { instanceType: 'Standard_DS3_v2' } } });
    expect(ok).toEqual([]);
    const bad = validator.validate({ type: DEPLOYMENT, body: { properties: { instanceTyp: 'x' } } });
    expect(bad.map((p) => p.path)).toEqual(['properties.instanceTyp']);
  });
});

describe('resource types and api-versions', () => {
  test('an unknown resource type is reported against `type`', () => {
    const [problem] = validateAzureRequest({ type: 'Microsoft.Nope/widgets@2026-05-01', body: {} });
    expect(problem.path).toBe('type');
    expect(problem.message).toMatch(/^resource type Microsoft\.Nope\/widgets is not known to this validator/);
  });

  test('an unknown api-version lists the supported ones', () => {
    expect(validateAzureRequest({ type: `${ML}/workspaces/onlineEndpoints@2024-04-01`, body: {} })).toEqual([{
      path: 'type',
      message: `api-version "2024-04-01" of ${ML}/workspaces/onlineEndpoints is not supported; supported versions: 2026-05-01. ` +
        'Use one of them (azapi rejects api-versions its schema does not embed)',
    }]);
  });

  test('a type without an api-version says how to write it', () => {
    expect(validateAzureRequest({ type: `${ML}/workspaces`, body: {} })[0].message).toMatch(/has no api-version/);
  });

  test('the type is matched case-insensitively, as ARM does', () => {
    const b = body('workspace-online-endpoint');
    expect(validateAzureRequest({ type: ENDPOINT.toLowerCase(), name: 'churn', body: b })).toEqual([]);
  });

  test('every type the library emits is supported', () => {
    const types = supportedAzureTypes();
    expect(types).toHaveLength(29);
    expect(types).toEqual(expect.arrayContaining([
      `${ML}/workspaces/outboundRules@2026-05-01`, `${ML}/registries/models/versions@2026-05-01`,
      STORAGE, 'Microsoft.KeyVault/vaults@2026-02-01', 'Microsoft.ContainerRegistry/registries@2025-11-01',
      'Microsoft.Insights/components@2020-02-02',
    ]));
  });
});

test('validating is fast once the types are loaded', () => {
  const b = body('online-deployment-managed-online-deployment');
  deployment(b);
  const start = process.hrtime.bigint();
  for (let i = 0; i < 1000; i++) deployment(b);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expect(ms).toBeLessThan(1000);
});
