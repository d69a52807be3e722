#!/usr/bin/env node
// The package's command line: `cdktf-azure-mlops review ...` (see lib/review/README.md).
process.exitCode = require('../build/lib/review/cli').main(process.argv.slice(2));
