import { Principal, BuiltInRole } from '../../lib/core/rbac';
import { Protection, Workspace } from '../../lib/workspace';
import { mlStack, ROLE, SUB, synth, workspaceIn } from './support';

describe('protection', () => {
  test('DEVELOPMENT: no prevent_destroy and no locks', () => {
    const stack = mlStack();
    workspaceIn(stack, { protection: Protection.DEVELOPMENT });
    const t = synth(stack);
    t.resourceCountIs('azurerm_management_lock', 0);
    for (const type of ['azapi_resource', 'azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry']) {
      t.allResources(type, r => r.attributes.lifecycle === undefined, 'having no lifecycle');
    }
  });

  test('custom: production without the workspace lock, so deployments and versions in it can still be deleted', () => {
    const stack = mlStack();
    workspaceIn(stack, { protection: Protection.custom({ preventDestroy: true, lockDependencies: true, lockWorkspace: false }) });
    const t = synth(stack);
    t.resourceCountIs('azurerm_management_lock', 3);
    const ws = t.resourceAt('azapi_resource', 'ml/Resource');
    expect(ws.attributes.lifecycle).toEqual({ prevent_destroy: true });
    t.allResources('azurerm_management_lock', r => r.attributes.scope !== t.ref(ws), 'not locking the workspace');
  });
});

describe('grants', () => {
  const user = Principal.user('11111111-1111-1111-1111-111111111111');
  const pipeline = Principal.servicePrincipal('22222222-2222-2222-2222-222222222222');

  test('workspace roles are assigned at the workspace with the built-in role id, and granting twice returns the same assignment', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    const first = ws.grantDataScientist(user);
    expect(ws.grantDataScientist(user)).toBe(first);
    ws.grantComputeOperator(user);
    ws.grantReader(pipeline);
    const t = synth(stack);
    const wsRef = t.ref(t.resourceAt('azapi_resource', 'ml/Resource'));
    t.resourceCountIs('azurerm_role_assignment', 3);
    const roleAt = (guid: string) => `/subscriptions/\${element(split("/", ${wsRef.slice(2, -1)}), 2)}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
    t.resourceWithProperties('azurerm_role_assignment', { scope: wsRef, principal_id: user.principalId, principal_type: 'User',
      role_definition_id: roleAt(BuiltInRole.AZUREML_DATA_SCIENTIST.roleDefinitionGuid) });
    t.resourceWithProperties('azurerm_role_assignment', { scope: wsRef, principal_id: user.principalId,
      role_definition_id: roleAt('e503ece1-11d0-4e8e-8e2c-7a6c3bf38815') });
    t.resourceWithProperties('azurerm_role_assignment', { scope: wsRef, principal_id: pipeline.principalId, principal_type: 'ServicePrincipal',
      skip_service_principal_aad_check: true, role_definition_id: roleAt('acdd72a7-3385-48ef-bd42-f606fba81ae7') });
  });

  test('artifact store grants are scoped to the container; registry pull to the registry', () => {
    const stack = mlStack();
    const ws = workspaceIn(stack);
    ws.grantArtifactStoreRead(pipeline);
    ws.grantArtifactStoreWrite(user);
    ws.grantContainerRegistryPull(pipeline);
    const t = synth(stack);
    const account = t.ref(t.resourceAt('azurerm_storage_account', 'ml/Storage')).slice(2, -1);
    const container = `\${join("/", [${account}, "blobServices/default/containers", "model-artifacts"])}`;
    expect(t.resourceWithProperties('azurerm_role_assignment', { scope: container, principal_id: pipeline.principalId })
      .attributes.role_definition_id).toBe(`/subscriptions/\${element(split("/", join("/", [${account}, "blobServices/default/containers", "model-artifacts"])), 2)}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`);
    expect(t.resourceWithProperties('azurerm_role_assignment', { scope: container, principal_id: user.principalId })
      .attributes.role_definition_id).toMatch(/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
    expect(t.resourceWithProperties('azurerm_role_assignment', { scope: t.ref(t.resourceAt('azurerm_container_registry', 'ml/ContainerRegistry')) })
      .attributes.role_definition_id).toMatch(/7f951dda-4ed3-4680-a7ca-43fe172d538d$/);
  });

  test('on an imported workspace, grants use its id; an artifact grant without a known artifact store fails naming the fix', () => {
    const stack = mlStack();
    const wsId = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-shared`;
    const imported = Workspace.fromWorkspaceId(stack, 'shared', wsId, 'westeurope');
    imported.grantDataScientist(user);
    expect(() => imported.grantArtifactStoreRead(user)).toThrow(
      /Invalid call to grantArtifactStoreRead for 'test\/shared': artifactStore \(value: \(not set\)\) is unknown.*Fix: import the workspace with Workspace\.fromWorkspaceAttributes/);
    synth(stack).resourceWithProperties('azurerm_role_assignment', { scope: wsId, role_definition_id: ROLE('f6c7c914-8db3-469d-8ca1-694a8f32e121') });
  });
});
