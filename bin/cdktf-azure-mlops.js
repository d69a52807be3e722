#!/usr/bin/env node
// The package's command line: `cdktf-azure-mlops review ...` (see lib/review/README.md) and
// `cdktf-azure-mlops yaml check|convert ...` (see lib/yaml/README.md).
// Exit status 2 for anything that is not a review result (usage, input, or a crash), with one line on stderr: a
// pipeline step reads 1 as "blocking hazards", so a crash must not look like one.
const fail = (message) => {
  process.stderr.write(`cdktf-azure-mlops: ${message}\n`);
  process.exit(2);
};
const firstLine = (e) => (e && e.message ? e.message.split('\n')[0] : String(e));
const args = process.argv.slice(2);
const entry = args.find((a) => !a.startsWith('-')) === 'yaml' ? '../build/lib/yaml/cli' : '../build/lib/review/cli';
let cli;
try {
  cli = require(entry);
} catch (e) {
  // Only the library itself missing; a module missing inside it names the library in its require stack only.
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).startsWith(`Cannot find module '${entry}'`)) {
    fail('the compiled library is missing (build/lib); in a clone of the repository, run `npm run build` first');
  }
  fail(`could not load the library: ${firstLine(e)}`);
}
try {
  process.exitCode = cli.main(args);
} catch (e) {
  // The stack is for those who ask for it (DEBUG=cdktf-azure-mlops).
  if ((process.env.DEBUG || '').includes('cdktf-azure-mlops')) process.stderr.write(`${e && e.stack}\n`);
  fail(`unexpected error: ${firstLine(e)}`);
}
