#!/usr/bin/env node
/*
 * Derives the compact Azure type definitions and the example fixtures the project's tests need from the
 * reference data in `shared/schemas` (which exists beside the project in CI, not on a user's clone).
 *
 *   node scripts/vendor-schemas.js [path-to-shared-schemas] [--out <dir>]
 *
 * Defaults: shared schemas at `../shared/schemas` relative to the repo root; output into the repo itself.
 * Writes:
 *   lib/validation/azure-types/<folder>-<version>.json   one per source types.json: only the nodes reachable from
 *                                                        RESOURCE_TYPES, refs renumbered densely, descriptions and
 *                                                        ResourceFunctionTypes dropped, one node per line
 *   lib/validation/azure-types/index.json                "<type>@<version>" (lower case) -> name, file, node index
 *   lib/validation/azure-types/PROVENANCE.md
 *   test/fixtures/azure-examples/<name>.json             request body of each spec example + where it came from
 *   test/fixtures/azure-examples/PROVENANCE.md
 *
 * Output is deterministic (no dates, stable order), so `test/validation/vendored-types.test.ts` can re-run this
 * script and compare byte for byte. Plain CommonJS, no dependencies.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

/** Resource types the library emits or lets users validate. Add a line here and re-run the script. */
const RESOURCE_TYPES = [
  ...[
    'workspaces',
    'workspaces/computes',
    'workspaces/datastores',
    'workspaces/outboundRules',
    'workspaces/models',
    'workspaces/models/versions',
    'workspaces/environments',
    'workspaces/environments/versions',
    'workspaces/data',
    'workspaces/data/versions',
    'workspaces/codes',
    'workspaces/codes/versions',
    'workspaces/onlineEndpoints',
    'workspaces/onlineEndpoints/deployments',
    'workspaces/batchEndpoints',
    'workspaces/batchEndpoints/deployments',
    'registries',
    'registries/models',
    'registries/models/versions',
    'registries/environments',
    'registries/environments/versions',
    'registries/data',
    'registries/data/versions',
    'registries/codes',
    'registries/codes/versions',
  ].map((t) => `Microsoft.MachineLearningServices/${t}@2026-05-01`),
  'Microsoft.Storage/storageAccounts@2026-04-01',
  'Microsoft.KeyVault/vaults@2026-02-01',
  'Microsoft.ContainerRegistry/registries@2025-11-01',
  'Microsoft.Insights/components@2020-02-02',
];

/**
 * Where each source file came from (facts from shared/schemas/README.md). Keyed by the file's path under
 * `shared/schemas/azure/`. A new namespace needs a line here too: the script refuses to vendor a file it cannot
 * attribute.
 */
const BICEP_TYPES_COMMIT = '1f896de2db966ad91e8f7d7d981e11d32e4f5d8d';
const UPSTREAM_PATHS = {
  'machinelearningservices/2026-05-01/types.json':
    'generated/machinelearningservices/microsoft.machinelearningservices/2026-05-01/types.json',
  'storage/2026-04-01/types.json': 'generated/storage/microsoft.storage/2026-04-01/types.json',
  'keyvault/2026-02-01/types.json': 'generated/keyvault/microsoft.keyvault/2026-02-01/types.json',
  'containerregistry/2025-11-01/types.json':
    'generated/containerregistry_0/microsoft.containerregistry/2025-11-01/types.json',
  'insights/2020-02-02/types.json': 'generated/applicationinsights/microsoft.insights/2020-02-02/types.json',
};

const TYPES_DIR = 'lib/validation/azure-types';
const FIXTURES_DIR = 'test/fixtures/azure-examples';

