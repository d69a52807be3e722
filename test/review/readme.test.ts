import * as fs from 'fs';
import { canaryReviewMarkdown, README, readmeFragment } from '../fixtures/review/multi-stack-canary';

test('lib/review/README.md shows the review the code outputs for a canary on the multi-stack app', () => {
  const markdown = canaryReviewMarkdown();
  expect(markdown).toContain('#### Online endpoint `churn-contoso-prod` — canary');
  // Refresh with: npx tsx --tsconfig tsconfig.dev.json test/fixtures/review/multi-stack-canary.ts --write
  expect(fs.readFileSync(README, 'utf8')).toContain(readmeFragment(markdown));
});
