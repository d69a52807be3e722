// The pull-request job of the generated pipelines reviews the change, posts it on the PR, and fails on blocking
// hazards. Read from the committed example files (which example.test.ts keeps equal to what the code generates), and
// each step's script is run as written in the YAML, with fake git, npx, curl and gh.
import * as fs from 'fs';
import * as path from 'path';
import { AZURE_PR_ENV, GITHUB_PR_ENV, runFakeStep } from '../support/fake-ci';
import { parseYaml } from './schema-validators';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const REVIEW_STEP = 'Review the change and post it on the pull request';

describe.each(['devops', 'platform'])('examples/%s: the pull-request job', example => {
  const azureText = fs.readFileSync(path.join(EXAMPLES, example, 'pipelines', 'azure-pipelines.yml'), 'utf8');
  const gitHubText = fs.readFileSync(path.join(EXAMPLES, example, '.github', 'workflows', 'mlops.yml'), 'utf8');
  const azureSteps: any[] = parseYaml(azureText).stages.find((s: any) => s.stage === 'Build').jobs[0].steps;
  const gitHubBuild = parseYaml(gitHubText).jobs.build;
  const azureReview = azureSteps.find(s => s.displayName === REVIEW_STEP);
  const gitHubReview = gitHubBuild.steps.find((s: any) => s.name === REVIEW_STEP);

  test('no longer diffs two synths', () => {
    expect(azureText).not.toContain('diff -ru');
    expect(gitHubText).not.toContain('diff -ru');
  });

  test('Azure Pipelines: after the synth, on pull requests only, a bash step reviews with the system access token and full history', () => {
    expect(azureSteps[0]).toMatchObject({ checkout: 'self', fetchDepth: '0' });
    expect(azureSteps.findIndex(s => s.displayName === REVIEW_STEP)).toBeGreaterThan(azureSteps.findIndex(s => s.script === 'npx cdktf synth'));
    expect(azureReview.condition).toBe("and(succeeded(), eq(variables['Build.Reason'], 'PullRequest'))");
    expect(azureReview.env).toEqual({ SYSTEM_ACCESSTOKEN: '$(System.AccessToken)' });
    expect(azureReview.bash).toContain('cdktf-azure-mlops review --base "origin/${target}" --head cdktf.out --out mlops-review.md');
  });

  test('Azure Pipelines: the step posts a PR thread and its exit status is the review\'s', () => {
    const blocked = runFakeStep(azureReview.bash, { reviewExit: 1, env: AZURE_PR_ENV, reviewCommand: 'npx' });
    expect(blocked.status).toBe(1);
    expect(blocked.calls).toContain('npx --no-install cdktf-azure-mlops review --base origin/main --head cdktf.out --out mlops-review.md');
    expect(blocked.calls).toContain('/pullRequests/7/threads?api-version=7.1');
    expect(blocked.thread).toMatchObject({ status: 1, comments: [{ content: '## MLOps review\n' }] });
    expect(runFakeStep(azureReview.bash, { reviewExit: 0, env: AZURE_PR_ENV, reviewCommand: 'npx' }).status).toBe(0);
  });

  test('GitHub Actions: the build job may comment on PRs, checks out full history, and reviews on pull requests only', () => {
    expect(gitHubBuild.permissions).toEqual({ 'contents': 'read', 'pull-requests': 'write' });
    expect(gitHubBuild.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(gitHubReview.if).toBe("github.event_name == 'pull_request'");
    expect(gitHubReview.env).toEqual({ GH_TOKEN: '${{ github.token }}', PR_NUMBER: '${{ github.event.pull_request.number }}' });
  });

  test('GitHub Actions: the step comments on the PR and its exit status is the review\'s', () => {
    const blocked = runFakeStep(gitHubReview.run, { reviewExit: 1, env: GITHUB_PR_ENV, reviewCommand: 'npx' });
    expect(blocked.status).toBe(1);
    expect(blocked.calls).toContain('npx --no-install cdktf-azure-mlops review --base origin/main --head cdktf.out --out mlops-review.md');
    expect(blocked.calls).toContain('gh pr comment 12 --body-file mlops-review.md');
    expect(runFakeStep(gitHubReview.run, { reviewExit: 0, env: GITHUB_PR_ENV, reviewCommand: 'npx' }).status).toBe(0);
  });
});
