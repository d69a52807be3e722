import * as fs from 'node:fs';
import * as path from 'node:path';
import { Cloud, type CloudOptions } from './cloud';
import { canonicalJson } from './json';
import type { JsonObject } from './model';
import { emptyCloudState, type CloudState } from './state';

/** A lock older than this is taken to be left by a crashed process (no request holds it this long). */
const STALE_LOCK_MS = 30_000;
const ACQUIRE_TIMEOUT_MS = 60_000;

/**
 * Runs `fn` on the emulated cloud saved in `stateFile`, holding an exclusive lock across processes (the azapi and
 * azurerm providers of one terraform run, and their parallel operations, share the file). The state is saved
 * atomically (temporary file, then rename) when `fn` changed it, also when `fn` throws after changing it: what
 * Azure accepted before a refusal stays done.
 */
export function withCloud<T>(stateFile: string, fn: (cloud: Cloud) => T, options: CloudOptions = {}): T {
  const release = acquireLock(`${stateFile}.lock`);
  try {
    const state = load(stateFile);
    const before = canonicalJson(state as unknown as JsonObject);
    const cloud = new Cloud(state, options);
    try {
      return fn(cloud);
    } finally {
      if (canonicalJson(state as unknown as JsonObject) !== before) save(stateFile, state);
    }
  } finally {
    release();
  }
}

function load(stateFile: string): CloudState {
  if (!fs.existsSync(stateFile)) return emptyCloudState();
  const text = fs.readFileSync(stateFile, 'utf8');
  return text.trim() === '' ? emptyCloudState() : { ...emptyCloudState(), ...(JSON.parse(text) as CloudState) };
}

function save(stateFile: string, state: CloudState): void {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  const temp = `${stateFile}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(state, null, 1));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, stateFile);
}

/** Takes the lock file with O_EXCL, retrying with capped exponential backoff; returns its release. */
function acquireLock(lockFile: string): () => void {
  const token = `${process.pid}:${Date.now()}:${Math.random()}`;
  const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(lockFile, token, { flag: 'wx' });
      return () => {
        // Only remove the lock if it is still ours (a stale-lock recovery elsewhere may have replaced it).
        try {
          if (fs.readFileSync(lockFile, 'utf8') === token) fs.unlinkSync(lockFile);
        } catch { /* already gone */ }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    removeIfStale(lockFile);
    if (Date.now() > deadline) throw new Error(`Timed out after ${ACQUIRE_TIMEOUT_MS} ms waiting for the emulator state lock ${lockFile}`);
    sleep(Math.min(100, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random()));
  }
}

function removeIfStale(lockFile: string): void {
  try {
    const holder = Number(fs.readFileSync(lockFile, 'utf8').split(':')[0]);
    const age = Date.now() - fs.statSync(lockFile).mtimeMs;
    if (age > STALE_LOCK_MS || (Number.isInteger(holder) && holder > 0 && !isAlive(holder))) fs.unlinkSync(lockFile);
  } catch { /* released meanwhile, or half-written: try again */ }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
