import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withCloud } from '../../../tools/terraform-emulator/src/control-plane/store';

const STORE = path.resolve(__dirname, '../../../tools/terraform-emulator/src/control-plane/store.ts');

/** One child process doing `count` read-increment-write cycles through withCloud. */
function incrementer(stateFile: string, count: number): Promise<number> {
  const script = `
    const { withCloud } = require(${JSON.stringify(STORE)});
    for (let i = 0; i < ${count}; i++) {
      withCloud(${JSON.stringify(stateFile)}, (cloud) => {
        const id = '/subscriptions/s/resourceGroups/counter';
        const n = Number(cloud.get(id)?.body.properties?.n ?? 0);
        cloud.put({ id, type: 'Microsoft.Resources/resourceGroups', body: { properties: { n: n + 1 } } });
      });
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`child exited ${code}: ${stderr}`))));
  });
}

describe('withCloud', () => {
  test('four processes doing 25 increments each end at 100', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-store-'));
    const stateFile = path.join(dir, 'state.json');
    await Promise.all([0, 1, 2, 3].map(() => incrementer(stateFile, 25)));
    const n = withCloud(stateFile, (cloud) => cloud.get('/subscriptions/s/resourceGroups/counter')?.body.properties);
    expect(n).toMatchObject({ n: 100 });
    expect(fs.readdirSync(dir).sort()).toEqual(['state.json']);
  }, 60_000);

  test('a lock left by a dead process is recovered', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-store-'));
    const stateFile = path.join(dir, 'state.json');
    fs.writeFileSync(`${stateFile}.lock`, '999999999:0:0');
    expect(withCloud(stateFile, () => 'ran')).toBe('ran');
  });

  test('a refused request leaves the state as it was, and what came before it is saved', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-store-'));
    const stateFile = path.join(dir, 'state.json');
    expect(() => withCloud(stateFile, (cloud) => {
      cloud.put({ id: '/subscriptions/s/resourceGroups/rg', type: 'Microsoft.Resources/resourceGroups', body: { location: 'westeurope' } });
      cloud.put({ id: '/subscriptions/s/resourceGroups/nope/providers/Microsoft.Storage/storageAccounts/st', type: 'Microsoft.Storage/storageAccounts', body: {} });
    })).toThrow(/could not be found/);
    expect(withCloud(stateFile, (cloud) => cloud.list().map((r) => r.name))).toEqual(['rg']);
  });
});
