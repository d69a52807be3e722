#!/usr/bin/env node
/**
 * npm run bench — what a user's `cdktf synth` costs with this library, against cdktf alone.
 *
 * Compiles the library and the benchmark apps with tsc into a temporary folder (the JavaScript a user runs; no
 * transpiler in the measurement), then runs each app RUNS times in a fresh Node process and prints the median wall
 * time and median peak resident memory, with the ratio to the baseline (an empty cdktf app with one azurerm
 * resource), and what the policy packs add (platform and 1,000 versions, with and without them).
 * Usage: node scripts/bench.js [--runs N] [--only name,name]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(valueOf('--runs') ?? 5);
const only = valueOf('--only')?.split(',');

function valueOf(flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const build = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-'));
console.log(`compiling into ${build} ...`);
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.dev.json',
  '--noEmit', 'false', '--outDir', build, '--declaration', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false'],
  { cwd: root, encoding: 'utf8' });
if (tsc.status !== 0) {
  console.error(tsc.stdout, tsc.stderr);
  process.exit(1);
}
// The library reads its vendored data files relative to its own modules.
fs.cpSync(path.join(root, 'lib', 'validation', 'azure-types'), path.join(build, 'lib', 'validation', 'azure-types'), { recursive: true });
// The examples import the package by name: make that name resolve to the compiled lib/ (a package.json naming
// lib/index.js, reached through a node_modules link to the build folder itself).
fs.writeFileSync(path.join(build, 'package.json'), JSON.stringify({ name: 'cdktf-azure-mlops', main: 'lib/index.js' }));
fs.mkdirSync(path.join(build, 'node_modules'), { recursive: true });
fs.symlinkSync(build, path.join(build, 'node_modules', 'cdktf-azure-mlops'), 'dir');
fs.cpSync(path.join(root, 'lib', 'core', 'azure-facts'), path.join(build, 'lib', 'core', 'azure-facts'), { recursive: true });
fs.cpSync(path.join(root, 'lib', 'yaml', 'schemas'), path.join(build, 'lib', 'yaml', 'schemas'), { recursive: true });
// The main example reads what it uploads (models, data, code), its lock file and its pipeline paths beside main.ts.
fs.cpSync(path.join(root, 'examples', 'platform'), path.join(build, 'examples', 'platform'), {
  recursive: true, filter: (src) => !src.endsWith('.ts'),
});

/** The scenarios: a name, the compiled entry point, and environment for it. */
const scenarios = [
  { name: 'baseline (cdktf + 1 azurerm resource)', key: 'baseline', entry: path.join(root, 'scripts/bench/baseline-app.js') },
  { name: 'examples/quickstart', key: 'quickstart', entry: path.join(build, 'examples/quickstart/main.js') },
  { name: 'examples/platform (the main example, 4 stacks)', key: 'platform', entry: path.join(build, 'examples/platform/main.js') },
  { name: 'examples/platform + all policy packs', key: 'platform-policy', entry: path.join(build, 'scripts/bench/platform-policy-app.js') },
  { name: 'multi-stack synth (3 stacks)', key: 'multi-stack', entry: path.join(build, 'test/fixtures/apps/multi-stack.js') },
  { name: 'examples/estate (1 stack)', key: 'estate', entry: path.join(build, 'examples/estate/main.js') },
];
for (const count of [10, 100, 1000]) {
  const entry = path.join(build, 'scripts/bench/versions-app.js');
  if (fs.existsSync(path.join(root, 'scripts/bench/versions-app.ts'))) {
    scenarios.push({ name: `${count} model versions`, key: `versions-${count}`, entry, env: { BENCH_MODEL_VERSIONS: String(count) } });
  }
}
scenarios.push({
  name: '1000 model versions + all policy packs', key: 'versions-1000-policy', entry: path.join(build, 'scripts/bench/versions-app.js'),
  env: { BENCH_MODEL_VERSIONS: '1000', BENCH_POLICY: '1' },
});

