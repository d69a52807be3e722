import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import { EstateStack } from '../../examples/estate/stack';
import { QuickstartStack } from '../../examples/quickstart/stack';
import { ModelRegistryStack } from '../../examples/model-registry/stack';
import { WorkspacePrivateStack } from '../../examples/workspace-private/stack';
import { MinimalWorkspaceStack } from '../../examples/workspace-private/minimal';
import { BlueGreenStack } from '../../examples/blue-green/main';
import { buildDevOpsExample } from '../../examples/devops/app';
import type { ProviderSchema } from '../../tools/terraform-emulator/src/schema/model';
import {
  AZAPI_REPLACE_WHEN, AZURERM_REPLACE_WHEN, azapiSchema, azuredevopsSchema, deriveAzurermSchema, loadAzurermSchema,
  replacePredicate,
} from '../../tools/terraform-emulator/src/schemas';
import { applyFacts, FactError } from '../../tools/terraform-emulator/src/schemas/facts';
import { conformanceProblems, typeProblem } from './conformance';

const azurerm: ProviderSchema = deriveAzurermSchema();
const schemas = { azurerm, azapi: azapiSchema(), azuredevops: azuredevopsSchema() };

const stacksOf = (app: App) => app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
const EXAMPLES: Array<[string, () => TerraformStack[]]> = [
  ['estate', () => [new EstateStack(Testing.app(), 'churn-prod')]],
  ['quickstart', () => [new QuickstartStack(Testing.app(), 'quickstart')]],
  ['model-registry', () => [new ModelRegistryStack(Testing.app(), 'model-registry')]],
  ['blue-green', () => [new BlueGreenStack(Testing.app(), 'blue-green')]],
  ['workspace-private', () => {
    const app = Testing.app();
    return [new WorkspacePrivateStack(app, 'workspace-private'), new MinimalWorkspaceStack(app, 'workspace-minimal')];
  }],
  ['devops', () => stacksOf(buildDevOpsExample(Testing.app()).app)],
];

describe('every attribute and block the examples synthesize is in the provider schemas', () => {
  test.each(EXAMPLES)('examples/%s', (_name, build) => {
    for (const stack of build()) {
      const json = JSON.parse(Testing.synth(stack));
      expect({ stack: stack.node.id, problems: conformanceProblems(json, schemas) }).toEqual({ stack: stack.node.id, problems: [] });
    }
  });
});

describe('the conformance check itself', () => {
  const json = (body: object) => ({ resource: { azurerm_resource_group: { rg: body } } });

  test('reports an unknown attribute, a missing required one, a wrong type and a read-only one', () => {
    expect(conformanceProblems(json({ name: 'rg', colour: 'blue' }), schemas)).toEqual([
      'resource.azurerm_resource_group.rg.colour: not in the schema',
      'resource.azurerm_resource_group.rg.location: required attribute missing',
    ]);
    expect(conformanceProblems(json({ name: 'rg', location: 'westeurope', tags: ['a'] }), schemas)).toEqual([
      'resource.azurerm_resource_group.rg.tags: expected a map, got ["a"]',
    ]);
    expect(conformanceProblems({ resource: { azurerm_storage_account: { s: {
      name: 'st', resource_group_name: 'rg', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'ZRS',
      primary_access_key: 'k',
    } } } }, schemas)).toEqual(['resource.azurerm_storage_account.s.primary_access_key: read-only attribute set']);
  });

  test('lets references stand for any type, and strings for numbers and bools', () => {
    expect(typeProblem('${var.x}', ['list', 'string'])).toBeUndefined();
    expect(typeProblem('3', 'number')).toBeUndefined();
    expect(typeProblem('yes', 'bool')).toBeDefined();
  });
});

