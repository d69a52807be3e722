import { IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { ModelStage } from '../assets/asset-refs';
import { Problem } from '../core/errors';
import { DeploymentModelConfig } from './deployment-model';
import { checkArgs, S } from '../core/shape';

/** A bound a model version's metric must meet to take traffic, e.g. `MetricThreshold.atLeast('auc', 0.85)`. */
export class MetricThreshold {
  /** The metric must be `value` or more. */
  public static atLeast(metric: string, value: number): MetricThreshold {
    checkArgs('MetricThreshold.atLeast', { metric, value }, { metric: S.string('"auc"').req, value: S.number('0.9').req });
    return new MetricThreshold(metric, value, true);
  }

  /** The metric must be `value` or less. */
  public static atMost(metric: string, value: number): MetricThreshold {
    checkArgs('MetricThreshold.atMost', { metric, value }, { metric: S.string('"latency_ms"').req, value: S.number('200').req });
    return new MetricThreshold(metric, value, false);
  }

  private constructor(public readonly metric: string, public readonly value: number, private readonly atLeast: boolean) {}

  /** Whether `actual` meets the bound. */
  public isMetBy(actual: number): boolean {
    return this.atLeast ? actual >= this.value : actual <= this.value;
  }

  /** `auc >= 0.85` */
  public toString(): string {
    return `${this.metric} ${this.atLeast ? '>=' : '<='} ${this.value}`;
  }
}

/**
 * A metric on which a new version must be no worse than the version taking most of the endpoint's traffic.
 */
export class MetricComparison {
  /** Larger is better (AUC, accuracy, F1): the candidate's value must be at least the incumbent's minus `tolerance`. */
  public static higherIsBetter(metric: string, tolerance: number = 0): MetricComparison {
    checkArgs('MetricComparison.higherIsBetter', { metric, tolerance }, { metric: S.string('"auc"').req, tolerance: S.number('0.01') });
    return new MetricComparison(metric, true, tolerance);
  }

  /** Smaller is better (latency, error rate): the candidate's value must be at most the incumbent's plus `tolerance`. */
  public static lowerIsBetter(metric: string, tolerance: number = 0): MetricComparison {
    checkArgs('MetricComparison.lowerIsBetter', { metric, tolerance }, { metric: S.string('"latency_ms"').req, tolerance: S.number('10') });
    return new MetricComparison(metric, false, tolerance);
  }

  private constructor(public readonly metric: string, public readonly prefersHigher: boolean, public readonly tolerance: number) {}

  /** Whether `candidate` is no worse than `incumbent`. */
  public isNoWorse(candidate: number, incumbent: number): boolean {
    return this.prefersHigher ? candidate >= incumbent - this.tolerance : candidate <= incumbent + this.tolerance;
  }
}

/** What a deployment must meet to take live traffic. */
export interface PromotionPolicyProps {
  /** The model version's stage must be this or later (Archived never passes). @default - any stage */
  readonly minimumStage?: ModelStage;
  /** Metric bounds every live version must meet. @default - none */
  readonly thresholds?: MetricThreshold[];
  /**
   * Metrics on which every other live version must be no worse than the incumbent: the version taking most of the
   * endpoint's traffic in this synth (on a tie, the deployment added first).
   * @default - none
   */
  readonly noWorseThanIncumbent?: MetricComparison[];
}

/** A live deployment as a policy sees it. @internal */
export interface LiveDeployment {
  readonly name: string;
  readonly weight: number;
  readonly model: DeploymentModelConfig;
}

/**
 * A promotion gate: a deployment that takes live traffic must serve a version that meets it. Mirror (shadow) traffic
 * is not gated — that is how a candidate earns its numbers. A violation fails synth, with the candidate's and the
 * incumbent's numbers side by side.
 *
 * ```ts
 * new OnlineEndpoint(this, 'churn', { workspace, promotionPolicy: new PromotionPolicy({
 *   minimumStage: ModelStage.STAGING,
 *   thresholds: [MetricThreshold.atLeast('auc', 0.85)],
 *   noWorseThanIncumbent: [MetricComparison.higherIsBetter('auc')],
 * }) });
 * ```
 */
export class PromotionPolicy {
  constructor(private readonly props: PromotionPolicyProps = {}) {
    checkArgs('PromotionPolicy', { props }, { props: S.struct('PromotionPolicyProps', {
      minimumStage: S.ref('ModelStage', ['name', 'rank'], 'use ModelStage.STAGING or another ModelStage'),
      thresholds: S.list(S.ref('MetricThreshold', ['metric', 'isMetBy'], 'use MetricThreshold.atLeast(...) or .atMost(...)')),
      noWorseThanIncumbent: S.list(S.ref('MetricComparison', ['metric', 'prefersHigher'], 'use MetricComparison.higherIsBetter(...) or .lowerIsBetter(...)')),
    }) });
  }

  /** The problems with `live` (deployments with weight > 0, in the endpoint's order). @internal */
  public _evaluate(live: LiveDeployment[]): Problem[] {
    const problems: Problem[] = [];
    if (live.length === 0) return problems;
    const incumbent = live.reduce((best, d) => (d.weight > best.weight ? d : best), live[0]);
    const describe = (d: LiveDeployment) => `'${d.name}' (${d.model.label}, ${d.weight}% of traffic)`;
    const metric = (d: LiveDeployment, name: string) => d.model.metrics[name];
    const fmt = (n: number | undefined) => (n === undefined ? 'not recorded' : String(n));

    for (const d of live) {
      const min = this.props.minimumStage;
      if (min) {
        const stage = d.model.stage;
        if (!stage || !stage.isAtLeast(min)) {
          problems.push({
            subject: `traffic.${d.name}`, value: `${d.model.label} stage ${stage ? stage.name : 'unknown'}`,
            rule: `breaks the promotion policy: a version taking traffic must be at stage ${min.name} or later`,
            fix: stage ? `promote ${d.model.label} to ${min.name} first, or give ${d.name} weight 0 (mirror it to gather evidence)`
              : 'deploy a model version with a stage (DeploymentModel.fromModelVersion), or pass { stage } to DeploymentModel.fromUri',
          });
        }
      }
      for (const t of this.props.thresholds ?? []) {
        const actual = metric(d, t.metric);
        if (actual === undefined || !t.isMetBy(actual)) {
          const side = d === incumbent ? '' : `; side by side: ${d.model.label} ${fmt(actual)} vs incumbent ${describe(incumbent)} ${fmt(metric(incumbent, t.metric))}`;
          problems.push({
            subject: `traffic.${d.name}`, value: `${d.model.label} ${t.metric}=${fmt(actual)}`,
            rule: `breaks the promotion policy: ${t}${side}`,
            fix: actual === undefined ? `record ${t.metric} in the metrics of ${d.model.label}` : `deploy a version with ${t}, or give ${d.name} weight 0`,
          });
        }
      }
    }

    for (const d of live) {
      if (d === incumbent) continue;
      for (const c of this.props.noWorseThanIncumbent ?? []) {
        const mine = metric(d, c.metric);
        const theirs = metric(incumbent, c.metric);
        if (mine !== undefined && theirs !== undefined && c.isNoWorse(mine, theirs)) continue;
        const better = c.prefersHigher ? 'higher' : 'lower';
        problems.push({
          subject: `traffic.${d.name}`, value: `${d.model.label} ${c.metric}=${fmt(mine)}`,
          rule: `breaks the promotion policy: ${c.metric} must be no worse than the incumbent's (${better} is better` +
            `${c.tolerance ? `, tolerance ${c.tolerance}` : ''}); side by side: ${describe(d)} ${fmt(mine)} vs incumbent ${describe(incumbent)} ${fmt(theirs)}`,
          fix: mine === undefined || theirs === undefined
            ? `record ${c.metric} in the metrics of both versions`
            : `keep ${d.name} on mirror traffic until a version beats the incumbent, or give it weight 0`,
        });
      }
    }
    return problems;
  }
}

/** Something a promotion gate can be applied to. @internal */
export interface IPromotable {
  addPromotionPolicy(policy: PromotionPolicy): void;
}

/**
 * Applies a promotion policy to every online endpoint in a scope (a stack, an app):
 * `Aspects.of(stack).add(new PromotionGate(policy))`.
 */
export class PromotionGate implements IAspect {
  constructor(private readonly policy: PromotionPolicy) {}

  public visit(node: IConstruct): void {
    const candidate = node as unknown as Partial<IPromotable> & { readonly isOnlineEndpoint?: boolean };
    if (candidate.isOnlineEndpoint === true && typeof candidate.addPromotionPolicy === 'function') {
      candidate.addPromotionPolicy(this.policy);
    }
  }
}
