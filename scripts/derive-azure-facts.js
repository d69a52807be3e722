#!/usr/bin/env node
/*
 * Derives the Azure facts the library checks offline: region names and VM size names.
 *
 *   node scripts/derive-azure-facts.js [--locations <file>] [--arm-compute <dir>] [--out <dir>]
 *
 * Sources (neither is a dependency of the project; fetch them only to refresh the lists):
 *   --locations    the ARM "list locations" response: `az account list-locations -o json`, or the cached copy in
 *                  Azure Verified Modules' Azure/terraform-azurerm-avm-utl-regions, modules/cached-data/locations.tf.json
 *                  (its `locals.locations_cached.value`). Regions of regionType "Physical" are kept: the logical
 *                  ones ("europe", "global") cannot hold a workspace.
 *   --arm-compute  an unpacked @azure/arm-compute package (`npm pack @azure/arm-compute@25.1.1 && tar xzf ...`):
 *                  its KnownVirtualMachineSizeTypes enum, the size names of the Compute REST spec (MIT).
 * Writes lib/core/azure-facts/regions.json and/or vm-sizes.json (sorted, deterministic, no dates), so
 * test/core/azure-facts.test.ts can re-run this script and compare when a source is at hand.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The regions of a locations document, as [{ name, displayName }] sorted by name. */
function deriveRegions(doc) {
  const list = Array.isArray(doc) ? doc : doc.value ?? doc.locals?.locations_cached?.value;
  if (!Array.isArray(list)) throw new Error('not a locations document: expected an array, { value } or locals.locations_cached.value');
  return list
    .filter(l => (l.metadata?.regionType ?? 'Physical') === 'Physical')
    .map(l => ({ name: l.name, displayName: l.displayName }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The VM size names of an unpacked @azure/arm-compute, sorted. */
function deriveVmSizes(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const models = require(path.resolve(dir, 'dist/commonjs/models/compute/models.js'));
  const sizes = [...new Set(Object.values(models.KnownVirtualMachineSizeTypes))].sort();
  return { source: `${pkg.name}@${pkg.version} KnownVirtualMachineSizeTypes`, sizes };
}

function write(out, file, data) {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, file), `${JSON.stringify(data, null, 1)}\n`);
}

function main() {
  const out = arg('--out') ?? path.join(__dirname, '..', 'lib', 'core', 'azure-facts');
  const locations = arg('--locations');
  const armCompute = arg('--arm-compute');
  if (!locations && !armCompute) throw new Error('give --locations <file> and/or --arm-compute <dir>');
  if (locations) {
    write(out, 'regions.json', {
      source: 'ARM Subscriptions - List Locations (regionType Physical), as cached by Azure/terraform-azurerm-avm-utl-regions modules/cached-data/locations.tf.json',
      regions: deriveRegions(JSON.parse(fs.readFileSync(locations, 'utf8'))),
    });
  }
  if (armCompute) write(out, 'vm-sizes.json', deriveVmSizes(armCompute));
}

module.exports = { deriveRegions, deriveVmSizes };
if (require.main === module) main();
