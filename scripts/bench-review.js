#!/usr/bin/env node
/**
 * npm run bench:review — what the review layer costs: building a stack's manifest at synth (on top of the synth it
 * rides on), and a review of two 1,000-version manifests (target: under a second). Runs the compiled library
 * (`npm run build` first). Usage: node scripts/bench-review.js [--versions N] [--runs N]
 */
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const valueOf = flag => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
const versions = Number(valueOf('--versions') ?? 1000);
const runs = Number(valueOf('--runs') ?? 5);

const lib = require(path.join(root, 'build', 'lib'));
const { App, TerraformStack } = require('cdktf');
const { ResourceGroup } = require('@cdktf/provider-azurerm/lib/resource-group');
const { buildStackManifest } = require(path.join(root, 'build', 'lib', 'review', 'manifest'));
const { compareManifests } = require(path.join(root, 'build', 'lib', 'review', 'compare'));
const { renderReviewMarkdown } = require(path.join(root, 'build', 'lib', 'review', 'markdown'));

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn) {
  const t = performance.now();
  const result = fn();
  return { ms: performance.now() - t, result };
}

/** A stack with `n` model versions (from URIs) and an endpoint serving the last two; `bump` changes the head. */
function renderStack(n, bump) {
  const app = new App({ outdir: path.join(require('os').tmpdir(), 'bench-review') });
  const stack = new TerraformStack(app, 'prod');
  lib.MlopsProviders.configure(stack);
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-bench', location: 'westeurope' });
  const ws = new lib.Workspace(stack, 'Workspace', { resourceGroup: rg, prefix: 'bench', environment: 'prod' });
  const model = ws.addModel('churn');
  const all = [];
  for (let i = 1; i <= n; i++) {
    all.push(model.addVersion(String(i), {
      source: lib.ModelSource.fromUri(`azureml://datastores/workspaceblobstore/paths/models/churn/${i}${bump && i % 100 === 0 ? '-retrained' : ''}`),
      modelType: lib.ModelType.MLFLOW,
      metrics: { auc: 0.8 + (i % 100) / 1000 },
      stage: bump && i % 50 === 0 ? lib.ModelStage.ARCHIVED : undefined,
    }));
  }
  const endpoint = new lib.OnlineEndpoint(stack, 'Endpoint', { workspace: ws, endpointName: 'churn-bench' });
  const blue = endpoint.addDeployment('blue', { model: lib.DeploymentModel.fromModelVersion(all[n - 2]) });
  const green = endpoint.addDeployment('green', { model: lib.DeploymentModel.fromModelVersion(all[n - 1]) });
  endpoint.routeTraffic(bump ? lib.Traffic.canary(blue, green, 10) : lib.Traffic.allTo(blue));
  const rendered = time(() => {
    require('cdktf').Testing.synth(stack);
    return stack.toTerraform();
  });
  return { tf: rendered.result, synthMs: rendered.ms };
}

const base = renderStack(versions, false);
const head = renderStack(versions, true);
const manifestMs = [];
let baseManifest;
let headManifest;
for (let r = 0; r < runs; r++) {
  const b = time(() => buildStackManifest('prod', base.tf));
  manifestMs.push(b.ms);
  baseManifest = b.result;
  headManifest = buildStackManifest('prod', head.tf);
}
const reviewMs = [];
let review;
for (let r = 0; r < runs; r++) {
  const t = time(() => {
    const result = compareManifests([baseManifest], [headManifest]);
    renderReviewMarkdown(result);
    return result;
  });
  reviewMs.push(t.ms);
  review = t.result;
}
const bytes = Buffer.byteLength(JSON.stringify(baseManifest));
console.log(`| what (${versions} model versions, ${baseManifest.resources.length} resources) | median ms (${runs} runs) |`);
console.log('|---|---:|');
console.log(`| Testing.synth of the stack and one render, for scale | ${base.synthMs.toFixed(0)} |`);
console.log(`| manifest of the stack (${(bytes / 1024).toFixed(0)} KiB) | ${median(manifestMs).toFixed(1)} |`);
console.log(`| review of two manifests + Markdown (${review.stacks[0].versions.length} version changes, ${review.hazards.length} hazards) | ${median(reviewMs).toFixed(1)} |`);
