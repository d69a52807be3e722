import { execFileSync, execSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildStackManifest } from './manifest';
import { MANIFEST_FILE_NAME, MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSION, StackManifest } from './schema';

/**
 * The manifests of every stack in a synth folder (`cdktf.out`, or the folder holding `stacks/`), built from each
 * stack's `cdk.tf.json` by this version of the library (so a base written by an older one compares like for like),
 * with the acknowledgements of its `mlops-manifest.json` (absent in a synth made before manifests existed).
 */
export function readSynthDir(dir: string): StackManifest[] {
  const stacksDir = fs.existsSync(path.join(dir, 'stacks')) ? path.join(dir, 'stacks') : dir;
  if (!fs.existsSync(stacksDir)) throw new Error(`No synth at ${dir}: expected ${path.join(dir, 'stacks')}/<stack>/cdk.tf.json`);
  const out: StackManifest[] = [];
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const manifestFile = path.join(stacksDir, stack, MANIFEST_FILE_NAME);
    const tfFile = path.join(stacksDir, stack, 'cdk.tf.json');
    if (!fs.existsSync(tfFile)) continue;
    // Both sides are rebuilt from cdk.tf.json by this version of the library, so a base written by an older version
    // is compared like for like; the written manifest contributes what the JSON lacks (acknowledgements in code).
    let acknowledgements: StackManifest['acknowledgements'] = [];
    if (fs.existsSync(manifestFile)) {
      const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as StackManifest;
      if (m.schema !== MANIFEST_SCHEMA || m.schemaVersion > MANIFEST_SCHEMA_VERSION) {
        throw new Error(`${manifestFile}: schema ${m.schema} v${m.schemaVersion} is not one this version reads (${MANIFEST_SCHEMA} v${MANIFEST_SCHEMA_VERSION}); upgrade cdktf-azure-mlops`);
      }
      acknowledgements = m.acknowledgements ?? [];
    }
    out.push(buildStackManifest(stack, JSON.parse(fs.readFileSync(tfFile, 'utf8')), { acknowledgements }));
  }
  // An empty folder is a synth that did not happen (a broken base step), not an app without stacks: comparing with it
  // would show every stack as new and block nothing.
  if (out.length === 0) throw new Error(`No synth at ${dir}: no ${path.join(stacksDir, '<stack>', 'cdk.tf.json')} in it; run cdktf synth there first`);
  return out;
}

/** Options for synthesizing a git ref. */
export interface SynthGitRefOptions {
  /** The repository. @default - the working directory */
  readonly repo?: string;
  /** The app command. @default - `app` of the ref's own cdktf.json */
  readonly app?: string;
}

/** Runs git and returns its trimmed stdout; on failure throws `problem` with git's own message, not git's stderr on ours. */
function git(args: string[], cwd: string, problem: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    const said = String((e as { stderr?: string }).stderr ?? '').trim();
    throw new Error(said ? `${problem} (git: ${said})` : problem);
  }
}

/**
 * Synthesizes the tree of a git ref (e.g. the pull request's target branch) in a temporary worktree, with the app
 * command of that tree's cdktf.json, and returns the manifests. The worktree borrows the repository's node_modules.
 */
export function synthGitRef(ref: string, options: SynthGitRefOptions = {}): StackManifest[] {
  const repo = path.resolve(options.repo ?? process.cwd());
  const top = git(['rev-parse', '--show-toplevel'], repo, `${repo} is not inside a git repository`);
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], repo,
    `${ref} is not a commit of ${top}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-review-base-'));
  const tree = path.join(tmp, 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', tree, commit], { cwd: top, stdio: 'ignore' });
  try {
    const rel = path.relative(top, repo);
    const appDir = path.join(tree, rel);
    const nodeModules = path.join(repo, 'node_modules');
    if (fs.existsSync(nodeModules) && !fs.existsSync(path.join(appDir, 'node_modules'))) {
      fs.symlinkSync(fs.realpathSync(nodeModules), path.join(appDir, 'node_modules'), 'dir');
    }
    const app = options.app ?? (JSON.parse(fs.readFileSync(path.join(appDir, 'cdktf.json'), 'utf8')) as { app: string }).app;
    const outdir = path.join(tmp, 'cdktf.out');
    execSync(app, { cwd: appDir, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: ['ignore', 'ignore', 'inherit'] });
    return readSynthDir(outdir);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: top, stdio: 'ignore' });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
