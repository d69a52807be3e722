/**
 * Tests are TypeScript, transpiled by ts-jest without type-checking (isolatedModules):
 * type errors are caught once by `npm run typecheck`, so each test file loads fast.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.dev.json' }],
  },
  // Synth-heavy suites: two workers match the two cores CI has.
  maxWorkers: 2,
};
