#!/usr/bin/env node
/**
 * npm run build:emulator — compiles tools/terraform-emulator (and the library's Azure type validator it uses) into
 * build/terraform-emulator, with the data files they read beside them: the protocol definitions and the vendored
 * Azure resource types.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build', 'terraform-emulator');
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tools/terraform-emulator/tsconfig.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
fs.cpSync(path.join(root, 'tools/terraform-emulator/proto'), path.join(out, 'tools/terraform-emulator/proto'), { recursive: true });
fs.cpSync(path.join(root, 'lib/validation/azure-types'), path.join(out, 'lib/validation/azure-types'), { recursive: true });