const MIT_LICENSE = `MIT License

Copyright (c) Microsoft Corporation.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function refIndex(ref) {
  const m = /^#\/(\d+)$/.exec(ref && ref.$ref);
  if (!m) throw new Error(`unexpected reference ${JSON.stringify(ref)}`);
  return Number(m[1]);
}

/** Every `$ref` held directly by a node, in a fixed order. */
function childRefs(node) {
  const refs = [];
  const props = (map) => Object.values(map || {}).forEach((p) => refs.push(p.type));
  switch (node.$type) {
    case 'ResourceType': refs.push(node.body); break;
    case 'ObjectType':
      props(node.properties);
      if (node.additionalProperties) refs.push(node.additionalProperties);
      break;
    case 'DiscriminatedObjectType':
      props(node.baseProperties);
      Object.values(node.elements).forEach((r) => refs.push(r));
      break;
    case 'UnionType': node.elements.forEach((r) => refs.push(r)); break;
    case 'ArrayType': refs.push(node.itemType); break;
    case 'ResourceFunctionType':
      throw new Error('a ResourceFunctionType is never reachable from a resource body');
    default: break; // leaf types hold no refs
  }
  return refs;
}

/** Copies a node with refs mapped through `remap` and every property description dropped. */
function rewriteNode(node, remap) {
  const ref = (r) => ({ $ref: `#/${remap.get(refIndex(r))}` });
  const props = (map) => {
    const out = {};
    for (const [key, p] of Object.entries(map)) out[key] = { type: ref(p.type), flags: p.flags };
    return out;
  };
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description') continue;
    if (key === 'functions') continue; // ResourceType actions: not validated here
    if (node.$type === 'ResourceType' && key === 'body') out[key] = ref(value);
    else if (key === 'properties' && node.$type === 'ObjectType') out[key] = props(value);
    else if (key === 'baseProperties' && node.$type === 'DiscriminatedObjectType') out[key] = props(value);
    else if (node.$type === 'ObjectType' && key === 'additionalProperties') out[key] = ref(value);
    else if (node.$type === 'DiscriminatedObjectType' && key === 'elements') {
      out[key] = {};
      for (const [k, r] of Object.entries(value)) out[key][k] = ref(r);
    } else if (node.$type === 'UnionType' && key === 'elements') out[key] = value.map(ref);
    else if (node.$type === 'ArrayType' && key === 'itemType') out[key] = ref(value);
    else out[key] = value;
  }
  return out;
}

/** Prunes one types.json to the nodes reachable from `roots` (indices), keeping their original relative order. */
function prune(types, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const i = stack.pop();
    if (seen.has(i)) continue;
    if (!types[i]) throw new Error(`dangling reference #/${i}`);
    seen.add(i);
    for (const r of childRefs(types[i])) stack.push(refIndex(r));
  }
  const kept = [...seen].sort((a, b) => a - b);
  const remap = new Map(kept.map((oldIndex, newIndex) => [oldIndex, newIndex]));
  return { nodes: kept.map((i) => rewriteNode(types[i], remap)), remap };
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

function fixtureName(file) {
  // "2026-05-01/Workspace/OnlineEndpoint/createOrUpdate.json" -> "workspace-online-endpoint"
  return file.split('/').slice(1, -1)
    .map((s) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase())
    .join('-');
}

