// The package as a user gets it: `npm pack` (which builds with jsii first), the tarball installed into a scratch app
// with its peers, every documented entry point imported, copied examples type-checked and synthesized, the bin run,
// and API.md compared with a fresh jsii-docgen of the same assembly. Offline: the tarball bundles its one dependency
// (yaml), and the peers (cdktf, constructs, @cdktf/provider-azurerm) are linked from this repository's node_modules.
// Packing once for the whole file keeps it to one build (~15 s of jsii) and a few short processes.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/readme';

const NODE_MODULES = path.join(REPO_ROOT, 'node_modules');
const PEERS = ['cdktf', 'constructs', '@cdktf/provider-azurerm'];
// What the scratch app needs to compile TypeScript and run it; a user's app has the same as devDependencies.
const TOOLS = ['@types/node'];
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const ENTRY_POINTS = Object.keys(pkg.exports)
  .filter(k => k !== './package.json' && k !== './.jsii')
  .map(k => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));

let work: string;
let app: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

function ok(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = run(cmd, args, cwd, env);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const npm = (args: string[], cwd: string) => ok('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], cwd);
const tsc = (project: string) => run(process.execPath, [path.join(NODE_MODULES, 'typescript', 'bin', 'tsc'), '-p', project], app);
const tsx = (file: string, env: NodeJS.ProcessEnv = {}) => run(process.execPath, [path.join(NODE_MODULES, 'tsx', 'dist', 'cli.mjs'), file], app, env);

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-package-'));
  // `npm pack` runs the prepack script (npm run build: jsii, then the data files) and writes the tarball.
  npm(['pack', '--pack-destination', work], REPO_ROOT);
  tarball = path.join(work, `${pkg.name}-${pkg.version}.tgz`);

  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', version: '0.0.0', private: true }));
  // --offline: nothing is downloaded; --legacy-peer-deps: npm does not try to install the peers, which are linked.
  npm(['install', '--offline', '--legacy-peer-deps', '--ignore-scripts', '--no-package-lock', tarball], app);
  for (const dep of [...PEERS, ...TOOLS]) {
    const link = path.join(app, 'node_modules', dep);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(NODE_MODULES, dep), link, 'dir');
  }
}, 240_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  test('holds the compiled library, its assembly, the bin, the LICENSE and the bundled yaml, and no sources', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').map(f => f.replace(/^package\//, ''));
    for (const f of ['LICENSE', 'README.md', '.jsii', 'bin/cdktf-azure-mlops.js', 'build/lib/index.js', 'build/lib/index.d.ts',
      'build/lib/core/errors.js', 'node_modules/yaml/package.json']) {
      expect(files).toContain(f);
    }
    expect(files.filter(f => /^lib\/|^test\/|^examples\//.test(f))).toEqual([]);
    expect(files.some(f => f.startsWith('build/lib/validation/azure-types/') && f.endsWith('.json'))).toBe(true);
  });

  test('its LICENSE is the MIT licence package.json names', () => {
    expect(pkg.license).toBe('MIT');
    const license = fs.readFileSync(path.join(app, 'node_modules', pkg.name, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 cdktf-azure-mlops contributors\n/);
  });
});