describe('azurerm, derived from @cdktf/provider-azurerm', () => {
  test('covers at least 1,500 types: every resource and data source of the package', () => {
    expect(Object.keys(azurerm.resources).length).toBeGreaterThanOrEqual(1100);
    expect(Object.keys(azurerm.resources).length + Object.keys(azurerm.dataSources).length).toBeGreaterThanOrEqual(1500);
  });

  test('storage account: name is required and replaces the account; the replication type replaces only across families', () => {
    const sa = azurerm.resources.azurerm_storage_account.block;
    expect(sa.attributes.name).toMatchObject({ type: 'string', required: true, forceNew: true });
    expect(sa.attributes.account_tier).toMatchObject({ required: true, forceNew: true });
    expect(sa.attributes.is_hns_enabled).toMatchObject({ type: 'bool', optional: true, computed: true, default: false, forceNew: true });
    expect(sa.attributes.infrastructure_encryption_enabled.forceNew).toBe(true);
    expect(sa.attributes.account_replication_type.forceNew).toBeUndefined();
    const family = replacePredicate(AZURERM_REPLACE_WHEN, 'azurerm_storage_account', 'account_replication_type')!;
    expect(family('LRS', 'GRS')).toBe(false);
    expect(family('ZRS', 'RAGZRS')).toBe(false);
    expect(family('GRS', 'GZRS')).toBe(true);
    expect(family('zrs', 'LRS')).toBe(true);
    expect(sa.attributes.primary_access_key).toMatchObject({ computed: true, sensitive: true });
  });

  test('blocks of at most one item are list blocks with maxItems 1; computed attributes inside them are derived', () => {
    const identity = azurerm.resources.azurerm_storage_account.block.blocks.identity;
    expect(identity).toMatchObject({ nesting: 'list', maxItems: 1 });
    expect(identity.block.attributes.principal_id).toEqual({ type: 'string', computed: true });
    expect(identity.block.attributes.identity_ids).toEqual({ type: ['set', 'string'], optional: true });
    expect(azurerm.resources.azurerm_storage_account.block.blocks.timeouts.nesting).toBe('single');
  });

  test('required blocks have minItems 1, the provider\'s features block included', () => {
    expect(azurerm.provider.blocks.features).toMatchObject({ minItems: 1, maxItems: 1 });
    expect(azurerm.resources.azurerm_private_endpoint.block.blocks.private_service_connection).toMatchObject({ minItems: 1, maxItems: 1 });
    expect(azurerm.resources.azurerm_monitor_autoscale_setting.block.blocks.profile.minItems).toBe(1);
    expect(azurerm.provider.attributes.alias).toBeUndefined();
  });

  test('every resource and data source has an id: optional and computed for SDKv2 types', () => {
    for (const r of [...Object.values(azurerm.resources), ...Object.values(azurerm.dataSources)]) {
      expect(r.block.attributes.id).toMatchObject({ type: 'string', computed: true });
    }
    expect(azurerm.resources.azurerm_resource_group.block.attributes.id).toEqual({ type: 'string', optional: true, computed: true });
  });

  test('computed-only nested values of data sources are typed objects', () => {
    expect(azurerm.dataSources.azurerm_key_vault.block.attributes.access_policy).toEqual({
      computed: true,
      type: ['list', ['object', expect.objectContaining({ object_id: 'string', key_permissions: ['list', 'string'] })]],
    });
    expect(Object.keys(azurerm.dataSources.azurerm_client_config.block.attributes).sort())
      .toEqual(['client_id', 'id', 'object_id', 'subscription_id', 'tenant_id']);
  });

  test('role assignments and locks are replaced by any change of an argument', () => {
    for (const type of ['azurerm_role_assignment', 'azurerm_management_lock']) {
      const args = Object.entries(azurerm.resources[type].block.attributes).filter(([k, a]) => k !== 'id' && (a.required || a.optional));
      expect(args.filter(([, a]) => !a.forceNew).map(([k]) => k)).toEqual([]);
    }
  });

  test('an attribute with a default is also computed, or Terraform would reject the planned default', () => {
    const walk = (attrs: Record<string, any>) => Object.entries(attrs).filter(([, a]) => a.default !== undefined && !a.computed).map(([k]) => k);
    for (const s of Object.values(schemas)) {
      for (const r of Object.values(s.resources)) expect(walk(r.block.attributes)).toEqual([]);
    }
  });

  test('a fact about an attribute the schema lacks fails the derivation', () => {
    expect(() => applyFacts(azurerm, { resources: { azurerm_resource_group: { source: 'x', attributes: { colour: { forceNew: true } } } } }))
      .toThrow(FactError);
    expect(() => applyFacts(azurerm, { resources: { azurerm_nothing: { source: 'x' } } })).toThrow(FactError);
  });
});

