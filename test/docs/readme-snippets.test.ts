// Docs are compiled examples (STYLE.md §14): every ```ts block of every README is quoted, line for line and in order,
// from a file the tests compile and synthesize, so a README edit that drifts from the real API fails here.
import * as fs from 'fs';
import * as path from 'path';
import { readRepoFile, REPO_ROOT, tsBlocks, unquotedLines } from '../support/readme';

/** Each README and the compiled files its snippets are quoted from (a block that names its file is checked against that one). */
const README_SOURCES: Record<string, string[]> = {
  'README.md': ['examples/quickstart/stack.ts', 'test/fixtures/readme/root.ts', 'test/fixtures/apps/multi-stack.ts'],
  'lib/workspace/README.md': ['examples/workspace-private/minimal.ts', 'examples/workspace-private/stack.ts', 'test/fixtures/readme/workspace.ts'],
  'lib/assets/README.md': ['test/fixtures/readme/assets.ts', 'test/fixtures/readme/yaml.ts'],
  'lib/yaml/README.md': ['test/fixtures/readme/yaml.ts'],
  'lib/registry/README.md': ['test/fixtures/readme/registry.ts', 'examples/model-registry/stack.ts'],
  'lib/review/README.md': ['test/fixtures/readme/review.ts'],
  'lib/serving/README.md': ['examples/quickstart/stack.ts', 'examples/blue-green/main.ts', 'test/fixtures/readme/serving.ts'],
  'lib/pipelines/README.md': ['test/fixtures/readme/pipelines.ts'],
};

test('every README of the library is in the table', () => {
  const readmes = ['README.md', ...fs.readdirSync(path.join(REPO_ROOT, 'lib'))
    .map(dir => `lib/${dir}/README.md`)
    .filter(file => fs.existsSync(path.join(REPO_ROOT, file)))];
  expect(Object.keys(README_SOURCES).sort()).toEqual(readmes.sort());
});

describe.each(Object.entries(README_SOURCES))('%s', (readme, sources) => {
  const blocks = tsBlocks(readRepoFile(readme), readme);

  test('has TypeScript snippets', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  test.each(blocks.map(b => [`${b.line} (${b.heading || 'top'})`, b] as const))('the snippet at line %s is quoted from compiled code', (_name, block) => {
    const candidates = block.quotedFrom ? [block.quotedFrom] : sources;
    for (const file of candidates) expect(sources).toContain(file);
    const misses = candidates.map(file => ({ file, unquoted: unquotedLines(block.code, readRepoFile(file)) }));
    const best = misses.reduce((a, b) => (b.unquoted.length < a.unquoted.length ? b : a));
    // On failure: the closest file, and the README lines it does not have (in this order).
    expect(best.unquoted.length === 0 ? [] : best).toEqual([]);
  });
});
