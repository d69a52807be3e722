#!/usr/bin/env node
/**
 * npm run bench:terraform — what the Terraform tier costs, per stack: `terraform init`, `validate`, `plan`, the
 * emulated `apply` and the second `plan`, with the real terraform binary against the local providers. Builds the
 * providers first. Run it on an idle machine: each command starts node provider processes, so load elsewhere shows.
 * Usage: node scripts/bench-terraform.js [--only examples/estate/main.ts,…]
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : undefined;

const build = spawnSync('npm', ['run', '--silent', 'build:emulator'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const { TerraformEmulator } = require(path.join(root, 'build/terraform-emulator/tools/terraform-emulator/src/harness'));

const apps = [
  ...fs.readdirSync(path.join(root, 'examples')).filter(n => fs.existsSync(path.join(root, 'examples', n, 'main.ts'))).sort().map(n => `examples/${n}/main.ts`),
  'test/fixtures/apps/multi-stack.ts',
].filter(a => !only || only.includes(a));

const seconds = since => Number(process.hrtime.bigint() - since) / 1e9;
const rows = [];
for (const app of apps) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'tsconfig.dev.json', app], { cwd: root, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'ignore' });
  const emulator = new TerraformEmulator({ workDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-tf-')) });
  if (app === 'examples/model-registry/main.ts') {
    // What this example imports by id exists before its first apply (see test/terraform/existing-resources.ts).
    require('tsx/cjs');
    emulator.assumeExisting(require(path.join(root, 'test/terraform/existing-resources.ts')).EXISTING_RESOURCES[app]);
  }
  let start = process.hrtime.bigint();
  const stacks = emulator.load(outdir);
  const init = seconds(start) / stacks.length;
  for (const stack of stacks) {
    const t = {};
    start = process.hrtime.bigint(); stack.validate(); t.validate = seconds(start);
    let plan;
    start = process.hrtime.bigint(); plan = stack.plan(); t.plan = seconds(start);
    start = process.hrtime.bigint();
    try { stack.apply(plan); t.apply = seconds(start); } catch (e) { t.apply = NaN; t.error = e.message.split('\n').find(l => l.startsWith('Error:')); }
    start = process.hrtime.bigint(); stack.plan(); t.replan = seconds(start);
    rows.push({ app, stack: stack.name, resources: (plan.json.resource_changes ?? []).length, init, ...t });
  }
}

const f = n => (Number.isNaN(n) ? 'failed' : n.toFixed(1));
console.log('\n| app | stack | resources | init s | validate s | plan s | apply s | 2nd plan s |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.app} | ${r.stack} | ${r.resources} | ${f(r.init)} | ${f(r.validate)} | ${f(r.plan)} | ${f(r.apply)} | ${f(r.replan)} |`);
const total = rows.reduce((s, r) => s + r.init + r.validate + r.plan + (Number.isNaN(r.apply) ? 0 : r.apply) + r.replan, 0);
console.log(`\n${rows.length} stacks, ${total.toFixed(0)} s in all (${(total / rows.length).toFixed(1)} s per stack)`);
for (const r of rows.filter(r => r.error)) console.log(`apply of ${r.app} ${r.stack}: ${r.error}`);
