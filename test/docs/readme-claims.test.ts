// What the README (and the docs around it) claim about the repository holds: the main example it names is the one
// cdktf.json runs, its error sample is what the code throws, every `npm run` it mentions exists, every local link
// resolves, and its Node versions are package.json's.
import * as fs from 'fs';
import * as path from 'path';
import { readRepoFile, REPO_ROOT } from '../support/readme';
import { invalidDeploymentMessage } from '../fixtures/readme/errors';

const pkg = JSON.parse(readRepoFile('package.json'));
const readme = readRepoFile('README.md');

function files(dir: string, match: RegExp): string[] {
  if (!fs.existsSync(path.join(REPO_ROOT, dir))) return [];
  return fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap(e => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'cdktf.out', '.terraform'].includes(e.name) ? [] : files(rel, match);
    return match.test(e.name) ? [rel] : [];
  });
}

/** The Markdown and config files whose text makes claims about the repository. */
const DOCS = [
  'README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...files('docs', /\.md$/), ...files('lib', /^README\.md$/),
  ...files('examples', /\.md$/),
].filter(f => fs.existsSync(path.join(REPO_ROOT, f)));
const CONFIGS = ['tsconfig.json', 'tsconfig.dev.json', 'jest.config.js', 'jest.terraform.config.js', 'cdktf.json', 'package.json'];

describe('the main example', () => {
  const app: string = JSON.parse(readRepoFile('cdktf.json')).app;
  const main = /(examples\/([\w-]+)\/main\.ts)/.exec(app);

  test('cdktf.json runs an example\'s main.ts', () => {
    expect(main).not.toBeNull();
  });

  test('the README names the example cdktf.json runs, everywhere it names the main example', () => {
    const named = [...readme.matchAll(/main example[^.]{0,40}?\(?\[?`(examples\/[\w-]+)`/gi)].map(m => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(named)]).toEqual([`examples/${main![2]}`]);
    expect(readme).toMatch(new RegExp(`Synthesize the main example \\(\`examples/${main![2]}\`, the app \`cdktf\\.json\` runs\\)`));
  });

  test('only that example says it is what `npm run synth` synthesizes', () => {
    const claiming = files('examples', /\.(ts|md)$/)
      .filter(f => /what `npm run synth` synthesizes|that `npm run synth` synthesizes/i.test(readRepoFile(f)))
      .map(f => f.split(path.sep)[1]);
    expect(claiming.length).toBeGreaterThan(0);
    expect([...new Set(claiming)]).toEqual([main![2]]);
  });
});

describe('the README\'s error sample', () => {
  test('is the message the code in test/fixtures/readme/errors.ts throws', () => {
    const section = readme.slice(readme.indexOf('\n## Errors\n'));
    const block = /\n```\n([\s\S]*?)\n```\n/.exec(section);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(invalidDeploymentMessage());
  });
});

describe('commands and links', () => {
  test.each([...DOCS, ...CONFIGS])('every `npm run <script>` in %s exists in package.json', (file) => {
    const scripts = [...readRepoFile(file).matchAll(/npm run ([\w:-]+)/g)].map(m => m[1]);
    expect(scripts.filter(s => !(s in pkg.scripts))).toEqual([]);
  });

  test.each(DOCS)('every relative link in %s resolves to a file of the repository', (file) => {
    const text = readRepoFile(file).replace(/```[\s\S]*?```/g, '');
    const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1])
      .filter(t => !/^(https?:|mailto:|#)/.test(t)).map(t => t.replace(/#.*$/, ''));
    const missing = targets.filter(t => !fs.existsSync(path.join(REPO_ROOT, path.dirname(file), t)));
    expect(missing).toEqual([]);
  });
});

describe('Node versions', () => {
  test('the README states the engines range and the LTS lines package.json supports', () => {
    expect(pkg.engines.node).toBe('>=20');
    expect(readme).toMatch(/Node\.js 20, 22 or 24 \(the current LTS lines; `engines` is `>=20`\)/);
  });

  test('the pipelines the library generates install a Node version the package supports', () => {
    const generated = readRepoFile('examples/platform/pipelines/azure-pipelines.yml');
    const versions = [...generated.matchAll(/versionSpec: '?(\d+)\.x'?/g)].map(m => Number(m[1]));
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect([20, 22, 24]).toContain(v);
  });
});
