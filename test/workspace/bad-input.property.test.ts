import * as fc from 'fast-check';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { IsolationMode, Protection, StorageReplication, Workspace } from '../../lib/workspace';
import { Template } from '../support/template';
import { choose, FUZZ, isLibraryError, prop, props, synthOrRefuse, Tally } from '../support/fuzz';
import { RG_ID, SUB } from './support';

const UAI = { identityId: `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ml`, principalId: '00000000-0000-0000-0000-0000000000ab' };
const KV_ID = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-cmk`;

const workspaceProps = props({
  prefix: prop(choose(['churn', 'fraud', 'x', 'a-b'], ['9lives', 'averyveryverylongprefix']), { unset: 1 }),
  environment: prop(choose(['dev', 'prod', 'Prod-1'], ['bad env'])),
  location: prop(choose(['westeurope', 'northeurope', 'swedencentral'], ['West Europe', 'north-europe', 'mars']), { unset: 0 }),
  softDeleteRetentionDays: prop(choose([1, 7, 30, 365], [0, 366])),
  logRetentionInDays: prop(choose([30, 90, 730], [7, 731])),
  publicNetworkAccess: prop(fc.boolean()),
  tags: prop(fc.dictionary(fc.constantFrom('team', 'env'), fc.constantFrom('ml', 'x'))),
  nameSuffix: prop(choose(['a1b2', 'x9'], ['AB', 'toolongsuffix1'])),
  storageReplication: prop(fc.constantFrom(StorageReplication.GZRS, StorageReplication.LRS)),
  protection: prop(fc.constantFrom(Protection.DEVELOPMENT, Protection.PRODUCTION)),
  managedNetwork: prop(props({ isolationMode: prop(fc.constantFrom(IsolationMode.ALLOW_INTERNET_OUTBOUND, IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND)) })),
  names: prop(props({ workspace: prop(choose(['mlw-x', 'ok_name'], ['-bad'])) })),
  userAssignedIdentity: prop(fc.constant(UAI), { valid: 5, unset: 20 }),
  customerManagedKey: prop(props({
    keyId: prop(choose(['https://kv-cmk.vault.azure.net/keys/k/0123456789abcdef'], ['not-a-url'])),
    keyVaultId: prop(choose([KV_ID], ['kv-cmk'])),
    identity: prop(fc.constant(UAI)),
  }), { valid: 3, unset: 20 }),
});

const cluster = fc.record({
  id: choose(['cpu', 'gpu-a100'], ['']),
  options: prop(props({
    vmSize: prop(choose(['Standard_DS3_v2', 'Standard_NC24ads_A100_v4'], ['Standard_DS3v2', 'DS3'])),
    minNodes: prop(choose([0, 1], [-1])),
    maxNodes: prop(choose([2, 4, 8], [0])),
  }), { unset: 3 }),
});

function build(p: { [key: string]: unknown }, clusters: { id: string; options: unknown }[], withGroup: boolean): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'fuzz');
  MlopsProviders.configure(stack);
  const placement = withGroup
    ? { resourceGroup: new ResourceGroup(stack, 'rg', { name: 'rg-ml', location: 'westeurope' }) }
    : { resourceGroupId: RG_ID };
  const ws = new Workspace(stack, 'ml', { ...placement, ...p } as any);
  for (const c of clusters) ws.addComputeCluster(c.id, c.options as any);
  return stack;
}

describe('Workspace and compute clusters, fuzzed', () => {
  test('every prop set synthesizes valid bodies with canonical names, or is refused with the library\'s error', () => {
    const tally = new Tally();
    fc.assert(fc.property(workspaceProps, fc.array(cluster, { maxLength: 2 }), fc.boolean(), (p, clusters, withGroup) => {
      const o = tally.record(synthOrRefuse(() => build(p, clusters, withGroup)));
      if (!o.template) return;
      const text = JSON.stringify(o.template.json);
      expect(text).not.toMatch(/TOKEN/);
      const ws = o.template.resources('azapi_resource').find(r => r.attributes.type.startsWith('Microsoft.MachineLearningServices/workspaces@'))!;
      expect(['westeurope', 'northeurope', 'swedencentral']).toContain(ws.attributes.location);
      for (const c of o.template.resources('azapi_resource').filter(r => r.attributes.type.includes('/computes@'))) {
        expect(['Standard_DS3_v2', 'Standard_NC24ads_A100_v4']).toContain(c.attributes.body.properties.properties.vmSize);
      }
    }), FUZZ(100));
    tally.expectBoth();
  });

  test.each([
    ['a missing prefix', { resourceGroupId: RG_ID, location: 'westeurope' }, /prefix \(value: \(not set\)\) is required/],
    ['no props at all', undefined, /prefix \(value: \(not set\)\) is required/],
    ['location 42', { resourceGroupId: RG_ID, location: 42, prefix: 'churn' }, /location \(value: 42\) must be a string \(got a number\)/],
    ['"West Europe"', { resourceGroupId: RG_ID, location: 'West Europe', prefix: 'churn' }, /location \(value: "West Europe"\) is not a region name.*Fix: use "westeurope"/],
    ['"north-europe"', { resourceGroupId: RG_ID, location: 'north-europe', prefix: 'churn' }, /Fix: use "northeurope"/],
    ['a Key Vault id that is not an ARM id', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', userAssignedIdentity: UAI,
      customerManagedKey: { keyId: 'https://kv-cmk.vault.azure.net/keys/k/0123', keyVaultId: 'kv-cmk' } }, /customerManagedKey\.keyVaultId \(value: "kv-cmk"\) must be the ARM id of a Key Vault/],
    ['protection as a string', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', protection: 'development' }, /protection \(value: "development"\) must be a Protection.*Fix: use Protection\.DEVELOPMENT/],
  ])('%s is refused with the library\'s error naming the prop and the fix', (_what, p, expected) => {
    const stack = new TerraformStack(Testing.app(), 'bad');
    MlopsProviders.configure(stack);
    let error: unknown;
    try { new Workspace(stack, 'ml', p as any); } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });

  test.each([
    ['twice the same id', ['cpu', 'cpu'], {}, /Invalid id of ComputeCluster for 'bad\/ml\/cpu': id \(value: "cpu"\) is already used/],
    ['an empty id', [''], {}, /Invalid id of ComputeCluster for 'bad\/ml': id \(value: ""\) must not be empty/],
    ['a misspelt VM size', ['cpu'], { vmSize: 'Standard_DS3v2' }, /vmSize \(value: "Standard_DS3v2"\) is not an Azure VM size name \(did you mean "Standard_DS3_v2"\?\)/],
    ['maxNodes as a string', ['cpu'], { maxNodes: '4' }, /maxNodes \(value: "4"\) must be a number \(got a string\)/],
  ])('a compute cluster with %s is refused with the library\'s error', (_what, ids, options, expected) => {
    const stack = new TerraformStack(Testing.app(), 'bad');
    MlopsProviders.configure(stack);
    const ws = new Workspace(stack, 'ml', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn' });
    let error: unknown;
    try { for (const id of ids) ws.addComputeCluster(id, options as any); } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });

  test('a cluster whose name is a token keys its role assignments by its construct id: no TOKEN in an address', () => {
    const stack = new TerraformStack(Testing.app(), 'tok');
    MlopsProviders.configure(stack);
    const ws = new Workspace(stack, 'ml', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn' });
    const name = new TerraformVariable(stack, 'cluster_name', { type: 'string' });
    ws.grantReader(ws.addComputeCluster('cpu', { name: name.stringValue }).principal);
    const ids = Object.keys(Template.synth(stack).json.resource.azurerm_role_assignment ?? {});
    expect(ids.some(id => id.includes('ml-cpu'))).toBe(true);
    expect(ids.filter(id => /TOKEN/.test(id))).toEqual([]);
  });
});