for (const count of [1, 20]) {
  scenarios.push({ name: `${count} deployment YAML files (inline assets)`, key: `serving-yaml-${count}`,
    entry: path.join(build, 'scripts/bench/serving-yaml-app.js'), env: { BENCH_SERVING_YAML_FILES: String(count) } });
}
for (const count of [10, 100]) {
  scenarios.push({ name: `${count} model YAML files`, key: `yaml-${count}`, entry: path.join(build, 'scripts/bench/yaml-app.js'), env: { BENCH_YAML_FILES: String(count) } });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = [];
for (const sc of scenarios.filter(s => !only || only.includes(s.key))) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-out-'));
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/bench/report-peak-memory.js'), sc.entry], {
      cwd: root, encoding: 'utf8', env: { ...process.env, ...sc.env, CDKTF_OUTDIR: outdir, NODE_PATH: path.join(root, 'node_modules') },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    fs.rmSync(outdir, { recursive: true, force: true });
    if (r.status !== 0) {
      console.error(`${sc.name} failed:\n${r.stdout}\n${r.stderr}`);
      process.exit(1);
    }
    times.push(ms);
    rss.push(Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)[1]) / 1024);
  }
  results.push({ name: sc.name, key: sc.key, ms: median(times), mb: median(rss), min: Math.min(...times), max: Math.max(...times) });
}

const base = results.find(r => r.key === 'baseline');
const pad = (s, n) => String(s).padEnd(n);
console.log(`\nnode ${process.version}, ${os.cpus().length} cores, ${runs} runs each; medians (wall time includes Node start-up)\n`);
console.log(`${pad('scenario', 48)}${pad('wall ms', 10)}${pad('(min-max)', 16)}${pad('peak MB', 10)}${pad('x time', 9)}x memory`);
for (const r of results) {
  console.log(`${pad(r.name, 48)}${pad(r.ms.toFixed(0), 10)}${pad(`${r.min.toFixed(0)}-${r.max.toFixed(0)}`, 16)}${pad(r.mb.toFixed(0), 10)}` +
    `${pad(base ? (r.ms / base.ms).toFixed(2) : '-', 9)}${base ? (r.mb / base.mb).toFixed(2) : '-'}`);
}
const v = (n) => results.find(r => r.key === `versions-${n}`);
if (v(10) && v(1000)) {
  const perVersion = (a, b) => ((v(b).ms - v(a).ms) / (b - a)).toFixed(2);
  console.log(`\nmarginal cost per model version: ${perVersion(10, 100)} ms (10→100), ${perVersion(100, 1000)} ms (100→1,000)`);
}
// What the policy packs add (lib/policy): the same app with and without them.
for (const [withPacks, without] of [['platform-policy', 'platform'], ['versions-1000-policy', 'versions-1000']]) {
  const a = results.find(r => r.key === withPacks);
  const b = results.find(r => r.key === without);
  if (a && b) console.log(`policy packs on ${b.name}: +${(a.ms - b.ms).toFixed(0)} ms (${((a.ms / b.ms - 1) * 100).toFixed(0)}%), +${(a.mb - b.mb).toFixed(0)} MB`);
}
// The runtime shape checks (lib/core/shape.ts) run once per construct, inside the timings above; their own cost:
const shapeCost = spawnSync(process.execPath, [path.join(root, 'scripts/bench/shape-cost.js'), build], {
  cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
});
console.log(`\n${shapeCost.status === 0 ? shapeCost.stdout.trim() : `shape check cost failed: ${shapeCost.stderr}`}`);
const y = (n) => results.find(r => r.key === `yaml-${n}`);
if (y(10) && y(100)) console.log(`marginal cost per model YAML file: ${((y(100).ms - y(10).ms) / 90).toFixed(2)} ms (10→100)`);
const sy = (n) => results.find(r => r.key === `serving-yaml-${n}`);
if (sy(1) && sy(20)) console.log(`marginal cost per deployment YAML file: ${((sy(20).ms - sy(1).ms) / 19).toFixed(2)} ms (1→20)`);
fs.rmSync(build, { recursive: true, force: true });
