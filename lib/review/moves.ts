import * as fs from 'fs';
import * as path from 'path';
import { Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Validator } from '../core/validation';

/** The schema identifier of a moves file (`mlops-moves.json`). */
export const MOVES_SCHEMA = 'cdktf-azure-mlops/moves';

/** One declared move: Terraform moves the state at `from` to `to` instead of destroying and creating. */
export interface ResourceMove {
  /** The stack's name (its construct id). */
  readonly stack: string;
  /** The old Terraform address, e.g. `azurerm_storage_account.Workspace_Storage_21DB628F`. */
  readonly from: string;
  /** The new Terraform address. */
  readonly to: string;
}

/**
 * Declares `moved` blocks for refactors, so a renamed or re-nested construct keeps its Azure resources.
 *
 * The review finds the moves (same Azure identity at a new address) and writes them with `--write-moves`; a stack
 * reads the committed file:
 *
 * ```ts
 * MovedResources.fromFile(stack, 'mlops-moves.json');
 * ```
 *
 * Each move becomes `moved { from, to }` in the stack's `cdk.tf.json` (cdktf's `moveFromId` on the resource at `to`).
 */
export class MovedResources implements IAspect {
  /** Reads the moves of `stack` from a moves file (relative paths are from the working directory, where `cdktf synth` runs). */
  public static fromFile(stack: TerraformStack, file: string): void {
    const full = path.resolve(file);
    if (!fs.existsSync(full)) return;
    const parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as { schema?: string; moves?: ResourceMove[] };
    new Validator(stack, `moves file ${file}`).check(parsed.schema === MOVES_SCHEMA && Array.isArray(parsed.moves), () => ({
      subject: 'schema', value: JSON.stringify(parsed.schema), rule: `must be "${MOVES_SCHEMA}" with a "moves" list`,
      fix: 'write the file with `cdktf-azure-mlops review --write-moves`',
    })).throwIfAny();
    for (const m of parsed.moves!.filter(x => x.stack === stack.node.id)) MovedResources.move(stack, m.from, m.to);
  }

  /** Moves the state of `from` (an old address) to the resource of `stack` at address `to`. */
  public static move(stack: TerraformStack, from: string, to: string): void {
    MovedResources.on(stack).moves.set(to, from);
  }

  private static on(stack: TerraformStack): MovedResources {
    const existing = Aspects.of(stack).all.find((a): a is MovedResources => a instanceof MovedResources);
    if (existing) return existing;
    const aspect = new MovedResources(stack);
    Aspects.of(stack).add(aspect);
    return aspect;
  }

  /** to → from */
  private readonly moves = new Map<string, string>();
  private applied = false;

  private constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack || this.applied) return;
    this.applied = true;
    const byAddress = new Map<string, TerraformResource>();
    for (const c of this.stack.node.findAll()) {
      if (TerraformResource.isTerraformResource(c)) byAddress.set(`${c.terraformResourceType}.${c.friendlyUniqueId}`, c);
    }
    const v = new Validator(this.stack, 'moved resources');
    for (const [to, from] of this.moves) {
      const target = byAddress.get(to);
      v.check(target !== undefined, () => ({
        subject: `moves.${from}`, value: to, rule: 'names no resource of the stack',
        fix: 'run the review again with --write-moves, or remove the entry once the move is applied everywhere and the address changed again',
      }));
      v.check(!byAddress.has(from), () => ({
        subject: `moves.${from}`, value: from, rule: 'is still a resource of the stack: Terraform refuses a move from an address in use',
        fix: 'remove the entry',
      }));
      if (target && !byAddress.has(from)) target.moveFromId(from);
    }
    v.throwIfAny();
  }
}
