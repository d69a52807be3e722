/**
 * The Terraform tier: every stack of every example through the real `terraform` binary (init, validate, plan and an
 * emulated apply) against the local providers of tools/terraform-emulator. `npm run test:terraform` builds those
 * providers first.
 */
const base = require('./jest.config');
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  roots: ['<rootDir>/test/terraform'],
  // Each test drives terraform processes, which start providers of their own: one worker per core.
  maxWorkers: 2,
  testTimeout: 300000,
};
