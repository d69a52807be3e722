import { AnnotationMetadataEntryType } from 'cdktf';
import { BatchEndpoint, DeploymentModel, OnlineEndpoint } from '../../lib/serving';
import { Workspace } from '../../lib/workspace/workspace';
import { Template } from '../support/template';
import { ACR_ID, COMPUTE_ID, expectValidAzapiBodies, FakeModelVersion, REGISTRY_ID, RG_ID, servingStack, STORAGE_ID, WORKSPACE_ID } from './fixtures';

const ROLE = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  blobReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  registryUser: '1823dd4f-9b8c-4ab6-ab4e-7397a3684615',
};
const UAI = {
  identityId: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-serving`,
  principalId: '11111111-2222-3333-4444-555555555555',
};

function grants(t: Template) {
  return t.resources('azurerm_role_assignment').map(r => ({
    role: String(r.attributes.role_definition_id).split('/').pop(), scope: r.attributes.scope, principal: r.attributes.principal_id,
  }));
}

describe('user-assigned identity on endpoints', () => {
  test('an online endpoint runs under the identity, and every grant, the workspace basics included, goes to its principal', () => {
    const { stack, workspace } = servingStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', userAssignedIdentity: UAI });
    const model = new FakeModelVersion(stack, 'v3', { version: '3', registryId: REGISTRY_ID });
    endpoint.addDeployment('blue', { model: DeploymentModel.fromModelVersion(model) });
    const t = Template.synth(stack);
    const ep = t.resourceWithProperties('azapi_resource', { name: 'churn-prod' });
    expect(ep.attributes.identity).toEqual([{ type: 'UserAssigned', identity_ids: [UAI.identityId] }]);
    expect(endpoint.principalId).toBe(UAI.principalId);
    // Azure ML assigns AcrPull and blob read itself only to a system-assigned identity, so here the library does.
    expect(grants(t).map(g => `${g.role} ${g.scope} ${g.principal}`).sort()).toEqual([
      `${ROLE.registryUser} ${REGISTRY_ID} ${UAI.principalId}`,
      `${ROLE.blobReader} ${STORAGE_ID} ${UAI.principalId}`,
      `${ROLE.acrPull} ${ACR_ID} ${UAI.principalId}`,
    ].sort());
    const deployment = t.resourceWithProperties('azapi_resource', { name: 'blue' });
    expect(deployment.attributes.depends_on).toHaveLength(3);
    expectValidAzapiBodies(t);
  });

  test('without grantServingAccess, nothing is granted to the identity', () => {
    const { stack, workspace } = servingStack();
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', userAssignedIdentity: UAI, grantServingAccess: false });
    Template.synth(stack).resourceCountIs('azurerm_role_assignment', 0);
  });

  test('when the workspace does not say its registry and storage, the endpoint warns that the roles must be granted elsewhere', () => {
    const { stack } = servingStack();
    const bare = Workspace.fromWorkspaceId(stack, 'Bare', WORKSPACE_ID.replace('mlw-churn', 'mlw-bare'), 'westeurope');
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace: bare, endpointName: 'churn-bare', userAssignedIdentity: UAI });
    Template.synth(stack).resourceCountIs('azurerm_role_assignment', 0);
    const warnings = endpoint.node.metadata.filter(m => m.type === AnnotationMetadataEntryType.WARN).map(m => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/user-assigned identity.*AcrPull on its container registry and Storage Blob Data Reader on its storage account/)]);
  });

  test('a batch endpoint runs under the identity; its body validates', () => {
    const { stack, workspace } = servingStack();
    const batch = new BatchEndpoint(stack, 'scoring', { workspace, endpointName: 'churn-batch', userAssignedIdentity: UAI });
    batch.addDeployment('nightly', { model: DeploymentModel.fromModelVersion(new FakeModelVersion(stack, 'v3', { version: '3' })), computeId: COMPUTE_ID });
    const t = Template.synth(stack);
    expect(t.resourceWithProperties('azapi_resource', { name: 'churn-batch' }).attributes.identity)
      .toEqual([{ type: 'UserAssigned', identity_ids: [UAI.identityId] }]);
    expect(batch.principalId).toBe(UAI.principalId);
    expectValidAzapiBodies(t);
  });
});
