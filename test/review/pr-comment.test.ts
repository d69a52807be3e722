import { ReviewStepScript } from '../../lib/review/pr-comment';
import { AZURE_PR_ENV, GITHUB_PR_ENV, runFakeStep } from '../support/fake-ci';

const runStep = (script: string, reviewExit: number, env: Record<string, string>, postFails = false) =>
  runFakeStep(script, { reviewExit, env, postFails });

describe('the PR job\'s review step', () => {
  const ado = AZURE_PR_ENV;

  test('Azure Pipelines: reviews against the target branch, posts a PR thread, and fails on blocking hazards', () => {
    const script = ReviewStepScript.azurePipelines({ command: 'review-cmd' });
    const r = runStep(script, 1, ado);
    expect(r.status).toBe(1);
    expect(r.calls).toContain('git fetch --no-tags origin +refs/heads/main:refs/remotes/origin/main');
    expect(r.calls).toContain('review-cmd review --base origin/main --head cdktf.out --out mlops-review.md');
    expect(r.calls).toContain('https://dev.azure.com/contoso/mlops/_apis/git/repositories/r1/pullRequests/7/threads?api-version=7.1');
    expect(r.calls).toContain('Authorization: Bearer t');
  });

  test('Azure Pipelines: the thread carries the Markdown, and is closed when nothing blocks', () => {
    const passed = runStep(ReviewStepScript.azurePipelines({ command: 'review-cmd' }), 0, ado);
    expect(passed.status).toBe(0);
    expect(passed.thread).toEqual({ comments: [{ parentCommentId: 0, content: '## MLOps review\n', commentType: 1 }], status: 4 });
    expect(runStep(ReviewStepScript.azurePipelines({ command: 'review-cmd' }), 1, ado).thread?.status).toBe(1);
  });

  test('GitHub Actions: comments on the PR and exits with the review\'s status', () => {
    const r = runStep(ReviewStepScript.githubActions({ command: 'review-cmd', headDir: 'out dir' }), 1, GITHUB_PR_ENV);
    expect(r.status).toBe(1);
    expect(r.calls).toContain("review-cmd review --base origin/main --head out dir --out mlops-review.md");
    expect(r.calls).toContain('gh pr comment 12 --body-file mlops-review.md --edit-last');
    expect(runStep(ReviewStepScript.githubActions({ command: 'review-cmd' }), 0, GITHUB_PR_ENV).status).toBe(0);
  });

  test('a review that fails without a report fails the step without posting', () => {
    const script = ReviewStepScript.githubActions({ command: 'false' });
    const r = runStep(script, 0, GITHUB_PR_ENV);
    expect(r.status).toBe(1);
    expect(r.calls).not.toContain('gh pr comment');
  });

  test('a post that fails (no right to comment) fails the step, even when nothing blocks', () => {
    const ado = runStep(ReviewStepScript.azurePipelines({ command: 'review-cmd' }), 0, AZURE_PR_ENV, true);
    expect(ado.status).toBe(3);
    expect(ado.stdout).toContain('Could not post the review on the pull request');
    expect(runStep(ReviewStepScript.azurePipelines({ command: 'review-cmd' }), 1, AZURE_PR_ENV, true).status).toBe(1);
    expect(runStep(ReviewStepScript.githubActions({ command: 'review-cmd' }), 0, GITHUB_PR_ENV, true).status).toBe(3);
  });
});
