import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformCommandError, type EmulatedStack, type Plan } from '../../tools/terraform-emulator/src/harness';

/**
 * Test-only helpers for reading `terraform show -json` of a plan and Terraform's failures in the scenario tests.
 */

/** Every planned change as `address: action[/action]` (e.g. `…: delete/create` for a replacement), sorted. */
export function actions(plan: Plan): string[] {
  return (plan.json.resource_changes ?? []).map(c => `${c.address}: ${c.change.actions.join('/')}`).sort();
}

/** The planned changes that do something (not no-op, not a data source read). */
export function changes(plan: Plan): string[] {
  return actions(plan).filter(a => !a.endsWith(': no-op') && !a.endsWith(': read'));
}

/** The address of the one resource whose logical id starts with `prefix` (cdktf appends a hash: `Endpoint_blue_FC1A…`). */
export function addressOf(plan: Plan, type: string, prefix: string): string {
  const found = (plan.json.resource_changes ?? []).filter(c => c.type === type && c.name.startsWith(`${prefix}_`)
    && /^[0-9A-F]{8}$/.test(c.name.slice(prefix.length + 1)));
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}_<hash> in the plan, found ${found.map(c => c.address).join(', ') || 'none'}`);
  return found[0].address;
}

/** The `after` value of one planned change. */
export function after(plan: Plan, address: string): any {
  const change = (plan.json.resource_changes ?? []).find(c => c.address === address);
  if (!change) throw new Error(`${address} is not in the plan`);
  return change.change.after;
}

/**
 * Runs a terraform step that must fail and returns Terraform's message. (TerraformCommandError's `stack` field holds
 * the stack name, so jest would print only that for an unexpected failure; this keeps the message.)
 */
export function failureOf(step: () => unknown): string {
  try {
    step();
  } catch (e) {
    if (e instanceof TerraformCommandError) return e.message;
    throw e;
  }
  throw new Error('the terraform step was expected to fail, and succeeded');
}

/** Runs a terraform step that must succeed; a failure is rethrown with Terraform's message as the error. */
export function succeeds<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof TerraformCommandError) throw new Error(e.message);
    throw e;
  }
}

/** Plans, then applies that saved plan; returns the plan. */
export function planAndApply(stack: EmulatedStack): Plan {
  return succeeds(() => {
    const plan = stack.plan();
    stack.apply(plan);
    return plan;
  });
}

/** Writes a hand-written configuration (a cdk.tf.json object) to a fresh folder, for `stack.configure`. */
export function configFolder(label: string, config: object): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `config-${label}-`));
  fs.writeFileSync(path.join(folder, 'cdk.tf.json'), JSON.stringify(config, null, 2));
  return folder;
}

/** Terraform wraps its diagnostics at 80 columns: the message with every run of whitespace made one space. */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ');
}
