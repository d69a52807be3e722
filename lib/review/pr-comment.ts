// The script of the pull-request job's review step, for the generated Azure Pipelines and GitHub Actions YAML: it
// synthesizes the target branch, reviews it against the PR's synth, posts the review on the PR and fails on blocking
// hazards. lib/pipelines embeds it as a `script`/`run` step (see lib/review/README.md, "In the pipelines").

/** Options for the review step's script. */
export interface ReviewStepOptions {
  /** The head synth folder, made by an earlier step of the job. @default cdktf.out */
  readonly headDir?: string;
  /** The folder of the app (where cdktf.json is), relative to the repository root. @default . */
  readonly workingDirectory?: string;
  /** The command that runs the review. @default npx --no-install cdktf-azure-mlops */
  readonly command?: string;
}

function reviewCommand(base: string, o: ReviewStepOptions): string[] {
  const cmd = o.command ?? 'npx --no-install cdktf-azure-mlops';
  return [
    `cd ${shellQuote(o.workingDirectory ?? '.')}`,
    'status=0',
    `${cmd} review --base "${base}" --head ${shellQuote(o.headDir ?? 'cdktf.out')} --out mlops-review.md || status=$?`,
    '# 0: no open blocking hazard; 1: blocking hazards; anything else: the review itself failed',
    'if [ ! -s mlops-review.md ]; then echo "The review produced no report (exit $status)"; [ "$status" = 0 ] && status=2; exit "$status"; fi',
  ];
}

/**
 * A failed post fails the step (with the review's status if it blocks, else 3): otherwise a missing permission would
 * pass the run with nothing on the PR.
 */
const POST_FAILED = 'if [ "$posted" != 0 ]; then echo "Could not post the review on the pull request (exit $posted): Azure Pipelines needs the build service allowed to contribute to pull requests; GitHub Actions needs pull-requests: write"; [ "$status" = 0 ] && status=3; fi';

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Scripts of the review step, one per CI system. */
export class ReviewStepScript {
  /**
   * Azure Pipelines (bash): needs `SYSTEM_ACCESSTOKEN` mapped from `$(System.AccessToken)` in the step's `env`, the
   * build service allowed to contribute to pull requests, and a checkout with the target branch fetchable
   * (`fetchDepth: 0`, or this script's `git fetch`). Posts a new thread on the PR with the review.
   */
  public static azurePipelines(options: ReviewStepOptions = {}): string {
    return [
      'set -uo pipefail',
      'target="${SYSTEM_PULLREQUEST_TARGETBRANCH#refs/heads/}"',
      'git fetch --no-tags origin "+refs/heads/${target}:refs/remotes/origin/${target}"',
      ...reviewCommand('origin/${target}', options),
      // The thread body is JSON; node (already on the agent for the synth) escapes the Markdown.
      // The thread is active (1) while blocking hazards are open, else closed (4).
      'node -e \'const fs=require("fs");fs.writeFileSync("mlops-review-thread.json",JSON.stringify({comments:[{parentCommentId:0,content:fs.readFileSync("mlops-review.md","utf8"),commentType:1}],status:process.argv[1]==="1"?1:4}))\' "$status"',
      'posted=0',
      'curl -sS --fail-with-body -X POST -H "Authorization: Bearer ${SYSTEM_ACCESSTOKEN}" -H "Content-Type: application/json" \\',
      '  --data @mlops-review-thread.json \\',
      '  "${SYSTEM_COLLECTIONURI}${SYSTEM_TEAMPROJECT}/_apis/git/repositories/${BUILD_REPOSITORY_ID}/pullRequests/${SYSTEM_PULLREQUEST_PULLREQUESTID}/threads?api-version=7.1" || posted=$?',
      POST_FAILED,
      'exit "$status"',
      '',
    ].join('\n');
  }

  /**
   * GitHub Actions (bash): needs `GH_TOKEN: ${{ github.token }}` and `PR_NUMBER: ${{ github.event.pull_request.number }}`
   * in the step's `env` and `permissions: pull-requests: write`. Updates the review comment it posted before, else posts one.
   */
  public static githubActions(options: ReviewStepOptions = {}): string {
    return [
      'set -uo pipefail',
      'git fetch --no-tags origin "+refs/heads/${GITHUB_BASE_REF}:refs/remotes/origin/${GITHUB_BASE_REF}"',
      ...reviewCommand('origin/${GITHUB_BASE_REF}', options),
      'posted=0',
      'gh pr comment "$PR_NUMBER" --body-file mlops-review.md --edit-last 2>/dev/null || gh pr comment "$PR_NUMBER" --body-file mlops-review.md || posted=$?',
      POST_FAILED,
      'exit "$status"',
      '',
    ].join('\n');
  }

  private constructor() {}
}
