import type { EmulatedStack, TerraformEmulator } from '../../tools/terraform-emulator/src/harness';
import { configFolder, failureOf, oneLine, succeeds } from './plans';
import { describeWithTerraform, newEmulator } from './support';

/**
 * Each rule of the emulated control plane that the scenario tests do not already meet, through a real apply of a
 * hand-written configuration that violates it: Terraform must fail with the emulated Azure's refusal. (Rules met in
 * the scenarios: traffic summing to 100 — 4b; CanNotDelete lock on children — 8b; private registry needs an
 * image-build compute — every library app sets one, see apps.ts.)
 */
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ML = 'Microsoft.MachineLearningServices';
const V = '2026-05-01';
const RG = '${azapi_resource.rg.id}';
const ROLE = (guid: string) => `${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const ACR_PULL = '7f951dda-4ed3-4680-a7ca-43fe172d538d';

/** Terraform's message for a step that must fail, on one line (Terraform wraps its diagnostics). */
const refusal = (step: () => unknown) => oneLine(failureOf(step));

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** An azapi-only configuration with a resource group `rg-<label>` and the given resources. */
function config(label: string, resources: Resources): object {
  return {
    terraform: { required_version: '>= 1.11', required_providers: { azapi: { source: 'Azure/azapi', version: '~> 2.12' } } },
    provider: { azapi: [{}] },
    resource: {
      ...resources,
      azapi_resource: {
        rg: { type: 'Microsoft.Resources/resourceGroups@2024-03-01', name: `rg-${label}`, parent_id: SUB, location: 'westeurope' },
        ...resources.azapi_resource,
      },
    },
  };
}

/** A workspace (with `properties`), an online endpoint with a system-assigned identity, and deployments. */
function serving(endpointName: string, workspaceProperties: Record<string, unknown>, deployments: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  return {
    ws: { type: `${ML}/workspaces@${V}`, name: `mlw-${endpointName}`, parent_id: RG, location: 'westeurope', identity: [{ type: 'SystemAssigned' }], body: { properties: workspaceProperties } },
    ep: { type: `${ML}/workspaces/onlineEndpoints@${V}`, name: endpointName, parent_id: '${azapi_resource.ws.id}', location: 'westeurope', identity: [{ type: 'SystemAssigned' }], body: { properties: { authMode: 'AADToken' } } },
    ...Object.fromEntries(Object.entries(deployments).map(([name, properties]) => [name, {
      type: `${ML}/workspaces/onlineEndpoints/deployments@${V}`, name, parent_id: '${azapi_resource.ep.id}', location: 'westeurope',
      body: { properties: { endpointComputeType: 'Managed', instanceType: 'Standard_F4s_v2', model: `azureml://registries/azureml/models/m/versions/1`, egressPublicNetworkAccess: 'Disabled', ...properties }, sku: { name: 'Default', capacity: 1 } },
    }])),
  };
}

/** The endpoint's traffic patch, as a raw azapi_update_resource (no retry, so a refusal fails at once). */
function trafficPatch(properties: Record<string, unknown>, dependsOn: string[]): Record<string, Record<string, unknown>> {
  return { traffic: { type: `${ML}/workspaces/onlineEndpoints@${V}`, resource_id: '${azapi_resource.ep.id}', body: { properties }, depends_on: dependsOn } };
}

