import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { typeOfId } from '../control-plane/ids';
import type { JsonObject } from '../control-plane/model';
import { withCloud } from '../control-plane/store';
import { installLocalProviders } from './mirror';
import { EmulatedStack, remoteStateKey } from './stack';

export interface TerraformEmulatorOptions {
  /** Where the mirror, the emulated Azure's state and each stack's working directory go. @default - a new temp dir */
  readonly workDir?: string;
  /** @default 'terraform' (on the PATH) */
  readonly terraform?: string;
}

/**
 * Terraform in the loop, offline: the real terraform binary against the local providers, whose applies go to one
 * emulated Azure (a JSON file shared by every stack and every apply of this emulator).
 */
export class TerraformEmulator {
  public readonly workDir: string;
  /** The emulated Azure control plane's state. */
  public readonly cloudFile: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly terraform: string;
  private readonly stacks = new Map<string, EmulatedStack>();

  constructor(options: TerraformEmulatorOptions = {}) {
    this.workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-tf-'));
    fs.mkdirSync(this.workDir, { recursive: true });
    this.terraform = options.terraform ?? 'terraform';
    this.cloudFile = path.join(this.workDir, 'emulated-azure.json');
    const cliConfig = installLocalProviders(this.workDir);
    this.env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      MLOPS_EMULATOR_STATE: this.cloudFile,
      // Derived provider schemas, shared by every emulator on this machine (keyed by versions inside).
      MLOPS_EMULATOR_CACHE: process.env.MLOPS_EMULATOR_CACHE ?? path.join(os.tmpdir(), 'cdktf-azure-mlops-emulator-cache'),
      // One copy of each provider for all stacks, instead of one per `init`.
      TF_PLUGIN_CACHE_DIR: path.join(this.workDir, 'plugin-cache'),
    };
    fs.mkdirSync(this.env.TF_PLUGIN_CACHE_DIR!, { recursive: true });
  }

  /**
   * Declares Azure resources that exist before the first apply: what an app brings by id (an existing workspace,
   * storage account, resource group) instead of creating. Parents come first; each goes through the control
   * plane's rules like any other request.
   */
  assumeExisting(resources: ReadonlyArray<{ readonly id: string; readonly body?: JsonObject }>): void {
    withCloud(this.cloudFile, cloud => {
      for (const r of resources) cloud.put({ id: r.id, type: typeOfId(r.id), body: r.body ?? {} });
    });
  }

  /** The working directory of one stack (created on first use, kept for later applies). */
  stack(name: string): EmulatedStack {
    let s = this.stacks.get(name);
    if (!s) {
      s = new EmulatedStack(name, path.join(this.workDir, 'stacks', name), { terraform: this.terraform, env: this.env });
      this.stacks.set(name, s);
    }
    return s;
  }

  /**
   * Takes a cdktf synth folder (with its manifest.json): configures every stack from it and returns them in
   * dependency order, so that a stack reading another's remote state comes after it.
   */
  load(synthDir: string): EmulatedStack[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(synthDir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { dependencies: string[]; workingDirectory: string; synthesizedStackPath: string }>;
    };
    const order = dependencyOrder(Object.fromEntries(Object.entries(manifest.stacks).map(([n, s]) => [n, s.dependencies])));
    const remoteStates = new Map<string, string>();
    for (const name of order) {
      const info = manifest.stacks[name];
      const config = JSON.parse(fs.readFileSync(path.join(synthDir, info.synthesizedStackPath), 'utf8')) as Record<string, any>;
      for (const [backend, conf] of Object.entries<any>(config.terraform?.backend ?? {})) {
        const resolved = backend === 'local' ? { path: path.resolve(synthDir, info.workingDirectory, conf.path ?? 'terraform.tfstate') } : conf;
        const key = remoteStateKey(backend, resolved);
        if (key) remoteStates.set(key, this.stack(name).stateFile);
      }
    }
    return order.map(name => {
      const s = this.stack(name);
      s.configure(path.join(synthDir, manifest.stacks[name].workingDirectory), remoteStates);
      return s;
    });
  }
}

/** Stacks sorted so that each comes after the stacks it depends on; a cycle is an error naming it. */
export function dependencyOrder(dependencies: Record<string, string[]>): string[] {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, trail: string[]): void => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`stacks depend on each other in a cycle: ${[...trail, name].join(' → ')}`);
    visiting.add(name);
    for (const dep of dependencies[name] ?? []) visit(dep, [...trail, name]);
    visiting.delete(name);
    done.add(name);
    order.push(name);
  };
  for (const name of Object.keys(dependencies).sort()) visit(name, []);
  return order;
}
