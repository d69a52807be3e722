import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReviewStepScript } from '../../lib/review/pr-comment';

/** Runs a step script in a folder with fake `git`, review command, `curl` and `gh` that record their arguments. */
function runStep(script: string, reviewExit: number, env: Record<string, string>): { status: number; calls: string; thread?: { status: number; comments: Array<{ content: string }> } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-step-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const log = path.join(dir, 'calls.log');
  const fake = (name: string, body = '') => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> ${log}\n${body}\n`, { mode: 0o755 });
  fake('git');
  fake('curl', 'cp mlops-review-thread.json thread-sent.json');
  fake('gh');
  fake('review-cmd', `echo '## MLOps review' > mlops-review.md; exit ${reviewExit}`);
  let status = 0;
  try {
    execFileSync('bash', ['-c', script], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env }, stdio: 'pipe' });
  } catch (e) {
    status = (e as { status: number }).status;
  }
  const sent = path.join(dir, 'thread-sent.json');
  return { status, calls: fs.readFileSync(log, 'utf8'), thread: fs.existsSync(sent) ? JSON.parse(fs.readFileSync(sent, 'utf8')) : undefined };
}

describe('the PR job\'s review step', () => {
  const ado = { SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main', SYSTEM_ACCESSTOKEN: 't', SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/', SYSTEM_TEAMPROJECT: 'mlops', BUILD_REPOSITORY_ID: 'r1', SYSTEM_PULLREQUEST_PULLREQUESTID: '7' };

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
    const r = runStep(ReviewStepScript.githubActions({ command: 'review-cmd', headDir: 'out dir' }), 1, { GITHUB_BASE_REF: 'main', PR_NUMBER: '12' });
    expect(r.status).toBe(1);
    expect(r.calls).toContain("review-cmd review --base origin/main --head out dir --out mlops-review.md");
    expect(r.calls).toContain('gh pr comment 12 --body-file mlops-review.md --edit-last');
    expect(runStep(ReviewStepScript.githubActions({ command: 'review-cmd' }), 0, { GITHUB_BASE_REF: 'main', PR_NUMBER: '12' }).status).toBe(0);
  });

  test('a review that fails without a report fails the step without posting', () => {
    const script = ReviewStepScript.githubActions({ command: 'false' });
    const r = runStep(script, 0, { GITHUB_BASE_REF: 'main', PR_NUMBER: '12' });
    expect(r.status).toBe(1);
    expect(r.calls).not.toContain('gh pr comment');
  });
});
