import { Testing } from 'cdktf';
import { parse } from '@cdktf/hcl2json';
import { MlopsProviders } from '../../lib/core/providers';
import { Template, testStack } from '../support/template';

describe('MlopsProviders', () => {
  test('pins Terraform >= 1.11, azurerm 4.x and azapi ~> 2.12', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const tf = Template.synth(stack).terraform;
    expect(tf.required_version).toBe('>= 1.11');
    expect(tf.required_providers).toEqual({
      azurerm: { source: 'hashicorp/azurerm', version: '~> 4.55' },
      azapi: { source: 'Azure/azapi', version: '~> 2.12' },
    });
  });

  test('configures azurerm for Entra ID storage access and data-safe destroys by default', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const [azurerm] = Template.synth(stack).provider('azurerm');
    expect(azurerm.storage_use_azuread).toBe(true);
    const features = azurerm.features[0];
    expect(features.key_vault[0]).toMatchObject({ purge_soft_delete_on_destroy: false, recover_soft_deleted_key_vaults: true });
    expect(features.machine_learning[0]).toEqual({ purge_soft_deleted_workspace_on_destroy: false });
    expect(features.resource_group[0]).toEqual({ prevent_deletion_if_contains_resources: true });
  });

  test('allowDataLossOnDestroy flips every destroy safeguard, for throw-away environments', () => {
    const stack = testStack();
    MlopsProviders.configure(stack, { allowDataLossOnDestroy: true });
    const features = Template.synth(stack).provider('azurerm')[0].features[0];
    expect(features.key_vault[0].purge_soft_delete_on_destroy).toBe(true);
    expect(features.machine_learning[0].purge_soft_deleted_workspace_on_destroy).toBe(true);
    expect(features.resource_group[0].prevent_deletion_if_contains_resources).toBe(false);
  });

  test('remote state goes to an azurerm backend with Entra ID auth and a per-stack key', () => {
    const stack = testStack('prod');
    MlopsProviders.configure(stack, { useOidc: true, remoteState: { resourceGroupName: 'rg-tf', storageAccountName: 'sttf', useOidc: true } });
    const t = Template.synth(stack);
    expect(t.terraform.backend.azurerm).toEqual({
      resource_group_name: 'rg-tf', storage_account_name: 'sttf', container_name: 'tfstate', key: 'prod.tfstate',
      use_azuread_auth: true, use_oidc: true,
    });
    expect(t.provider('azurerm')[0].use_oidc).toBe(true);
    expect(t.provider('azapi')[0].use_oidc).toBe(true);
  });

  test('configuring a stack twice fails with the fix', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    expect(() => MlopsProviders.configure(stack)).toThrow(/'test'.*already has its providers configured.*MlopsProviders.of/);
    expect(MlopsProviders.of(stack)).toBeDefined();
  });

  test('the HCL output carries required_version as a real argument (cdktf 0.21 renders it as "0 = ..." otherwise)', async () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const hcl = Testing.synthHcl(stack);
    expect(hcl).not.toMatch(/^\s*\d+ = "required_version"/m);
    const parsed: any = await parse('cdk.tf', hcl);
    expect(parsed.terraform[0].required_version).toBe('>= 1.11');
    expect(parsed.terraform[0].required_providers[0].azapi).toEqual({ source: 'Azure/azapi', version: '~> 2.12' });
  });
});

test('storageDataPlaneAvailable: false keeps azurerm off storage data planes (runners outside the network)', () => {
  const stack = testStack();
  MlopsProviders.configure(stack, { storageDataPlaneAvailable: false });
  expect(Template.synth(stack).provider('azurerm')[0].features[0].storage).toEqual([{ data_plane_available: false }]);
});
