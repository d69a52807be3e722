import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The vendored Azure types and example fixtures are derived from `../shared/schemas` by scripts/vendor-schemas.js.
 * `shared/` exists beside the project in CI but not on a user's clone, so this check runs only where it exists.
 */
const ROOT = path.join(__dirname, '..', '..');
const SHARED = path.join(ROOT, '..', 'shared', 'schemas');
const OWNED_DIRS = ['lib/validation/azure-types', 'test/fixtures/azure-examples'];

const hasShared = fs.existsSync(path.join(SHARED, 'azure', 'index.json'));
const maybe = hasShared ? test : test.skip;
if (!hasShared) {
  console.info(`Skipping the vendored-types freshness check: ${SHARED} does not exist (it does in CI).`);
}

function listFiles(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of OWNED_DIRS) {
    const abs = path.join(root, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).sort()) out[`${dir}/${f}`] = fs.readFileSync(path.join(abs, f), 'utf8');
  }
  return out;
}

maybe('the committed vendored types and fixtures are what scripts/vendor-schemas.js derives from ../shared/schemas', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-schemas-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'vendor-schemas.js'), SHARED, '--out', tmp], { stdio: 'pipe' });
    const fresh = listFiles(tmp);
    const committed = listFiles(ROOT);
    expect(Object.keys(committed)).toEqual(Object.keys(fresh));
    const stale = Object.keys(fresh).filter((f) => fresh[f] !== committed[f]);
    // Fix: run `node scripts/vendor-schemas.js` and commit the result.
    expect(stale).toEqual([]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('the vendored types hold no descriptions and no actions', () => {
  const dir = path.join(ROOT, 'lib', 'validation', 'azure-types');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'index.json')) {
    const nodes = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Array<Record<string, any>>;
    for (const node of nodes) {
      expect(node.$type).not.toBe('ResourceFunctionType');
      for (const props of [node.properties, node.baseProperties]) {
        if (node.$type === 'StringLiteralType' || !props) continue;
        for (const p of Object.values(props) as Array<Record<string, unknown>>) expect(Object.keys(p).sort()).toEqual(['flags', 'type']);
      }
    }
  }
});

test('every index entry points at its ResourceType', () => {
  const dir = path.join(ROOT, 'lib', 'validation', 'azure-types');
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')).resources as Record<string, { name: string; file: string; index: number }>;
  for (const [key, entry] of Object.entries(index)) {
    const nodes = JSON.parse(fs.readFileSync(path.join(dir, entry.file), 'utf8'));
    expect(key).toBe(entry.name.toLowerCase());
    expect(nodes[entry.index]).toMatchObject({ $type: 'ResourceType', name: entry.name });
  }
});