describe('a scratch app with the tarball installed', () => {
  test('imports every entry point package.json exports, each with its types', () => {
    const script = `for (const e of ${JSON.stringify(ENTRY_POINTS)}) { const m = require(e); if (!Object.keys(m).length) throw new Error(e + ' is empty'); }
      const root = require('cdktf-azure-mlops'); const errors = require('cdktf-azure-mlops/lib/core/errors');
      if (root.MlopsValidationError !== errors.MlopsValidationError) throw new Error('two MlopsValidationError classes');
      const assembly = JSON.parse(require('fs').readFileSync(require.resolve('cdktf-azure-mlops/.jsii'), 'utf8'));
      const missing = [], found = [];
      for (const t of Object.values(assembly.types)) {
        if (t.kind === 'interface') continue;
        const parts = t.fqn.split('.').slice(1);
        const value = parts.reduce((m, p) => m && m[p], root);
        (value ? found : missing).push(t.fqn);
      }
      console.log(JSON.stringify({ found: found.length, missing }));`;
    // Every jsii class and enum (interfaces have no value at run time) is reachable from the root, at its jsii name.
    const out = JSON.parse(ok(process.execPath, ['-e', script], app));
    expect(out.missing).toEqual([]);
    expect(out.found).toBeGreaterThan(50);
    for (const [entry, target] of Object.entries<any>(pkg.exports)) {
      if (typeof target === 'string') continue;
      expect({ entry, types: fs.existsSync(path.join(app, 'node_modules', pkg.name, target.types)) }).toEqual({ entry, types: true });
    }
  }, 30_000);

  test('cannot reach modules the package does not export (the public surface is the exports map)', () => {
    const r = run(process.execPath, ['-e', "require('cdktf-azure-mlops/build/lib/core/rbac')"], app);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  }, 30_000);

  test('a copied example type-checks, under node10 and node16 module resolution', () => {
    const dir = path.join(app, 'quickstart');
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'quickstart'), dir, { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'devops'), path.join(app, 'devops'), { recursive: true });
    const base = { strict: true, target: 'es2022', module: 'commonjs', noEmit: true, skipLibCheck: true, types: ['node'] };
    fs.writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: base, include: ['quickstart', 'devops'] }));
    fs.writeFileSync(path.join(app, 'tsconfig.node16.json'), JSON.stringify({
      compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' }, include: ['quickstart', 'devops'],
    }));
    for (const project of ['tsconfig.json', 'tsconfig.node16.json']) {
      const r = tsc(project);
      expect({ project, status: r.status, out: r.stdout }).toEqual({ project, status: 0, out: '' });
    }
  }, 120_000);

  test('a copied example synthesizes against the installed package', () => {
    const outdir = path.join(work, 'quickstart.out');
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'quickstart'), path.join(app, 'quickstart-synth'), { recursive: true });
    const r = tsx('quickstart-synth/main.ts', { CDKTF_OUTDIR: outdir });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'quickstart', 'cdk.tf.json'), 'utf8'));
    const azapiTypes = Object.values<any>(json.resource.azapi_resource).map(r => r.type.split('@')[0]);
    expect(azapiTypes).toEqual(expect.arrayContaining([
      'Microsoft.MachineLearningServices/workspaces',
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
    ]));
    expect(json.terraform.required_providers.azapi.version).toBe('~> 2.12');
  }, 120_000);

  test('the bin reviews a synth, and exits 2 with one line on bad input', () => {
    const bin = path.join(app, 'node_modules', '.bin', 'cdktf-azure-mlops');
    const outdir = path.join(work, 'quickstart.out');
    if (!fs.existsSync(outdir)) tsx('quickstart/main.ts', { CDKTF_OUTDIR: outdir });
    const review = run(bin, ['review', '--base', outdir, '--head', outdir], app);
    expect(review.stderr).toBe('');
    expect(review.status).toBe(0);
    expect(review.stdout).toMatch(/quickstart/);
    const bad = run(bin, ['review', '--base', path.join(work, 'missing')], app);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});

describe('the jsii assembly', () => {
  test('gives every public type a summary, and holds MlopsValidationError', () => {
    const assembly = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.jsii'), 'utf8'));
    const types = Object.values<any>(assembly.types);
    expect(types.filter(t => !t.docs?.summary).map(t => t.fqn)).toEqual([]);
    expect(assembly.types[`${pkg.name}.MlopsValidationError`]?.kind).toBe('class');
  });
});

describe('API.md', () => {
  test('is what jsii-docgen generates from the assembly just built (regenerate: npm run docgen)', () => {
    const fresh = path.join(work, 'API.md');
    ok(process.execPath, [path.join(NODE_MODULES, 'jsii-docgen', 'bin', 'jsii-docgen'), '-o', fresh], REPO_ROOT);
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'API.md'), 'utf8');
    const generated = fs.readFileSync(fresh, 'utf8');
    // On failure, the first line that differs rather than a megabyte diff.
    const [a, b] = [committed.split('\n'), generated.split('\n')];
    const at = a.findIndex((line, i) => line !== b[i]);
    const firstDifference = committed === generated ? null
      : { line: (at < 0 ? a.length : at) + 1, committed: a[at] ?? '(end of file)', generated: b[at < 0 ? a.length : at] ?? '(end of file)' };
    expect(firstDifference).toBeNull();
  }, 60_000);

  test('documents MlopsValidationError, the error users catch, and none of the internal helpers', () => {
    const api = fs.readFileSync(path.join(REPO_ROOT, 'API.md'), 'utf8');
    expect(api).toMatch(/### MlopsValidationError/);
    for (const internal of ['grantRole', 'checkLineageAndMetrics', 'lineageProperties', 'validateAutoscale', 'createAutoscale', 'stableSuffix']) {
      expect({ internal, documented: api.includes(internal) }).toEqual({ internal, documented: false });
    }
  });
});
