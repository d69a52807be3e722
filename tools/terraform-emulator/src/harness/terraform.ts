import { spawnSync } from 'child_process';

/** One run of the terraform binary. */
export interface TerraformRun {
  readonly args: readonly string[];
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** Terraform failed: the message names the stack and the command, and quotes Terraform's own diagnostics. */
export class TerraformCommandError extends Error {
  constructor(public readonly stackName: string, public readonly run: TerraformRun) {
    super(`terraform ${run.args[0]} failed for stack '${stackName}' (exit ${run.status}):\n${(run.stderr || run.stdout).trim()}`);
    this.name = 'TerraformCommandError';
  }
}

/** Whether a `terraform` binary is on the PATH (the tier is skipped, loudly, where it is not). */
export function terraformVersion(binary = 'terraform'): string | undefined {
  const r = spawnSync(binary, ['version', '-json'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  if (r.status !== 0) return undefined;
  try {
    return (JSON.parse(r.stdout) as { terraform_version: string }).terraform_version;
  } catch {
    return undefined;
  }
}

export function runTerraform(binary: string, cwd: string, args: string[], env: NodeJS.ProcessEnv): TerraformRun {
  const start = process.hrtime.bigint();
  const r = spawnSync(binary, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  return { args, status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr, seconds };
}