describe('loadAzurermSchema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'azurerm-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a cache, reads it back identical, and rebuilds a cache from another package version', () => {
    const file = join(dir, 'azurerm.json');
    const first = loadAzurermSchema(file);
    expect(first).toEqual(azurerm);
    const cached = JSON.parse(readFileSync(file, 'utf8'));
    expect(cached.packageVersion).toMatch(/^14\./);
    writeFileSync(file, JSON.stringify({ ...cached, schema: { provider: { attributes: {}, blocks: {} }, resources: {}, dataSources: {} } }));
    expect(Object.keys(loadAzurermSchema(file).resources)).toHaveLength(0); // same version: trusted
    writeFileSync(file, JSON.stringify({ ...cached, packageVersion: '0.0.0', schema: {} }));
    expect(loadAzurermSchema(file)).toEqual(azurerm);
    writeFileSync(file, '{ truncated');
    expect(loadAzurermSchema(file)).toEqual(azurerm);
  });
});

describe('azapi 2.12', () => {
  const azapi = schemas.azapi;

  test('retry is a nested attribute (retry = {...}), not a block', () => {
    const retry = azapi.resources.azapi_resource.block.attributes.retry;
    expect(retry.nested?.nesting).toBe('single');
    expect(retry.nested?.attributes.error_message_regex).toEqual({ type: ['list', 'string'], required: true });
    expect(azapi.resources.azapi_resource.block.blocks.retry).toBeUndefined();
  });

  test('body and output are dynamic; sensitive_body and ignore_body_changes are write-only and never computed', () => {
    const r = azapi.resources.azapi_resource.block.attributes;
    expect(r.body.type).toBe('dynamic');
    expect(r.output).toEqual({ type: 'dynamic', computed: true });
    for (const k of ['sensitive_body', 'ignore_body_changes']) expect(r[k]).toMatchObject({ writeOnly: true, optional: true });
    for (const s of Object.values(azapi.resources)) {
      for (const a of Object.values(s.block.attributes)) if (a.writeOnly) expect(a.computed).toBeUndefined();
    }
  });

  test('identity is a list block with the principal Azure assigns; timeouts a single block', () => {
    const blocks = azapi.resources.azapi_resource.block.blocks;
    expect(blocks.identity.nesting).toBe('list');
    expect(blocks.identity.block.attributes.principal_id).toEqual({ type: 'string', computed: true });
    expect(blocks.timeouts.nesting).toBe('single');
  });

  test('name, parent_id, location, resource_id and action replace; type replaces only when the resource type changes', () => {
    const r = azapi.resources;
    for (const k of ['name', 'parent_id', 'location']) expect(r.azapi_resource.block.attributes[k].forceNew).toBe(true);
    expect(r.azapi_update_resource.block.attributes.resource_id.forceNew).toBe(true);
    expect(r.azapi_resource_action.block.attributes.action.forceNew).toBe(true);
    const type = replacePredicate(AZAPI_REPLACE_WHEN, 'azapi_resource', 'type')!;
    const ws = 'Microsoft.MachineLearningServices/workspaces';
    expect(type(`${ws}@2025-12-01`, `${ws}@2026-05-01`)).toBe(false);
    expect(type(`${ws}@2026-05-01`, `${ws}/onlineEndpoints@2026-05-01`)).toBe(true);
    expect(replacePredicate(AZAPI_REPLACE_WHEN, 'azapi_resource_action', 'type')).toBeUndefined();
  });
});

describe('azuredevops 1.16', () => {
  const ado = schemas.azuredevops;

  test('covers exactly the types the bindings emit', () => {
    expect(Object.keys(ado.resources).sort()).toEqual([
      'azuredevops_build_definition', 'azuredevops_check_approval', 'azuredevops_environment', 'azuredevops_git_repository',
      'azuredevops_pipeline_authorization', 'azuredevops_project', 'azuredevops_serviceendpoint_azurerm', 'azuredevops_variable_group',
    ]);
    expect(Object.keys(ado.dataSources)).toEqual(['azuredevops_project']);
  });

  test('project-scoped resources move only by replacement; secrets are sensitive', () => {
    for (const [type, r] of Object.entries(ado.resources)) {
      if (type === 'azuredevops_project') continue;
      expect({ resource: type, ...r.block.attributes.project_id }).toMatchObject({ resource: type, required: true, forceNew: true });
    }
    expect(ado.resources.azuredevops_serviceendpoint_azurerm.block.blocks.credentials.block.attributes.serviceprincipalkey.sensitive).toBe(true);
    expect(ado.resources.azuredevops_git_repository.block.blocks.initialization).toMatchObject({ minItems: 1, maxItems: 1 });
  });
});
