import { compareManifests } from './compare';
import { renderReviewMarkdown } from './markdown';
import { ReviewResult } from './result';
import { StackManifest } from './schema';
import { readSynthDir } from './synth-dir';

/** Options for `MlopsReview`. */
export interface MlopsReviewOptions {
  /**
   * Hazards acknowledged outside the code, by id, with the reason.
   * @default - only the acknowledgements made in head's code (`ReviewAcknowledgement.acknowledge`)
   */
  readonly acknowledgements?: { [hazardId: string]: string };
}

/**
 * The review of a change: compares the manifests of a base synth (e.g. the target branch) with a head synth (the pull
 * request) and says what the change does — versions, traffic, deployments, stateful resources — with hazards.
 *
 * ```ts
 * const review = MlopsReview.ofSynthDirs('base.out', 'cdktf.out');
 * console.log(MlopsReview.toMarkdown(review));
 * process.exitCode = review.blocking > 0 ? 1 : 0;
 * ```
 */
export class MlopsReview {
  /** Compares the manifests of two synths (every stack of each). */
  public static compare(base: StackManifest[], head: StackManifest[], options: MlopsReviewOptions = {}): ReviewResult {
    return compareManifests(base, head, { acknowledgements: options.acknowledgements });
  }

  /** Compares two synth folders (`cdktf.out`). */
  public static ofSynthDirs(baseDir: string, headDir: string, options: MlopsReviewOptions = {}): ReviewResult {
    return MlopsReview.compare(readSynthDir(baseDir), readSynthDir(headDir), options);
  }

  /** The manifests of a synth folder. */
  public static readSynthDir(dir: string): StackManifest[] {
    return readSynthDir(dir);
  }

  /** The review as Markdown, for a pull request comment. */
  public static toMarkdown(review: ReviewResult): string {
    return renderReviewMarkdown(review);
  }

  private constructor() {}
}