/** Builds every output file in memory: relative path -> content. */
function derive(sharedDir) {
  const azureDir = path.join(sharedDir, 'azure');
  const index = readJson(path.join(azureDir, 'index.json'));
  const byLower = new Map(Object.keys(index.resources).map((k) => [k.toLowerCase(), k]));

  // Group the wanted types by source file.
  const perFile = new Map();
  for (const wanted of RESOURCE_TYPES) {
    const key = byLower.get(wanted.toLowerCase());
    if (!key) throw new Error(`${wanted} is not in ${path.join(azureDir, 'index.json')}`);
    const [file, pointer] = index.resources[key].$ref.split('#');
    if (!perFile.has(file)) perFile.set(file, []);
    perFile.get(file).push({ name: key, index: refIndex({ $ref: `#${pointer}` }) });
  }

  const outputs = {};
  const vendoredIndex = {};
  const provenanceRows = [];
  for (const [file, wanted] of [...perFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const upstream = UPSTREAM_PATHS[file];
    if (!upstream) throw new Error(`no provenance recorded for ${file}: add it to UPSTREAM_PATHS`);
    const raw = fs.readFileSync(path.join(azureDir, file));
    const types = JSON.parse(raw.toString('utf8'));
    const { nodes, remap } = prune(types, wanted.map((w) => w.index));
    const [folder, version] = file.split('/');
    const outName = `${folder}-${version}.json`;
    outputs[`${TYPES_DIR}/${outName}`] = `[\n${nodes.map((n) => JSON.stringify(n)).join(',\n')}\n]\n`;
    for (const w of wanted) {
      const node = types[w.index];
      if (node.$type !== 'ResourceType' || node.name !== w.name) throw new Error(`index.json points ${w.name} at the wrong node`);
      vendoredIndex[w.name.toLowerCase()] = { name: w.name, file: outName, index: remap.get(w.index) };
    }
    provenanceRows.push({ outName, file, upstream, sha: sha256(raw), sourceNodes: types.length, nodes: nodes.length, types: wanted.map((w) => w.name) });
  }

  const sortedIndex = {};
  for (const k of Object.keys(vendoredIndex).sort()) sortedIndex[k] = vendoredIndex[k];
  outputs[`${TYPES_DIR}/index.json`] = `${JSON.stringify({ resources: sortedIndex }, null, 1)}\n`;
  for (const row of provenanceRows) row.bytes = Buffer.byteLength(outputs[`${TYPES_DIR}/${row.outName}`]);
  outputs[`${TYPES_DIR}/PROVENANCE.md`] = typesProvenance(provenanceRows);

  Object.assign(outputs, deriveFixtures(azureDir, byLower));
  return outputs;
}

function deriveFixtures(azureDir, byLower) {
  const manifest = readJson(path.join(azureDir, 'examples', 'manifest.json'));
  const outputs = {};
  const rows = [];
  for (const ex of manifest.examples) {
    // "validateAgainst": "<Type>@<version> in <file>" -- substitutes from older api-versions name 2026-05-01 here.
    const resourceType = byLower.get(ex.validateAgainst.split(' ')[0].toLowerCase());
    if (!resourceType) throw new Error(`example ${ex.file}: unknown type ${ex.validateAgainst}`);
    const example = readJson(path.join(azureDir, 'examples', ex.file));
    const body = (ex.requestBodyPointer || '/parameters/body').split('/').slice(1).reduce((o, k) => o[k], example);
    const source = {
      repository: ex.sourceRepository,
      path: ex.sourcePath,
      commit: ex.sourceCommit,
      apiVersion: ex.apiVersion,
    };
    if (ex.operationId) source.operationId = ex.operationId;
    if (ex.title) source.title = ex.title;
    if (ex.note) source.note = ex.note;
    const name = fixtureName(ex.file);
    if (outputs[`${FIXTURES_DIR}/${name}.json`]) throw new Error(`two examples map to fixture ${name}`);
    outputs[`${FIXTURES_DIR}/${name}.json`] = `${JSON.stringify({ resourceType, source, body }, null, 2)}\n`;
    rows.push({ name, ex, resourceType });
  }
  outputs[`${FIXTURES_DIR}/PROVENANCE.md`] = fixturesProvenance(rows.sort((a, b) => a.name.localeCompare(b.name)));
  return outputs;
}

function typesProvenance(rows) {
  const table = rows.map((r) =>
    `| \`${r.outName}\` | ${r.bytes} | ${r.nodes} of ${r.sourceNodes} | \`${r.upstream}\` | \`${r.file}\` sha256 \`${r.sha}\` |`);
  const types = rows.map((r) => `- \`${r.outName}\`:\n${r.types.map((t) => `  - \`${t}\``).join('\n')}`);
  return `# Provenance of the vendored Azure resource type definitions

Generated by \`node scripts/vendor-schemas.js\` (\`npm run vendor-schemas\`) from the project's shared reference data
(\`shared/schemas/azure/\`). Do not edit by hand: change the type list in the script and re-run it.
\`test/validation/vendored-types.test.ts\` checks that these files are up to date whenever \`../shared/schemas\` exists.

## Source

- Repository: [\`Azure/bicep-types-az\`](https://github.com/Azure/bicep-types-az), commit
  \`${BICEP_TYPES_COMMIT}\` ("Update types from azure-rest-api-specs b7170cade0").
- These are the same bicep-types definitions the azapi Terraform provider embeds and validates \`body\` against at plan
  time (identical \`ResourceType\` and body entries, per \`shared/schemas/README.md\`).
- Licence: MIT, see below.

| Vendored file | Bytes | Nodes kept | Upstream path (at the commit above) | Copied from (shared/schemas/azure) |
|---|---:|---:|---|---|
${table.join('\n')}

## What was changed (derived work)

This is a derived copy of the structure only:
- pruned to the nodes reachable from the resource types listed below (every \`$ref\` followed);
- references renumbered densely, keeping the original relative order of the nodes;
- every \`description\` removed, and \`ResourceFunctionType\` nodes (POST actions) dropped;
- one node per line; \`index.json\` maps the lower-cased \`"<Type>@<api-version>"\` to \`{ name, file, index }\`.

Resource types kept:
${types.join('\n')}

## Licence of the source

${MIT_LICENSE}`;
}

