import * as fs from 'fs';
import { inspect } from 'util';

/**
 * Short errors under `cdktf synth`.
 *
 * cdktf-cli runs the app as a child process and prints the child's stderr twice: each chunk as it arrives (its
 * `[ERROR] default -` log lines) and all of it again after "Command output on stderr:" (@cdktf/commons `exec`,
 * @cdktf/cli-core `synth-stack`). What Node writes there for an uncaught error is a source excerpt of the throw site,
 * `util.inspect(error)` (the stack trace and every own property) and its version: about 27 lines for one problem,
 * so 55 on screen. The library cannot change cdktf's echo, but it decides what the app writes.
 *
 * So, in an app started by the cdktf CLI (it sets `CDKTF_OUTDIR`), a library error (and cdktf's own "Validation
 * failed" error, which lists the messages of `node.addValidation` checks) is written as its message alone, and the
 * process exits with 1. Any other error is written as Node writes it (`util.inspect`) and exits with 1 too.
 * `MLOPS_DEBUG=1` turns this off: Node's default output, with the stack trace, for every error.
 *
 * Installed once per process, when this module is first loaded; a no-op outside the cdktf CLI (tests, a plain
 * `node main.js`), where callers see the error object as thrown.
 */
const INSTALLED = Symbol.for('cdktf-azure-mlops.short-error-output');

/** Whether the full error (stack trace included) was asked for. */
export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.MLOPS_DEBUG;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

/** The text to print for `error`, or undefined when it is not an error of this library's vocabulary. */
export function shortErrorText(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'MlopsValidationError') return `${error.name}: ${error.message}`;
  if (error.message.startsWith('Validation failed with the following errors:')) return `Error: ${error.message}`;
  return undefined;
}

export function installShortErrorOutput(): void {
  const holder = globalThis as { [INSTALLED]?: boolean };
  if (holder[INSTALLED] || !process.env.CDKTF_OUTDIR || debugRequested()) return;
  holder[INSTALLED] = true;
  process.on('uncaughtException', (error: unknown) => {
    const text = shortErrorText(error) ?? inspect(error);
    // Synchronous: the process exits right after.
    fs.writeSync(2, `${text}\n${shortErrorText(error) ? 'Set MLOPS_DEBUG=1 for the stack trace.\n' : ''}`);
    process.exit(1);
  });
}
