import * as fs from 'fs';
import * as path from 'path';
import { regionProblem, vmSizeProblem } from '../../lib/core/azure-facts';
import { InstanceType } from '../../lib/serving/instance-type';

const FACTS = path.join(__dirname, '../../lib/core/azure-facts');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(FACTS, f), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const derive = require('../../scripts/derive-azure-facts.js');

describe('Azure facts checked offline', () => {
  test.each([
    ['West Europe', 'westeurope'], ['north-europe', 'northeurope'], ['Sweden Central', 'swedencentral'], ['UK_South', 'uksouth'],
  ])('the region "%s" is refused, suggesting "%s"', (value, suggestion) => {
    expect(regionProblem('location', value)).toEqual(expect.objectContaining({ fix: `use "${suggestion}"` }));
  });

  test('region names pass as ARM compares them (without case); unknown ones fail without a suggestion', () => {
    expect(regionProblem('location', 'westeurope')).toBeUndefined();
    expect(regionProblem('location', 'WestEurope')).toBeUndefined();
    expect(regionProblem('location', 'mars')?.rule).toBe('is not an Azure region');
    expect(regionProblem('location', 'europe')?.rule).toBe('is not an Azure region'); // a logical region holds no workspace
  });

  test('a misspelt known VM size gets a did-you-mean; newer sizes pass by Azure\'s naming convention; other shapes fail', () => {
    expect(vmSizeProblem('vmSize', 'Standard_DS3v2')?.rule).toBe('is not an Azure VM size name (did you mean "Standard_DS3_v2"?)');
    expect(vmSizeProblem('vmSize', 'standard_ds3_v2')).toBeUndefined();
    for (const newer of ['Standard_NC24ads_A100_v4', 'Standard_NC4as_T4_v3', 'Standard_M416s_8_v2', 'Standard_D4ads_v5']) {
      expect(vmSizeProblem('vmSize', newer)).toBeUndefined();
    }
    for (const bad of ['DS3', 'Standard DS3 v2', 'Standard_']) expect(vmSizeProblem('vmSize', bad)).toBeDefined();
  });

  test('every vendored size and every InstanceType preset passes the check', () => {
    const sizes: string[] = read('vm-sizes.json').sizes;
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes.filter(s => vmSizeProblem('s', s) !== undefined)).toEqual([]);
    // KUBERNETES_DEFAULT names an instance type of an attached cluster, not a VM size.
    const presets = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType && v !== InstanceType.KUBERNETES_DEFAULT).map(i => i.name);
    expect(presets.length).toBeGreaterThan(5);
    expect(presets.filter(p => vmSizeProblem('p', p) !== undefined)).toEqual([]);
  });

  test('every region the examples and tests use is a vendored region', () => {
    const regions: string[] = read('regions.json').regions.map((r: { name: string }) => r.name);
    expect(regions).toEqual(expect.arrayContaining(['westeurope', 'northeurope', 'swedencentral', 'eastus2']));
    expect(regions).not.toContain('europe');
  });

  // Re-derive when a source is at hand (not on a user's clone): MLOPS_FACTS_ARM_COMPUTE=<unpacked @azure/arm-compute>,
  // MLOPS_FACTS_LOCATIONS=<az account list-locations output or the AVM cached-data file>.
  const armCompute = process.env.MLOPS_FACTS_ARM_COMPUTE;
  const locations = process.env.MLOPS_FACTS_LOCATIONS;
  (armCompute && fs.existsSync(armCompute) ? test : test.skip)('vm-sizes.json is what the derivation script produces from @azure/arm-compute', () => {
    expect(derive.deriveVmSizes(armCompute)).toEqual(read('vm-sizes.json'));
  });
  (locations && fs.existsSync(locations) ? test : test.skip)('regions.json lists what the derivation script derives from the locations source', () => {
    expect(derive.deriveRegions(JSON.parse(fs.readFileSync(locations!, 'utf8')))).toEqual(read('regions.json').regions);
  });
});
