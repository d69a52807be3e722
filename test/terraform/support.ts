import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { TerraformEmulator, terraformVersion } from '../../tools/terraform-emulator/src/harness';

export const REPO = path.resolve(__dirname, '..', '..');

/**
 * The tier needs the terraform binary (1.11 is on every machine of this project). Where it is absent the tier is
 * skipped, and says so loudly rather than passing quietly.
 */
export const TERRAFORM_VERSION = terraformVersion();
if (!TERRAFORM_VERSION) {
  process.stderr.write('\n*** terraform is not on the PATH: the Terraform tier is SKIPPED (nothing was validated, planned or applied). ***\n\n');
}
export const describeWithTerraform = (TERRAFORM_VERSION ? globalThis.describe : globalThis.describe?.skip) as jest.Describe;

/**
 * Every app the tier runs: each example's `examples/<name>/main.ts`, and the test apps that matter (the multi-stack
 * platform app of test/fixtures/apps). Paths are relative to the repository root.
 */
export function tierApps(): string[] {
  const examples = fs
    .readdirSync(path.join(REPO, 'examples'))
    .filter(name => fs.existsSync(path.join(REPO, 'examples', name, 'main.ts')))
    .sort()
    .map(name => `examples/${name}/main.ts`);
  return [...examples, 'test/fixtures/apps/multi-stack.ts'];
}

/**
 * Synthesizes an app as cdktf.json does (`npx tsx --tsconfig tsconfig.dev.json <main>`, from the repository root: the
 * tsconfig's `paths` resolve the examples' `cdktf-azure-mlops` imports to lib/) into a fresh folder.
 */
export function synthScript(main: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `synth-${path.basename(path.dirname(main))}-`));
  execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--tsconfig', path.join(REPO, 'tsconfig.dev.json'), main], {
    cwd: REPO,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return outdir;
}

/** Synthesizes `examples/<name>/main.ts`. */
export function synthExample(name: string): string {
  return synthScript(`examples/${name}/main.ts`);
}

/** Synthesizes an app built in the test into a fresh folder. */
export function synthApp(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-app-'));
  const app = new App({ outdir, skipValidation: false });
  build(app);
  app.synth();
  return outdir;
}

export function newEmulator(label: string): TerraformEmulator {
  return new TerraformEmulator({ workDir: fs.mkdtempSync(path.join(os.tmpdir(), `tf-${label}-`)) });
}
