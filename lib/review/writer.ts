import * as fs from 'fs';
import * as path from 'path';
import { IStackSynthesizer, ISynthesisSession, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Validator } from '../core/validation';
import { buildStackManifest } from './manifest';
import { MANIFEST_FILE_NAME, ManifestAcknowledgement } from './schema';

const HAZARD_ID = /^[a-z][a-z-]*:[^:\s]*:\S+$/;

/**
 * Blocking hazards acknowledged in a stack's code, so the acknowledgement is part of the pull request's diff and its
 * reason lands in the stack's manifest, where the review reads it.
 *
 * ```ts
 * ReviewAcknowledgement.acknowledge(prod, 'live-deployment-removed:prod:churn-prod/green', 'green never took real traffic: the canary was aborted');
 * ```
 */
export class ReviewAcknowledgement extends Construct {
  /** The construct id under the stack. */
  public static readonly ID = 'MlopsReviewAcknowledgements';

  /**
   * Acknowledges the hazard `hazardId` (as the review printed it) with a reason a reviewer can judge.
   * Acknowledgements that match no hazard are reported as stale (info), to be removed after the merge.
   */
  public static acknowledge(scope: IConstruct, hazardId: string, reason: string): void {
    const stack = TerraformStack.of(scope);
    const v = new Validator(stack, 'hazard acknowledgement');
    v.check(HAZARD_ID.test(hazardId), () => ({
      subject: 'hazardId', value: JSON.stringify(hazardId), rule: 'must be a hazard id as the review prints it, `<rule>:<stack>:<subject>`',
      fix: 'copy the id from the review\'s Hazards table',
    }));
    v.check(reason.trim().length >= 10, () => ({
      subject: 'reason', value: JSON.stringify(reason), rule: 'must say, in at least 10 characters, why the hazard is safe to accept',
      fix: 'write the reason a reviewer needs to approve it',
    }));
    v.throwIfAny();
    const holder = (stack.node.tryFindChild(ReviewAcknowledgement.ID) as ReviewAcknowledgement | undefined)
      ?? new ReviewAcknowledgement(stack, ReviewAcknowledgement.ID);
    holder.entries.set(hazardId, reason.trim());
  }

  /** The acknowledgements made in `stack`. */
  public static of(stack: TerraformStack): ManifestAcknowledgement[] {
    const holder = stack.node.tryFindChild(ReviewAcknowledgement.ID) as ReviewAcknowledgement | undefined;
    return holder ? [...holder.entries].map(([hazard, reason]) => ({ hazard, reason })) : [];
  }

  private readonly entries = new Map<string, string>();

  private constructor(scope: TerraformStack, id: string) {
    super(scope, id);
  }
}

/** Writes `mlops-manifest.json` beside each stack's `cdk.tf.json` at every synth. */
export class ReviewManifest {
  /**
   * Makes every synth of `stack` write its manifest (`MlopsProviders.configure` does this for each stack). Idempotent.
   * The manifest is built from the Terraform JSON the synth just rendered: no second render.
   */
  public static writeOnSynth(stack: TerraformStack): void {
    if (stack.synthesizer instanceof ManifestSynthesizer) return;
    stack.synthesizer = new ManifestSynthesizer(stack, stack.synthesizer);
  }

  private constructor() {}
}

/** Runs the stack's own synthesizer, then writes the manifest from the JSON it rendered. */
class ManifestSynthesizer implements IStackSynthesizer {
  private rendered: unknown;
  private readonly render: () => unknown;

  constructor(private readonly stack: TerraformStack, private readonly inner: IStackSynthesizer) {
    this.render = stack.toTerraform.bind(stack);
    stack.toTerraform = () => (this.rendered = this.render());
  }

  public synthesize(session: ISynthesisSession): void {
    this.rendered = undefined;
    this.inner.synthesize(session);
    // With HCL output the JSON was not rendered; render it once for the manifest.
    const tf = this.rendered ?? this.render();
    const dir = path.join(session.outdir, session.manifest.forStack(this.stack).workingDirectory);
    const manifest = buildStackManifest(this.stack.node.id, tf as Record<string, unknown>, { acknowledgements: ReviewAcknowledgement.of(this.stack) });
    fs.writeFileSync(path.join(dir, MANIFEST_FILE_NAME), JSON.stringify(manifest, null, 2) + '\n');
  }
}
