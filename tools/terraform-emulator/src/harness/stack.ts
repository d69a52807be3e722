import * as fs from 'fs';
import * as path from 'path';
import { runTerraform, TerraformCommandError, type TerraformRun } from './terraform';

/** What `terraform show -json` says of a saved plan (the parts tests read). */
export interface PlanJson {
  readonly resource_changes?: ResourceChange[];
  readonly [key: string]: unknown;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly previous_address?: string;
  readonly change: { readonly actions: string[]; readonly before: unknown; readonly after: unknown; readonly replace_paths?: unknown[] };
}

export interface Plan {
  readonly json: PlanJson;
  /** The human-readable plan, as a reviewer reads it. */
  readonly text: string;
  readonly file: string;
  readonly seconds: number;
}

export interface StackEnvironment {
  readonly terraform: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * One synthesized stack in a working directory of its own, with local state that survives re-synthesis: write a
 * new synth with `configure`, then `plan`/`apply` it against the state of the previous applies.
 */
export class EmulatedStack {
  private requiredProviders = '';

  constructor(public readonly name: string, public readonly dir: string, private readonly environment: StackEnvironment) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** The state file of this stack (local backend). */
  get stateFile(): string {
    return path.join(this.dir, 'terraform.tfstate');
  }

  /**
   * Copies a synthesized stack folder (cdk.tf.json and its assets) in, with the backend replaced by local state
   * here and other stacks' remote state pointed at their local state (`remoteStates`: original path → new path).
   */
  configure(stackFolder: string, remoteStates: ReadonlyMap<string, string> = new Map()): void {
    for (const entry of fs.readdirSync(stackFolder)) {
      if (entry === '.terraform' || entry.startsWith('terraform.') || entry === 'tfplan') continue;
      fs.cpSync(path.join(stackFolder, entry), path.join(this.dir, entry), { recursive: true, force: true });
    }
    const file = path.join(this.dir, 'cdk.tf.json');
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
    config.terraform = { ...config.terraform, backend: { local: { path: this.stateFile } } };
    for (const remote of Object.values<any>(config.data?.terraform_remote_state ?? {})) {
      const key = remoteStateKey(remote.backend, remote.config ?? {});
      const mapped = key ? remoteStates.get(key) : undefined;
      if (mapped) {
        remote.backend = 'local';
        remote.config = { path: mapped };
      }
    }
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
    const providers = JSON.stringify(config.terraform?.required_providers ?? {});
    if (providers !== this.requiredProviders || !fs.existsSync(path.join(this.dir, '.terraform'))) {
      this.run(['init', '-input=false', '-no-color']);
      this.requiredProviders = providers;
    }
  }

  validate(): TerraformRun {
    return this.run(['validate', '-no-color']);
  }

  /** `terraform plan` into a saved plan, and `terraform show -json` of it. */
  plan(options: { destroy?: boolean } = {}): Plan {
    const file = path.join(this.dir, 'tfplan');
    const run = this.run(['plan', '-input=false', '-no-color', '-lock=false', `-out=${file}`, ...(options.destroy ? ['-destroy'] : [])]);
    const show = this.run(['show', '-json', file]);
    return { json: JSON.parse(show.stdout) as PlanJson, text: run.stdout, file, seconds: run.seconds };
  }

  /**
   * What a plan would change, as `address: actions` (empty when nothing): `plan -detailed-exitcode` says whether
   * there is anything, and only then is the plan shown.
   */
  planChanges(): string[] {
    const file = path.join(this.dir, 'tfplan');
    const r = runTerraform(this.environment.terraform, this.dir, ['plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode', `-out=${file}`], this.environment.env);
    if (r.status === 0) return [];
    if (r.status !== 2) throw new TerraformCommandError(this.name, r);
    const json = JSON.parse(this.run(['show', '-json', file]).stdout) as PlanJson;
    return (json.resource_changes ?? [])
      .filter(c => !['no-op', 'read'].includes(c.change.actions.join('/')))
      .map(c => `${c.address}: ${c.change.actions.join('/')}`);
  }

  /** Applies a saved plan, or plans and applies when none is given. */
  apply(plan?: Plan): TerraformRun {
    return this.run(['apply', '-input=false', '-no-color', '-lock=false', '-auto-approve', ...(plan ? [plan.file] : [])]);
  }

  destroy(): TerraformRun {
    return this.run(['destroy', '-input=false', '-no-color', '-lock=false', '-auto-approve']);
  }

  /** `terraform show -json` of the current state. */
  state(): { values?: { root_module?: { resources?: Array<{ address: string; type: string; values: Record<string, unknown> }> } } } {
    return JSON.parse(this.run(['show', '-json']).stdout);
  }

  /** Runs terraform here; a non-zero exit throws a TerraformCommandError naming this stack. */
  run(args: string[]): TerraformRun {
    const r = runTerraform(this.environment.terraform, this.dir, args, this.environment.env);
    if (r.status !== 0) throw new TerraformCommandError(this.name, r);
    return r;
  }
}

/** How a stack's state is addressed by its backend, so another stack's remote-state read can be matched to it. */
export function remoteStateKey(backend: string, config: Record<string, unknown>): string | undefined {
  if (backend === 'local' && typeof config.path === 'string') return `local:${path.resolve(config.path)}`;
  if (backend === 'azurerm') return `azurerm:${config.storage_account_name}/${config.container_name}/${config.key}`;
  return undefined;
}
