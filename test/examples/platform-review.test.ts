import * as fs from 'fs';
import { platformCanaryReviewMarkdown, README, readmeFragment } from '../fixtures/review/platform-canary';

test('examples/platform/README.md shows the review the code outputs for widening the canary to 50%', () => {
  const markdown = platformCanaryReviewMarkdown();
  expect(markdown).toContain('No blocking hazard.');
  expect(markdown).toContain('| green | mlr-churnplat/churn/2 | 10% → **50%** | 0% |');
  // Refresh with: npx tsx --tsconfig tsconfig.dev.json test/fixtures/review/platform-canary.ts --write
  expect(fs.readFileSync(README, 'utf8')).toContain(readmeFragment(markdown));
});
