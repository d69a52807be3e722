import { Op, Token } from 'cdktf';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import type { IOnlineDeployment } from './online-deployment';
import { checkShape } from '../core/shape';
import { TRAFFIC_ARGS } from './shapes';

/** A deployment and the share of live traffic it receives. */
export interface TrafficWeight {
  readonly deployment: IOnlineDeployment;
  /** Percent of requests, a whole number 0-100. */
  readonly weight: number;
}

/** @internal */
export interface TrafficEntry {
  readonly name: string;
  readonly weight: number;
  readonly deployment?: IOnlineDeployment;
}

/**
 * How an online endpoint splits live traffic between its deployments. Weights are whole percentages that sum to 100,
 * or there is no traffic at all.
 *
 * ```ts
 * endpoint.routeTraffic(Traffic.allTo(blue));                 // blue/green: everything to one deployment
 * endpoint.routeTraffic(Traffic.canary(blue, green, 10));     // canary: 90 to blue, 10 to green
 * endpoint.routeTraffic(Traffic.split({ blue: 50, green: 50 })); // A/B test, by deployment name
 * ```
 */
export class Traffic {
  /** No live traffic: the endpoint's deployments exist but serve nothing (every weight is written as 0). */
  public static none(): Traffic {
    return new Traffic([], 'none');
  }

  /** Every request to one deployment. */
  public static allTo(deployment: IOnlineDeployment): Traffic {
    checkShape('Traffic.allTo', 'arguments', { deployment }, TRAFFIC_ARGS.allTo);
    return new Traffic([{ name: deployment.deploymentName, weight: 100, deployment }], 'allTo');
  }

  /** Weights by deployment name, e.g. `{ blue: 90, green: 10 }`. */
  public static split(weights: { [deploymentName: string]: number }): Traffic {
    checkShape('Traffic.split', 'arguments', { weights }, TRAFFIC_ARGS.split);
    return new Traffic(Object.entries(weights).map(([name, weight]) => ({ name, weight })), 'split');
  }

  /** Weights by deployment object. */
  public static weighted(weights: TrafficWeight[]): Traffic {
    checkShape('Traffic.weighted', 'arguments', { weights }, TRAFFIC_ARGS.weighted);
    return new Traffic(weights.map(w => ({ name: w.deployment.deploymentName, weight: w.weight, deployment: w.deployment })), 'weighted');
  }

  /** `percent` of requests to `candidate`, the rest to `stable`. */
  public static canary(stable: IOnlineDeployment, candidate: IOnlineDeployment, percent: number): Traffic {
    checkShape('Traffic.canary', 'arguments', { stable, candidate, percent }, TRAFFIC_ARGS.canary);
    return new Traffic([
      { name: stable.deploymentName, weight: isToken(percent) ? Token.asNumber(Op.sub(100, percent)) : 100 - percent, deployment: stable },
      { name: candidate.deploymentName, weight: percent, deployment: candidate },
    ], 'canary', percent);
  }

  /** @internal */
  public readonly _entries: TrafficEntry[];

  private constructor(entries: TrafficEntry[], private readonly kind: string, private readonly canaryPercent?: number) {
    this._entries = entries;
  }

  /** The weights by deployment name (deployments not listed take none). */
  public get weights(): { [deploymentName: string]: number } {
    const out: { [name: string]: number } = {};
    for (const e of this._entries) out[e.name] = (out[e.name] ?? 0) + e.weight;
    return out;
  }

  /** `blue=90, green=10`, for messages. */
  public toString(): string {
    return this._entries.length === 0 ? '(no traffic)' : this._entries.map(e => `${e.name}=${renderWeight(e.weight)}`).join(', ');
  }

  /**
   * Checks what the traffic can be checked for on its own: whole weights 0-100 summing to 100 (or none), no
   * deployment named twice, a canary percent of 0-100.
   * @internal
   */
  public _validateShape(v: Validator): void {
    const value = this.toString();
    if (this.kind === 'canary' && this.canaryPercent !== undefined) {
      v.integer('canary percent', this.canaryPercent, { min: 0, max: 100 });
      if (this._entries[0].name === this._entries[1].name && !isToken(this._entries[0].name)) {
        v.add({ subject: 'traffic', value, rule: 'names the same deployment as stable and candidate', fix: 'pass two different deployments to Traffic.canary' });
      }
    }
    const seen = new Set<string>();
    for (const e of this._entries) {
      if (this.kind !== 'canary') v.integer(`traffic.${e.name}`, e.weight, { min: 0, max: 100 });
      if (seen.has(e.name) && this.kind !== 'canary') {
        v.add({ subject: `traffic.${e.name}`, value, rule: 'names the deployment more than once', fix: 'give each deployment one weight' });
      }
      seen.add(e.name);
    }
    const weights = this._entries.map(e => e.weight);
    if (weights.some(w => isToken(w) || typeof w !== 'number' || !Number.isFinite(w))) return;
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum !== 100 && sum !== 0) {
      v.add({
        subject: 'traffic', value, rule: `weights sum to ${sum}; they must sum to 100 (or there is no traffic)`,
        fix: 'adjust the weights so they add up to 100, e.g. Traffic.canary(stable, candidate, 10), or use Traffic.none()',
      });
    }
  }
}

function renderWeight(w: number): string {
  return isToken(w) ? '(token)' : typeof w === 'number' ? String(w) : renderValue(w);
}
