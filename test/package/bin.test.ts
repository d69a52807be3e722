// The bin's own failure modes (bin/cdktf-azure-mlops.js), apart from the review's: exit status 2 and one line on
// stderr whatever goes wrong, since a pipeline step reads 1 as "blocking hazards". Run from a copy of the bin beside a
// stand-in build folder, so each case is real and cheap.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../support/readme';

function packageWith(cli: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-bin-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(REPO_ROOT, 'bin', 'cdktf-azure-mlops.js'), path.join(dir, 'bin', 'cdktf-azure-mlops.js'));
  if (cli !== undefined) {
    fs.mkdirSync(path.join(dir, 'build', 'lib', 'review'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'build', 'lib', 'review', 'cli.js'), cli);
  }
  return dir;
}

function runBin(dir: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'cdktf-azure-mlops.js'), 'review', '--base', 'x'], {
    encoding: 'utf8', env: { ...process.env, DEBUG: '', ...env },
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

test('without the compiled library (a clone before `npm run build`), it says so in one line and exits 2', () => {
  const r = runBin(packageWith(undefined));
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('cdktf-azure-mlops: the compiled library is missing (build/lib); in a clone of the repository, run `npm run build` first\n');
});

test('when the library throws, it prints one line and exits 2, not 1', () => {
  const r = runBin(packageWith("exports.main = () => { throw new TypeError('boom\\n  at somewhere'); };"));
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('cdktf-azure-mlops: unexpected error: boom\n');
});

test('when the library cannot load (it throws while loading), it prints one line and exits 2', () => {
  const r = runBin(packageWith("require('a-module-that-is-not-installed');"));
  expect(r.status).toBe(2);
  expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.stderr).toMatch(/^cdktf-azure-mlops: could not load the library: Cannot find module 'a-module-that-is-not-installed'/);
});

test('the review\'s own exit status passes through', () => {
  expect(runBin(packageWith('exports.main = () => 1;')).status).toBe(1);
  expect(runBin(packageWith('exports.main = () => 0;')).status).toBe(0);
});

test('DEBUG=cdktf-azure-mlops adds the stack for those who ask', () => {
  const r = runBin(packageWith("exports.main = () => { throw new Error('boom'); };"), { DEBUG: 'cdktf-azure-mlops' });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^Error: boom\n\s+at /);
});
