import { Construct } from 'constructs';
import { BuiltInRole, grantRole, Principal } from '../../lib/core/rbac';
import { MlopsProviders } from '../../lib/core/providers';
import { Workspace } from '../../lib/workspace/workspace';
import { Template, testStack } from '../support/template';
import { TerraformVariable } from 'cdktf';

const WS = '/subscriptions/1111/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw';

describe('grants', () => {
  test('grantDataScientist assigns the built-in role by its subscription-scoped definition id', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const ws = Workspace.fromWorkspaceId(stack, 'ws', WS, 'westeurope');
    ws.grantDataScientist(Principal.group('2222'));
    Template.synth(stack).hasResourceWithProperties('azurerm_role_assignment', {
      scope: WS,
      role_definition_id: '/subscriptions/1111/providers/Microsoft.Authorization/roleDefinitions/f6c7c914-8db3-469d-8ca1-694a8f32e121',
      principal_id: '2222',
      principal_type: 'Group',
    });
  });

  test('managed identities skip the Entra ID replication check; the same grant twice is one assignment', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const scope = new Construct(stack, 'x');
    const p = Principal.servicePrincipal('3333');
    const a = grantRole(scope, WS, BuiltInRole.ACR_PULL, p);
    expect(grantRole(scope, WS, BuiltInRole.ACR_PULL, p)).toBe(a);
    const t = Template.synth(stack);
    t.resourceCountIs('azurerm_role_assignment', 1);
    t.hasResourceWithProperties('azurerm_role_assignment', { skip_service_principal_aad_check: true, principal_type: 'ServicePrincipal' });
  });

  test('a principal known only at apply needs a stable key, and the error says so', () => {
    const stack = testStack();
    const id = new TerraformVariable(stack, 'p', { type: 'string' }).stringValue;
    expect(() => Principal.servicePrincipal(id)).toThrow(/pass a stable key/);
    expect(Principal.servicePrincipal(id, 'pipeline').principalKey).toBe('pipeline');
  });

  test('BuiltInRole.of takes only GUIDs', () => {
    expect(() => BuiltInRole.of('Custom', 'not-a-guid')).toThrow(/Invalid arguments for 'BuiltInRole.of': roleDefinitionGuid \(value: "not-a-guid"\) must be the GUID of a role definition/);
    expect(BuiltInRole.of('Custom', 'AAAAAAAA-0000-0000-0000-000000000000').roleDefinitionGuid).toBe('aaaaaaaa-0000-0000-0000-000000000000');
  });

  test('an imported workspace id that is not a workspace fails naming the value and the expected form', () => {
    const stack = testStack();
    expect(() => Workspace.fromWorkspaceId(stack, 'ws', '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', 'westeurope'))
      .toThrow(/workspaceId .*must be the ARM id of an Azure ML workspace/);
  });
});