function fixturesProvenance(rows) {
  const table = rows.map(({ name, ex, resourceType }) =>
    `| \`${name}.json\` | \`${resourceType}\` | \`${ex.sourcePath}\` | \`${ex.sourceCommit}\` |${ex.note ? ` ${ex.apiVersion} substitute: the 2025-12-01, 2026-03-01 and 2026-05-01 types are identical apart from the apiVersion literal |` : ' |'}`);
  return `# Provenance of the Azure example fixtures

Generated by \`node scripts/vendor-schemas.js\` (\`npm run vendor-schemas\`) from \`shared/schemas/azure/examples/\`.
Each fixture holds the request body (\`/parameters/body\`) of one createOrUpdate example from the Azure REST API
specification, the resource type to validate it against, and its source. The bodies use TypeSpec placeholder values
(\`"string"\`, \`1\`): they show shape, not realistic values. Do not edit by hand.

Source repository: [\`Azure/azure-rest-api-specs\`](https://github.com/Azure/azure-rest-api-specs), at the commit given
per file. Licence: MIT (published as MIT on GitHub; the LICENSE file itself was not re-checked when the examples were
collected, see \`shared/schemas/README.md\`).

| Fixture | Validate against | Source path | Source commit | Note |
|---|---|---|---|---|
${table.join('\n')}

## Licence of the source

${MIT_LICENSE}`;
}

/** Writes outputs under `outDir`, first removing files this script owns that it no longer produces. */
function write(outputs, outDir) {
  for (const dir of [TYPES_DIR, FIXTURES_DIR]) {
    const abs = path.join(outDir, dir);
    fs.mkdirSync(abs, { recursive: true });
    for (const f of fs.readdirSync(abs)) {
      if (!(`${dir}/${f}` in outputs) && /\.(json|md)$/.test(f)) fs.rmSync(path.join(abs, f));
    }
  }
  for (const [rel, content] of Object.entries(outputs)) fs.writeFileSync(path.join(outDir, rel), content);
}

function main(argv) {
  const repoRoot = path.resolve(__dirname, '..');
  let sharedDir = path.resolve(repoRoot, '..', 'shared', 'schemas');
  let outDir = repoRoot;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') outDir = path.resolve(argv[++i]);
    else sharedDir = path.resolve(argv[i]);
  }
  const outputs = derive(sharedDir);
  write(outputs, outDir);
  for (const [rel, content] of Object.entries(outputs)) {
    console.log(`${String(Buffer.byteLength(content)).padStart(8)}  ${rel}`);
  }
}

module.exports = { RESOURCE_TYPES, derive };

if (require.main === module) main(process.argv.slice(2));
