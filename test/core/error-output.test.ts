import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { debugRequested, shortErrorText } from '../../lib/core/error-output';
import { MlopsValidationError } from '../../lib/core/errors';

const ROOT = path.resolve(__dirname, '../..');
const APP = path.join(ROOT, 'test/fixtures/errors/broken-app.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Runs the broken app as cdktf-cli does (CDKTF_OUTDIR set), returning its exit code and stderr lines. */
function runApp(env: { [key: string]: string }): { status: number | null; lines: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-err-'));
  const { MLOPS_DEBUG: _debug, ...base } = process.env;
  const r = spawnSync(TSX, [APP], { cwd: ROOT, env: { ...base, CDKTF_OUTDIR: outdir, ...env }, encoding: 'utf8', timeout: 60_000 });
  fs.rmSync(outdir, { recursive: true, force: true });
  return { status: r.status, lines: r.stderr.split('\n').filter(l => l.trim() !== '') };
}

describe('errors under cdktf synth', () => {
  test('one problem prints as its message and one hint line: no source excerpt, stack trace or property dump', () => {
    const { status, lines } = runApp({});
    expect(status).toBe(1);
    expect(lines).toEqual([
      "MlopsValidationError: Invalid props for Workspace for 'broken/Workspace': softDeleteRetentionDays (value: 0) must be between 1 and 365. Fix: use a value between 1 and 365",
      'Set MLOPS_DEBUG=1 for the stack trace.',
    ]);
  }, 60_000);

  test('MLOPS_DEBUG=1 gives Node\'s own output, with the stack trace, and still no property dump', () => {
    const { status, lines } = runApp({ MLOPS_DEBUG: '1' });
    expect(status).toBe(1);
    expect(lines.some(l => /^\s+at new Workspace /.test(l))).toBe(true);
    expect(lines.some(l => /problems:|constructPath:/.test(l))).toBe(false);
  }, 60_000);

  test('the library\'s errors and cdktf\'s validation failures are shortened; other errors are not', () => {
    expect(shortErrorText(new MlopsValidationError('a/b', 'props', [{ subject: 's', value: '1', rule: 'is bad', fix: 'fix it' }])))
      .toBe("MlopsValidationError: Invalid props for 'a/b': s (value: 1) is bad. Fix: fix it");
    expect(shortErrorText(new Error('Validation failed with the following errors:\n  [a] x'))).toBe('Error: Validation failed with the following errors:\n  [a] x');
    expect(shortErrorText(new TypeError('x is undefined'))).toBeUndefined();
    expect(shortErrorText('a string')).toBeUndefined();
  });

  test('MLOPS_DEBUG is on for 1/true/yes, off when unset, empty, 0 or false', () => {
    expect(['1', 'true', 'yes'].map(v => debugRequested({ MLOPS_DEBUG: v }))).toEqual([true, true, true]);
    expect([undefined, '', '0', 'false'].map(v => debugRequested({ MLOPS_DEBUG: v }))).toEqual([false, false, false, false]);
  });

  test('the problems stay readable on the error, but are not enumerable (so Node does not print them again)', () => {
    const e = new MlopsValidationError('a/b', 'props', [{ subject: 's', value: '1', rule: 'is bad', fix: 'fix it' }]);
    expect(e.problems).toHaveLength(1);
    expect(e.constructPath).toBe('a/b');
    expect(Object.keys(e)).not.toContain('problems');
  });
});
