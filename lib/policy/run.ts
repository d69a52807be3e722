import * as fs from 'fs';
import * as path from 'path';
import { ISynthesisSession, TerraformResource, TerraformStack } from 'cdktf';
// cdktf runs a construct's custom synthesis after Aspects and validations, before it writes cdk.tf.json; the hook is
// not re-exported from the package root (cdktf 0.21, lib/synthesize/synthesizer).
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { evaluate, PackRef, policyError } from './evaluate';
import { POLICY_REPORT_JSON, POLICY_REPORT_TABLE, PolicyReport } from './report';

/**
 * The policy packs' state in one stack: which resources each pack visited, and the report of the last synth. Created
 * by the first pack that visits a resource of the stack; at synth it renders the stack once, evaluates, writes the
 * reports beside cdk.tf.json and fails synth on error-level findings.
 */
export class PolicyRun extends Construct {
  public static readonly ID = 'MlopsPolicy';

  public static of(stack: TerraformStack): PolicyRun {
    return (stack.node.tryFindChild(PolicyRun.ID) as PolicyRun | undefined) ?? new PolicyRun(stack);
  }

  public static find(stack: TerraformStack): PolicyRun | undefined {
    return stack.node.tryFindChild(PolicyRun.ID) as PolicyRun | undefined;
  }

  /** The report of the last synth (undefined before it). */
  public lastReport?: PolicyReport;
  private readonly targets = new Map<TerraformResource, PackRef[]>();

  private constructor(private readonly stack: TerraformStack) {
    super(stack, PolicyRun.ID);
    addCustomSynthesis(this, { onSynthesize: (session) => this.synthesize(session) });
  }

  public register(resource: TerraformResource, pack: PackRef): void {
    const packs = this.targets.get(resource);
    if (!packs) this.targets.set(resource, [pack]);
    else if (!packs.some(p => p.name === pack.name)) packs.push(pack);
  }

  private synthesize(session: ISynthesisSession): void {
    const report = evaluate(this.stack, this.renderOnce(), this.targets);
    this.lastReport = report;
    const dir = path.join(session.outdir, session.manifest.forStack(this.stack).workingDirectory);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, POLICY_REPORT_JSON), report.renderJson());
    fs.writeFileSync(path.join(dir, POLICY_REPORT_TABLE), report.renderTable());
    if (report.errors.length > 0) throw policyError(report, path.join(dir, POLICY_REPORT_TABLE));
  }

  /**
   * Renders the stack and hands the same JSON to the synthesizer's own `toTerraform()` call, which follows the custom
   * syntheses in the same synchronous pass (cdktf StackSynthesizer.synthesize), so a synth with policy packs renders
   * the stack once, not twice (the render is most of a large stack's synth time). Nothing changes the constructs in
   * between: Aspects and validations have run. The hand-off expires at the next turn of the event loop, so a synth
   * that fails before writing cdk.tf.json leaves no stale JSON behind.
   */
  private renderOnce(): Record<string, unknown> {
    const stack = this.stack;
    const own = Object.prototype.hasOwnProperty.call(stack, 'toTerraform');
    const render = stack.toTerraform;
    const tf = render.call(stack);
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      if (own) stack.toTerraform = render;
      else delete (stack as { toTerraform?: unknown }).toTerraform;
    };
    stack.toTerraform = () => {
      restore();
      return tf;
    };
    setImmediate(restore);
    return tf;
  }
}
