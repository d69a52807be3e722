import { RegistryYaml, WorkspaceYaml } from '../../lib/yaml/resource-loaders';
import { YamlLoadError } from '../../lib/yaml/errors';
import { testStack } from '../support/template';
import { MlopsProviders } from '../../lib/core/providers';
import { annotations, doc, RG_ID, synthValid } from './support';

function stack() {
  const s = testStack();
  MlopsProviders.configure(s);
  return s;
}

function resourceOfType(t: ReturnType<typeof synthValid>, type: string) {
  const r = t.resources('azapi_resource').filter((x) => x.attributes.type.startsWith(`${type}@`));
  expect(r).toHaveLength(1);
  return r[0].attributes;
}

describe('registry YAML', () => {
  test('the primary region leaves the replication list; repeats collapse; public access off, said once', () => {
    const s = stack();
    RegistryYaml.load(s, 'Registry', doc('registry-basic.yml'), { resourceGroupId: RG_ID });
    const r = resourceOfType(synthValid(s), 'Microsoft.MachineLearningServices/registries');
    expect(r.name).toBe('DemoRegistry');
    expect(r.location).toBe('westeurope');
    expect(r.body.properties.regionDetails.map((d: any) => d.location)).toEqual(['westeurope', 'northeurope']);
    expect(r.body.properties.publicNetworkAccess).toBe('Disabled');
    expect(r.tags).toMatchObject({ foo: 'bar' });
    expect(annotations(s).filter((m) => m.includes('public_network_access not set'))).toHaveLength(1);
  });

  test('cliDefaults keeps the CLI\'s public access', () => {
    const s = stack();
    RegistryYaml.load(s, 'Registry', doc('registry-basic.yml'), { resourceGroupId: RG_ID, cliDefaults: true });
    expect(resourceOfType(synthValid(s), 'Microsoft.MachineLearningServices/registries').body.properties.publicNetworkAccess).toBe('Enabled');
  });

  test('storage options: one account type for every region, written public access kept', () => {
    const s = stack();
    RegistryYaml.load(s, 'Registry', doc('registry-storage.yml'), { resourceGroupId: RG_ID });
    const r = resourceOfType(synthValid(s), 'Microsoft.MachineLearningServices/registries');
    expect(r.body.properties.publicNetworkAccess).toBe('Enabled');
    const types = JSON.stringify(r.body.properties.regionDetails);
    expect(types).toContain('Standard_LRS');
    expect(types).not.toContain('Standard_GZRS');
  });
});

describe('workspace YAML', () => {
  test('every key of the page reaches the workspace body', () => {
    const s = stack();
    WorkspaceYaml.load(s, 'Workspace', doc('workspace-full.yml'), { resourceGroupId: RG_ID });
    const w = resourceOfType(synthValid(s), 'Microsoft.MachineLearningServices/workspaces');
    const p = w.body.properties;
    expect(w.name).toBe('mlw-yaml-prod');
    expect(w.location).toBe('westeurope');
    expect(p.friendlyName).toBe('YAML workspace');
    expect(p.description).toBe('A workspace from YAML');
    expect(p.hbiWorkspace).toBe(true);
    expect(p.imageBuildCompute).toBe('cpu-cluster');
    expect(p.publicNetworkAccess).toBe('Disabled');
    expect(p.encryption.keyVaultProperties.keyIdentifier).toBe('https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef');
    expect(p.primaryUserAssignedIdentity).toMatch(/userAssignedIdentities\/id-mlw$/);
    expect(w.identity[0].type).toBe('UserAssigned');
    expect(p.managedNetwork.isolationMode).toBe('AllowOnlyApprovedOutbound');
    expect(p.managedNetwork.outboundRules.pypi).toMatchObject({ type: 'FQDN', destination: 'pypi.org' });
    expect(p.managedNetwork.outboundRules.datalake.destination).toMatchObject({ subresourceTarget: 'dfs', sparkEnabled: true });
    expect(p.managedNetwork.outboundRules.monitor.destination).toMatchObject({ serviceTag: 'AzureMonitor', protocol: 'TCP', portRanges: '443' });
    expect(w.tags).toMatchObject({ purpose: 'demonstration' });
  });

  test('without managed_network, this library\'s isolation wins and says so once; cliDefaults gives the CLI\'s none', () => {
    const s = stack();
    WorkspaceYaml.load(s, 'Workspace', doc('workspace-minimal.yml'), { resourceGroupId: RG_ID });
    expect(resourceOfType(synthValid(s), 'Microsoft.MachineLearningServices/workspaces').body.properties.managedNetwork.isolationMode).toBe('AllowInternetOutbound');
    expect(annotations(s).filter((m) => m.includes('managed_network not set'))).toHaveLength(1);

    const c = stack();
    WorkspaceYaml.load(c, 'Workspace', doc('workspace-minimal.yml'), { resourceGroupId: RG_ID, cliDefaults: true });
    expect(resourceOfType(synthValid(c), 'Microsoft.MachineLearningServices/workspaces').body.properties.managedNetwork.isolationMode).toBe('Disabled');
  });

  test('a user-assigned identity without a principal id fails with the fix', () => {
    const s = stack();
    expect(() => WorkspaceYaml.load(s, 'Workspace', doc('workspace-minimal.yml'), {
      resourceGroupId: RG_ID, set: { primary_user_assigned_identity: `${RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-x` },
    })).toThrow(/primary_user_assigned_identity \(from --set\) .*principal id.*Fix: pass it as the userAssignedIdentity option/s);
  });

  test('a workspace name Azure refuses is the construct\'s problem, placed on `name` and the option that set it', () => {
    const s = stack();
    try {
      WorkspaceYaml.load(s, 'Workspace', doc('workspace-minimal.yml'), { resourceGroupId: RG_ID, name: '-bad' });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(YamlLoadError);
      expect((e as YamlLoadError).yamlProblems.some((p) => p.key === 'name (from --name)' && p.line === undefined)).toBe(true);
    }
  });
});
