/**
 * Tests are TypeScript, transpiled by ts-jest without type-checking (isolatedModules):
 * type errors are caught once by `npx tsc -p tsconfig.dev.json --noEmit`, so each test file loads fast.
 * The Terraform tier (test/terraform, real terraform binary against the local providers) runs apart:
 * `npm run test:terraform`, with jest.terraform.config.js.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/terraform/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The examples import the package by name, as a user's app does; in this repository the name is lib/ (the same
  // mapping as tsconfig.dev.json's `paths`). jest.terraform.config.js inherits it.
  moduleNameMapper: {
    '^cdktf-azure-mlops$': '<rootDir>/lib/index.ts',
    '^cdktf-azure-mlops/lib/(.*)$': '<rootDir>/lib/$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.dev.json' }],
  },
  // Synth-heavy suites: two workers match the two cores CI has.
  maxWorkers: 2,
};
