import { DeploymentModel, OnlineEndpoint } from '../../lib/serving';
import { ModelType } from '../../lib/assets/asset-refs';
import { Template } from '../support/template';
import { ACR_ID, FakeCode, FakeEnvironment, FakeModelVersion, REGISTRY_ID, RG_ID, servingStack, STORAGE_ID } from './fixtures';

const ROLE = {
    blobReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  registryUser: '1823dd4f-9b8c-4ab6-ab4e-7397a3684615',
};
const OTHER_STORAGE = `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmodels`;

function grants(t: Template) {
  return t.resources('azurerm_role_assignment').map(r => ({
    role: String(r.attributes.role_definition_id).split('/').pop(), scope: r.attributes.scope, principal: r.attributes.principal_id,
  }));
}

describe('identity wiring', () => {
  test('the endpoint identity gets no AcrPull or blob read on the workspace registry and storage: Azure ML assigns those itself', () => {
    // A second, identical assignment fails with 409 RoleAssignmentExists at apply.
    const { stack, workspace } = servingStack();
    const onWorkspaceStorage = new FakeModelVersion(stack, 'v3', { version: '3', storageAccountId: STORAGE_ID });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(onWorkspaceStorage) });
    const t = Template.synth(stack);
    expect(grants(t).filter(g => g.scope === ACR_ID || g.scope === STORAGE_ID)).toEqual([]);
    t.resourceCountIs('azurerm_role_assignment', 0);
  });

  test('a registry model adds AzureML Registry User on its registry; its own storage adds blob read, each once', () => {
    const { stack, workspace } = servingStack();
    const fromRegistry = new FakeModelVersion(stack, 'v3', { version: '3', registryId: REGISTRY_ID });
    const elsewhere = new FakeModelVersion(stack, 'v4', { version: '4', storageAccountId: OTHER_STORAGE });
    const alsoElsewhere = new FakeModelVersion(stack, 'v5', { version: '5', storageAccountId: OTHER_STORAGE, registryId: REGISTRY_ID });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(fromRegistry) });
    endpoint.addDeployment('green', { model: DeploymentModel.fromModelVersion(elsewhere) });
    endpoint.addDeployment('red', { model: DeploymentModel.fromModelVersion(alsoElsewhere) });
    const t = Template.synth(stack);
    expect(grants(t).map(g => `${g.role} ${g.scope}`).sort()).toEqual([
      `${ROLE.registryUser} ${REGISTRY_ID}`,
      `${ROLE.blobReader} ${OTHER_STORAGE}`,
    ].sort());
    t.allResources('azurerm_role_assignment', r => r.attributes.principal_type === 'ServicePrincipal'
      && r.attributes.skip_service_principal_aad_check === true, 'granting a fresh managed identity');
  });

  test('an environment from a registry adds AzureML Registry User on that registry', () => {
    const { stack, workspace } = servingStack();
    const model = new FakeModelVersion(stack, 'v3', { version: '3', modelType: ModelType.CUSTOM });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    endpoint.addDeployment('blue', {
      model: DeploymentModel.fromModelVersion(model), environment: new FakeEnvironment(stack, 'env', REGISTRY_ID),
      code: new FakeCode(stack, 'code'), scoringScript: 'score.py',
    });
    expect(grants(Template.synth(stack)).map(g => g.scope)).toContain(REGISTRY_ID);
  });

  test('every deployment depends on the grants, so it is created after the identity can pull and read', () => {
    const { stack, workspace } = servingStack();
    const model = new FakeModelVersion(stack, 'v3', { version: '3', registryId: REGISTRY_ID });
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model) });
    const t = Template.synth(stack);
    const expected = t.resources('azurerm_role_assignment').map(r => `azurerm_role_assignment.${r.logicalId}`);
    expect(expected).toHaveLength(1);
    expect([...t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.depends_on].sort()).toEqual(expected.sort());
  });

  test('adding a deployment does not rename the grants (no replaced role assignments)', () => {
    const ids = (extra: boolean) => {
      const { stack, workspace } = servingStack();
      const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
      if (extra) endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3', registryId: REGISTRY_ID })) });
      return Template.synth(stack).resources('azurerm_role_assignment').map(r => r.logicalId);
    };
    const before = ids(false);
    expect(before).toHaveLength(0);
    expect(ids(true)).toEqual(expect.arrayContaining(before));
  });

  test('with grantServingAccess false, no role assignment is made', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', grantServingAccess: false });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3', registryId: REGISTRY_ID })) });
    const t = Template.synth(stack);
    t.resourceCountIs('azurerm_role_assignment', 0);
    expect(t.resourceWithProperties('azapi_resource', { name: 'blue' }).attributes.depends_on).toBeUndefined();
  });
});