describeWithTerraform('each emulated rule refuses a violating apply', () => {
  let emulator: TerraformEmulator;
  beforeAll(() => {
    emulator = newEmulator('rules');
  });
  const applyConfig = (stack: EmulatedStack, label: string, c: object) => {
    stack.configure(configFolder(label, c));
    return stack.apply();
  };

  describe('on one endpoint with blue and green', () => {
    let stack: EmulatedStack;
    const deployments = { blue: {}, green: {} };
    const both = ['azapi_resource.blue', 'azapi_resource.green'];
    const withEndpoint = (extra: Resources = {}, deps: Record<string, Record<string, unknown>> = deployments) =>
      config('rules-ep', { ...extra, azapi_resource: { ...serving('rules-ep', {}, deps), ...extra.azapi_resource } });

    beforeAll(() => {
      stack = emulator.stack('endpoint');
      succeeds(() => applyConfig(stack, 'ep', withEndpoint({ azapi_update_resource: trafficPatch({ traffic: { blue: 100, green: 0 } }, both) })));
    });

    test('traffic naming a deployment that does not exist is refused', () => {
      const message = refusal(() => applyConfig(stack, 'ghost', withEndpoint({ azapi_update_resource: trafficPatch({ traffic: { blue: 90, ghost: 10 } }, both) })));
      expect(message).toContain('400 BadRequest');
      expect(message).toContain("Deployment 'ghost' does not exist in online endpoint");
    });

    test('mirror traffic above 50 % is refused', () => {
      const message = refusal(() => applyConfig(stack, 'mirror60', withEndpoint({ azapi_update_resource: trafficPatch({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 60 } }, both) })));
      expect(message).toMatch(/Mirror traffic of online endpoint '.*' sums to 60; it can be at most 50/);
    });

    test('mirror traffic to a deployment that takes live traffic is refused', () => {
      const message = refusal(() => applyConfig(stack, 'mirrorlive', withEndpoint({ azapi_update_resource: trafficPatch({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { blue: 10 } }, both) })));
      expect(message).toMatch(/Deployment 'blue' of online endpoint '.*' takes live traffic; it cannot also receive mirror traffic/);
    });

    test('changing a deployment\'s egressPublicNetworkAccess is refused', () => {
      const message = refusal(() => applyConfig(stack, 'egress', withEndpoint(
        { azapi_update_resource: trafficPatch({ traffic: { blue: 100, green: 0 } }, both) }, { blue: {}, green: { egressPublicNetworkAccess: 'Enabled' } })));
      expect(message).toContain('egressPublicNetworkAccess of online deployment');
      expect(message).toContain('cannot change after creation (Disabled → Enabled)');
    });

    test('a role assignment identical to one Azure ML made for the endpoint identity (AcrPull on the registry) is refused with 409', () => {
      // Azure ML grants AcrPull on the workspace's container registry to the endpoint's identity itself (the emulator
      // does so when the endpoint is created), so the first grant the library would add is already a duplicate.
      const acrPull = (name: string) => ({
        type: 'Microsoft.Authorization/roleAssignments@2022-04-01', name, parent_id: '${azapi_resource.acr.id}',
        body: { properties: { roleDefinitionId: ROLE(ACR_PULL), principalId: '${azapi_resource.ep.identity[0].principal_id}', principalType: 'ServicePrincipal' } },
      });
      const acr = { type: `Microsoft.ContainerRegistry/registries@2023-07-01`, name: 'crrulesgrant', parent_id: RG, location: 'westeurope', body: { sku: { name: 'Premium' }, properties: { publicNetworkAccess: 'Enabled' } } };
      // A second endpoint in a workspace that has the registry (the first one's workspace has none).
      const grantStack = emulator.stack('grant');
      const base = serving('rules-grant', { containerRegistry: '${azapi_resource.acr.id}' }, {});
      const message = refusal(() => applyConfig(grantStack, 'grant', config('rules-grant', {
        azapi_resource: { ...base, acr, pull: acrPull('6b4f4b5a-0c1d-4e3b-9a57-3d2f1e0c9b8a') },
      })));
      expect(message).toContain('409 RoleAssignmentExists');
      expect(message).toContain('The role assignment already exists.');
    });

    test('deleting a deployment that still takes live traffic is refused', () => {
      // The traffic patch is dropped with blue (destroying an azapi_update_resource changes nothing in Azure), so
      // the endpoint still sends blue 100 % when Terraform deletes it.
      const message = refusal(() => applyConfig(stack, 'delete-live', withEndpoint({}, { green: {} })));
      expect(message).toMatch(/Deployment 'blue' takes 100% live and 0% mirror traffic of endpoint '.*'; set its traffic to 0 before deleting it/);
    });
  });

  test('a duplicated role assignment (same scope, role and principal, another name) is refused with 409', () => {
    const assignment = (name: string) => ({
      type: 'Microsoft.Authorization/roleAssignments@2022-04-01', name, parent_id: RG,
      body: { properties: { roleDefinitionId: ROLE(ACR_PULL), principalId: '11111111-2222-3333-4444-555555555555', principalType: 'ServicePrincipal' } },
    });
    const stack = emulator.stack('duplicate-grant');
    const message = refusal(() => applyConfig(stack, 'dup', config('rules-dup', { azapi_resource: {
      first: assignment('0f8fad5b-d9cb-469f-a165-70867728950e'),
      second: { ...assignment('7c9e6679-7425-40de-944b-e07fc1f90ae7'), depends_on: ['azapi_resource.first'] },
    } })));
    expect(message).toContain('409 RoleAssignmentExists');
    expect(message).toContain('with azapi_resource.second');
  });

  test('an online deployment in a managed-network workspace is refused until the network is provisioned', () => {
    const stack = emulator.stack('managed-network');
    const managed = { managedNetwork: { isolationMode: 'AllowInternetOutbound' } };
    const refused = refusal(() => applyConfig(stack, 'mnet', config('rules-mnet', { azapi_resource: serving('rules-mnet', managed, { blue: {} }) })));
    expect(refused).toMatch(/The managed network of workspace '.*' has not been provisioned; provision it \(provisionManagedNetwork\) before creating online deployment/);

    // The fix: provision the network (an action on the workspace) before the deployment.
    const resources = serving('rules-mnet', managed, { blue: {} });
    resources.blue.depends_on = ['azapi_resource_action.provision'];
    succeeds(() => applyConfig(stack, 'mnet-fixed', config('rules-mnet', {
      azapi_resource: resources,
      azapi_resource_action: { provision: { type: `${ML}/workspaces@${V}`, resource_id: '${azapi_resource.ws.id}', action: 'provisionManagedNetwork', body: { includeSpark: false } } },
    })));
  });

  test('a model version whose content changes in place (no replace trigger) is refused: versions are immutable', () => {
    const stack = emulator.stack('immutable');
    const version = (uri: string) => config('rules-imm', { azapi_resource: {
      ws: { type: `${ML}/workspaces@${V}`, name: 'mlw-rules-imm', parent_id: RG, location: 'westeurope', body: { properties: {} } },
      model: { type: `${ML}/workspaces/models@${V}`, name: 'churn', parent_id: '${azapi_resource.ws.id}', body: { properties: {} } },
      v1: { type: `${ML}/workspaces/models/versions@${V}`, name: '1', parent_id: '${azapi_resource.model.id}', body: { properties: { modelType: 'mlflow_model', modelUri: uri } } },
    } });
    succeeds(() => applyConfig(stack, 'imm', version('azureml://jobs/train-1/outputs/artifacts/paths/model')));
    const message = refusal(() => applyConfig(stack, 'imm-changed', version('azureml://jobs/train-2/outputs/artifacts/paths/model')));
    expect(message).toContain('409 UserError');
    expect(message).toMatch(/Version '.*models\/churn\/versions\/1' already exists with different content; asset versions are immutable/);
  });

  test('a registry model version number, once deleted, cannot be created again', () => {
    const stack = emulator.stack('registry');
    const registry = (withVersion: boolean) => config('rules-reg', { azapi_resource: {
      reg: { type: `${ML}/registries@${V}`, name: 'mlr-rules', parent_id: RG, location: 'westeurope', identity: [{ type: 'SystemAssigned' }], body: { properties: { regionDetails: [{ location: 'westeurope' }] } } },
      model: { type: `${ML}/registries/models@${V}`, name: 'churn', parent_id: '${azapi_resource.reg.id}', body: { properties: {} } },
      ...(withVersion ? { v1: { type: `${ML}/registries/models/versions@${V}`, name: '1', parent_id: '${azapi_resource.model.id}', body: { properties: { modelType: 'mlflow_model', modelUri: 'azureml://registries/mlr-rules/models/churn/versions/1' } } } } : {}),
    } });
    succeeds(() => applyConfig(stack, 'reg', registry(true)));
    succeeds(() => applyConfig(stack, 'reg-deleted', registry(false)));
    const message = refusal(() => applyConfig(stack, 'reg-again', registry(true)));
    expect(message).toContain('409 UserError');
    expect(message).toMatch(/was deleted from the registry; a deleted registry version can never be created again/);
  });
});
