import * as fc from 'fast-check';
import { Testing, TerraformStack } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { Registry, RegistryStorageAccountType } from '../../lib/registry';
import { choose, FUZZ, isLibraryError, prop, props, synthOrRefuse, Tally } from '../support/fuzz';

const SUB = '00000000-0000-0000-0000-000000000000';
const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/pe`;
const ZONE = `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.api.azureml.ms`;
const REGIONS = ['westeurope', 'northeurope', 'swedencentral'];
const NOT_REGIONS = ['West Europe', 'north-europe', 'mars'];

const registryProps = props({
  name: prop(choose(['mlr-shared', 'mlr_2'], ['r', '-bad']), { unset: 1 }),
  resourceGroupId: prop(choose([RG_ID], ['rg-ml']), { unset: 1 }),
  location: prop(choose(REGIONS, NOT_REGIONS), { unset: 1 }),
  replicationLocations: prop(fc.oneof(fc.subarray(REGIONS), fc.array(choose(REGIONS, NOT_REGIONS), { maxLength: 3 }))),
  storageAccountType: prop(choose([RegistryStorageAccountType.STANDARD_GZRS, RegistryStorageAccountType.STANDARD_LRS])),
  publicNetworkAccessEnabled: prop(fc.boolean()),
  privateEndpoint: prop(props({ subnetId: prop(choose([SUBNET])), privateDnsZoneIds: prop(choose([[ZONE]], [[]])) }), { valid: 3, unset: 20 }),
  tags: prop(fc.dictionary(fc.constantFrom('team'), fc.constantFrom('ml'))),
  preventDestroy: prop(fc.boolean()),
});

function build(p: { [key: string]: unknown }): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'fuzz');
  MlopsProviders.configure(stack);
  new Registry(stack, 'Registry', p as any);
  return stack;
}

describe('Registry, fuzzed', () => {
  test('every prop set synthesizes a valid registry body whose regions are canonical and distinct, or is refused', () => {
    const tally = new Tally();
    fc.assert(fc.property(registryProps, (p) => {
      const o = tally.record(synthOrRefuse(() => build(p)));
      if (!o.template) return;
      const body = o.template.resources('azapi_resource').find(r => r.attributes.type.includes('/registries@'))!.attributes.body;
      const regions = body.properties.regionDetails.map((d: any) => d.location);
      expect(regions.every((r: string) => REGIONS.includes(r))).toBe(true);
      expect(new Set(regions).size).toBe(regions.length);
    }), FUZZ(200));
    tally.expectBoth();
  });

  test.each([
    ['replicationLocations as a string', { replicationLocations: 'northeurope' }, /replicationLocations \(value: "northeurope"\) must be a list \(of a string\) \(got a string\)/],
    ['location as a number', { location: 42 }, /location \(value: 42\) must be a string \(got a number\)/],
    ['a display name among the replicas', { replicationLocations: ['North Europe'] }, /replicationLocations\[0\] \(value: "North Europe"\) is not a region name.*Fix: use "northeurope"/],
    ['storageAccountType as a string', { storageAccountType: 'Standard_LRS' }, /storageAccountType \(value: "Standard_LRS"\) must be a RegistryStorageAccountType.*Fix: use RegistryStorageAccountType\.STANDARD_LRS/],
  ])('%s is refused with the library\'s error', (_what, p, expected) => {
    let error: unknown;
    try { build({ name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope', ...p }); } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });
});
