#!/usr/bin/env node
// The package's command line: `cdktf-azure-mlops review ...` (see lib/review/README.md) and
// `cdktf-azure-mlops yaml check|convert ...` (see lib/yaml/README.md).
const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-'));
process.exitCode = command === 'yaml'
  ? require('../build/lib/yaml/cli').main(args)
  : require('../build/lib/review/cli').main(args);
