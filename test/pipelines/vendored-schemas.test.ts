import * as fs from 'fs';
import * as path from 'path';

// The vendored schemas are derived from ../shared/schemas by scripts/vendor-pipeline-schemas.js. Where shared/ is
// present (CI), re-derive and compare byte for byte; on a fresh clone there is nothing to compare with.
const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared', 'schemas');
const VENDORED = path.join(__dirname, '..', 'fixtures', 'schemas');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, not a module with types
const { derive } = require('../../scripts/vendor-pipeline-schemas.js');

describe('vendored pipeline schemas', () => {
  (fs.existsSync(SHARED) ? test : test.skip)('are exactly what the script derives from shared/schemas', () => {
    for (const [name, text] of Object.entries(derive(SHARED) as Record<string, string>)) {
      expect(fs.readFileSync(path.join(VENDORED, name), 'utf8')).toBe(text);
    }
  });

  test('stay small, keep their licence notes, and keep the tasks the generator emits', () => {
    for (const f of ['azure-pipelines.schema.json', 'github-workflow.schema.json']) {
      expect(fs.statSync(path.join(VENDORED, f)).size).toBeLessThan(2_000_000);
    }
    expect(fs.readFileSync(path.join(VENDORED, 'LICENSE-github-workflow-schema.txt'), 'utf8')).toContain('Copyright 2015-Current Mads Kristensen and Contributors');
    expect(fs.readFileSync(path.join(VENDORED, 'PROVENANCE.md'), 'utf8')).toMatch(/Licence: \*\*MIT\*\*[\s\S]*Licence: \*\*Apache-2\.0\*\*/);
    const azure = JSON.parse(fs.readFileSync(path.join(VENDORED, 'azure-pipelines.schema.json'), 'utf8'));
    const kept = azure.definitions.task.anyOf.map((s: any) => s.properties.task.pattern);
    expect(kept).toEqual(expect.arrayContaining(['^AzureCLI@2$', '^NodeTool@0$']));
  });
});
