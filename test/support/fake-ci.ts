// Runs a CI step's bash in a temporary folder with fake `git`, `curl`, `gh` and review command that record their
// arguments, so the review step's script (from lib/review or from generated pipeline YAML) is tested as it runs.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface FakeStepOptions {
  /** The review command's exit status (it writes `## MLOps review` to mlops-review.md first). */
  readonly reviewExit: number;
  readonly env: Record<string, string>;
  /** The name the step calls the review by: `review-cmd`, or `npx` for the generated YAML. @default review-cmd */
  readonly reviewCommand?: string;
  /** `curl` and `gh` fail (as with a token that may not comment). @default false */
  readonly postFails?: boolean;
}

export interface FakeStepRun {
  readonly status: number;
  /** One line per fake call: `<name> <args>`. */
  readonly calls: string;
  readonly stdout: string;
  /** The Azure DevOps thread `curl` sent, if any. */
  readonly thread?: { status: number; comments: Array<{ content: string }> };
}

export function runFakeStep(script: string, o: FakeStepOptions): FakeStepRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-step-'));
  try {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const log = path.join(dir, 'calls.log');
    fs.writeFileSync(log, '');
    const fake = (name: string, body = '') => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> ${log}\n${body}\n`, { mode: 0o755 });
    const post = o.postFails ? 'exit 22' : '';
    fake('git');
    fake('curl', `cp mlops-review-thread.json thread-sent.json\n${post}`);
    fake('gh', post);
    fake(o.reviewCommand ?? 'review-cmd', `echo '## MLOps review' > mlops-review.md; exit ${o.reviewExit}`);
    let status = 0;
    let stdout = '';
    try {
      stdout = execFileSync('bash', ['-c', script], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...o.env }, stdio: 'pipe' }).toString();
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = String((e as { stdout?: Buffer }).stdout ?? '');
    }
    const sent = path.join(dir, 'thread-sent.json');
    return { status, stdout, calls: fs.readFileSync(log, 'utf8'), thread: fs.existsSync(sent) ? JSON.parse(fs.readFileSync(sent, 'utf8')) : undefined };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The environment of an Azure Pipelines PR run, as the review step reads it. */
export const AZURE_PR_ENV = {
  SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main', SYSTEM_ACCESSTOKEN: 't', SYSTEM_COLLECTIONURI: 'https://dev.azure.com/contoso/',
  SYSTEM_TEAMPROJECT: 'mlops', BUILD_REPOSITORY_ID: 'r1', SYSTEM_PULLREQUEST_PULLREQUESTID: '7',
};

/** The environment of a GitHub Actions pull_request run, as the review step reads it. */
export const GITHUB_PR_ENV = { GITHUB_BASE_REF: 'main', PR_NUMBER: '12', GH_TOKEN: 't' };
