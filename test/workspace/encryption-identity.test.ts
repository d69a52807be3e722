import { AnnotationMetadataEntryType, TerraformStack } from 'cdktf';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { UserAssignedIdentityAttributes } from '../../lib/workspace';
import { annotations, mlStack, ROLE, SUB, synth, workspaceIn } from './support';

const KEY_ID = 'https://kv-cmk.vault.azure.net/keys/mlw/0123456789abcdef';
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-cmk`;

function identity(stack: TerraformStack): UserAssignedIdentityAttributes {
  const uai = new UserAssignedIdentity(stack, 'uai', { name: 'id-mlw', resourceGroupName: 'rg-ml', location: 'westeurope' });
  return { identityId: uai.id, principalId: uai.principalId, clientId: uai.clientId };
}

describe('user-assigned identity', () => {
  test('becomes the primary identity, is granted what the workspace needs on each dependency first, and backs the datastore', () => {
    const stack = mlStack();
    workspaceIn(stack, { userAssignedIdentity: identity(stack) });
    const t = synth(stack);
    const uai = t.resourceAt('azurerm_user_assigned_identity', 'uai');
    const ws = t.resourceAt('azapi_resource', 'ml/Resource').attributes;
    expect(ws.identity).toEqual([{ type: 'UserAssigned', identity_ids: [t.ref(uai)] }]);
    expect(ws.body.properties.primaryUserAssignedIdentity).toBe(t.ref(uai));
    const grants: [string, string][] = [
      ['IdentityGrantsStorage', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'],
      ['IdentityGrantsStorage', '69566ab7-960f-475b-8e7c-b3118f30c6bd'],
      ['IdentityGrantsStorage', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
      ['IdentityGrantsKeyVault', '00482a5a-887f-4fb3-b363-3b7fe8e74483'],
      ['IdentityGrantsContainerRegistry', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
      ['IdentityGrantsApplicationInsights', 'b24988ac-6180-42a0-ab88-20f7382dd24c'],
    ];
    for (const [holder, guid] of grants) {
      const ra = t.resources('azurerm_role_assignment').find(r => r.path.includes(`/${holder}/`) && r.attributes.role_definition_id.endsWith(guid));
      expect(ra).toBeDefined();
      expect(ra!.attributes.principal_id).toBe(t.ref(uai, 'principal_id'));
      expect(ws.depends_on).toContain(`azurerm_role_assignment.${ra!.logicalId}`);
    }
    expect(t.resourceAt('azapi_resource', 'ml/ArtifactDatastore').attributes.body.properties.serviceDataAccessAuthIdentity)
      .toBe('WorkspaceUserAssignedIdentity');
  });

  test('with systemAssignedIdentity: true the workspace has both', () => {
    const stack = mlStack();
    workspaceIn(stack, { userAssignedIdentity: identity(stack), systemAssignedIdentity: true });
    expect(synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.identity[0].type).toBe('SystemAssigned, UserAssigned');
  });
});

describe('customer-managed key', () => {
  test('writes encryption with the key, vault and identity, grants the identity the crypto role first, and warns about replacement', () => {
    const stack = mlStack();
    workspaceIn(stack, { userAssignedIdentity: identity(stack), customerManagedKey: { keyId: KEY_ID, keyVaultId: VAULT_ID } });
    const t = synth(stack);
    const uai = t.resourceAt('azurerm_user_assigned_identity', 'uai');
    const ws = t.resourceAt('azapi_resource', 'ml/Resource').attributes;
    expect(ws.body.properties.encryption).toEqual({
      status: 'Enabled',
      identity: { userAssignedIdentity: t.ref(uai) },
      keyVaultProperties: { keyVaultArmId: VAULT_ID, keyIdentifier: KEY_ID, identityClientId: t.ref(uai, 'client_id') },
    });
    const crypto = t.resourceWithProperties('azurerm_role_assignment', {
      scope: VAULT_ID, role_definition_id: ROLE('e147488a-f6f5-4113-8e2d-b22465e65bf6'),
    });
    expect(ws.depends_on).toContain(`azurerm_role_assignment.${crypto.logicalId}`);
    expect(annotations(stack, AnnotationMetadataEntryType.WARN).join('\n'))
      .toMatch(/customerManagedKey is set: changing or removing it later REPLACES the workspace.*14 days/);
  });

  test('when the key\'s vault has no purge protection and there is no user-assigned identity, one error lists both', () => {
    const stack = mlStack();
    const vault = new KeyVault(stack, 'cmkvault', { name: 'kv-cmk', resourceGroupName: 'rg', location: 'westeurope', tenantId: 't', skuName: 'standard' });
    expect(() => workspaceIn(stack, { customerManagedKey: { keyId: 'kv-cmk/keys/mlw', keyVault: vault } }))
      .toThrow(expect.objectContaining({ message: expect.stringMatching(new RegExp([
        /'test\/ml' \(3 problems\)/,
        /customerManagedKey\.identity \(value: \(not set\)\) is required/,
        /customerManagedKey\.keyVault\.purgeProtectionEnabled \(value: \(not set\)\) must be true.*Fix: set purgeProtectionEnabled: true/,
        /customerManagedKey\.keyId \(value: "kv-cmk\/keys\/mlw"\) must be a versioned Key Vault key URL/,
      ].map(r => r.source).join('[\\s\\S]*'))) }));
  });
});

describe('high business impact', () => {
  test('sets hbiWorkspace and warns that changing it replaces the workspace', () => {
    const stack = mlStack();
    workspaceIn(stack, { highBusinessImpact: true });
    expect(synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.hbiWorkspace).toBe(true);
    expect(annotations(stack, AnnotationMetadataEntryType.WARN).join('\n')).toMatch(/highBusinessImpact is set: .*REPLACES the workspace/);
  });
});
