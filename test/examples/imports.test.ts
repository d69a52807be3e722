// The examples are written as a user writes them (STYLE.md: "Examples are written as users write them"): they import
// the package by name, so any of them can be copied into an app as it is. In this repository the name resolves to
// lib/ (tsconfig.dev.json `paths`, jest.config.js `moduleNameMapper`); test/package/package.test.ts synthesizes a
// copied example against the packed tarball.
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../support/readme';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const EXPORTED = new Set(Object.keys(pkg.exports).map((k: string) => k.replace(/^\.\/?/, '')));

function exampleFiles(dir = path.join(REPO_ROOT, 'examples')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'cdktf.out' ? [] : exampleFiles(p);
    return /\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier of a file's imports, requires and re-exports. */
function specifiers(source: string): string[] {
  const re = /(?:\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(re)].map(m => m[1]);
}

const files = exampleFiles();

test('there are examples to check', () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
});

describe.each(files.map(f => [path.relative(REPO_ROOT, f)]))('%s', (file) => {
  const specs = specifiers(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

  test('imports nothing of this repository outside its own example folder', () => {
    const dir = path.dirname(path.join(REPO_ROOT, file));
    const exampleRoot = path.join(REPO_ROOT, 'examples', path.relative(path.join(REPO_ROOT, 'examples'), dir).split(path.sep)[0]);
    const escaping = specs.filter(s => s.startsWith('.') && !path.resolve(dir, s).startsWith(exampleRoot + path.sep));
    expect(escaping).toEqual([]);
  });

  test('imports the package only through the entry points package.json exports', () => {
    const own = specs.filter(s => s === 'cdktf-azure-mlops' || s.startsWith('cdktf-azure-mlops/'));
    const unexported = own.map(s => s.slice('cdktf-azure-mlops'.length).replace(/^\//, '')).filter(s => !EXPORTED.has(s));
    expect(unexported).toEqual([]);
  });
});

test('each example that uses the library imports it by name', () => {
  const byExample = new Map<string, boolean>();
  for (const f of files) {
    const example = path.relative(path.join(REPO_ROOT, 'examples'), f).split(path.sep)[0];
    const usesPackage = specifiers(fs.readFileSync(f, 'utf8')).some(s => s === 'cdktf-azure-mlops' || s.startsWith('cdktf-azure-mlops/'));
    byExample.set(example, (byExample.get(example) ?? false) || usesPackage);
  }
  expect([...byExample].filter(([, uses]) => !uses).map(([e]) => e)).toEqual([]);
});

test('both jest configurations resolve the package name to lib/ (the Terraform tier imports the examples too)', () => {
  for (const config of ['jest.config.js', 'jest.terraform.config.js']) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest configs are CommonJS modules
    const { moduleNameMapper } = require(path.join(REPO_ROOT, config));
    expect({ config, moduleNameMapper }).toEqual({
      config,
      moduleNameMapper: { '^cdktf-azure-mlops$': '<rootDir>/lib/index.ts', '^cdktf-azure-mlops/lib/(.*)$': '<rootDir>/lib/$1' },
    });
  }
});

test('tsconfig.dev.json maps the package name to lib/ for tsc and tsx, and cdktf.json runs tsx with it', () => {
  const dev = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tsconfig.dev.json'), 'utf8'));
  expect(dev.compilerOptions.paths).toEqual({ 'cdktf-azure-mlops': ['./lib/index.ts'], 'cdktf-azure-mlops/lib/*': ['./lib/*'] });
  for (const file of ['cdktf.json', 'examples/platform/cdktf.json', 'examples/devops/cdktf.json']) {
    const app: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).app;
    expect({ file, app }).toEqual({ file, app: expect.stringMatching(/^npx tsx --tsconfig (\.\.\/\.\.\/)?tsconfig\.dev\.json /) });
  }
});
