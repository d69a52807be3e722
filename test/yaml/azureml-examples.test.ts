/**
 * Measurement: what fraction of Microsoft's published CLI v2 examples of these kinds load and synthesize valid
 * bodies without edits (through `yaml check`'s own function). Target: at least 90% of the GA files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../lib/yaml/cli';

const ROOT = path.join(__dirname, 'fixtures', 'azureml-examples');
interface Entry { path: string; commit: string; set?: Record<string, string>; preGA?: string }
const manifest: { files: Entry[] } = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));

describe('Microsoft\'s published examples (Azure/azureml-examples)', () => {
  const results = manifest.files.map((e) => ({ ...e, problem: checkFile(path.join(ROOT, e.path), { set: e.set }) }));
  const bare = manifest.files.map((e) => checkFile(path.join(ROOT, e.path)));
  const ga = results.filter((r) => !r.preGA);
  const fraction = (rs: { problem?: string }[]) => rs.filter((r) => r.problem === undefined).length / rs.length;

  test('at least 90% of the GA examples load and synthesize valid bodies, with their placeholders as --set', () => {
    const failed = ga.filter((r) => r.problem !== undefined).map((r) => `${r.path}: ${r.problem}`);
    // Printed so the number is in the test log, not only in the commit message.
    console.log(`azureml-examples: ${ga.length - failed.length}/${ga.length} GA files ok (${(100 * fraction(ga)).toFixed(1)}%); ` +
      `${results.filter((r) => r.problem === undefined).length}/${results.length} of all files incl. pre-GA; ` +
      `${bare.filter((b) => b === undefined).length}/${bare.length} with no --set at all`);
    expect(failed).toEqual([]);
    expect(fraction(ga)).toBeGreaterThanOrEqual(0.9);
  });

  test('every file the measurement counts is in the manifest with its commit', () => {
    for (const e of manifest.files) {
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(fs.existsSync(path.join(ROOT, e.path))).toBe(true);
    }
    expect(ga.length).toBeGreaterThanOrEqual(30);
  });

  test('pre-GA files fail with a fix that names the GA spelling', () => {
    const pre = results.filter((r) => r.preGA);
    expect(pre.length).toBeGreaterThan(0);
    for (const r of pre) {
      if (r.problem === undefined) continue; // a pre-GA file whose keys happen to be GA (read by its keys)
      expect(r.problem).toMatch(/pre-GA|did you mean|is not a key/);
    }
  });

  test('files with placeholders fail without their --set, naming the placeholder\'s key', () => {
    const withSet = manifest.files.map((e, i) => ({ e, bare: bare[i] })).filter(({ e }) => e.set !== undefined && !e.preGA);
    expect(withSet.length).toBeGreaterThan(0);
    const keysNamed = withSet.filter(({ e, bare: b }) => b !== undefined && Object.keys(e.set!).some((k) => b.includes(k.split('.').pop()!)));
    expect(keysNamed.length).toBeGreaterThan(0);
  });
});
