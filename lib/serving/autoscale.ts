import { Construct } from 'constructs';
import { MonitorAutoscaleSetting } from '@cdktf/provider-azurerm/lib/monitor-autoscale-setting';
import { Validator } from '../core/validation';

/** The metrics namespace of managed online deployments in Azure Monitor. */
export const ONLINE_DEPLOYMENT_METRICS_NAMESPACE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments';

/**
 * A metric of a managed online deployment that autoscale rules can watch.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-machinelearningservices-workspaces-onlineendpoints-deployments-metrics
 */
export class AutoscaleMetric {
  /** Average CPU use across instances, percent. */
  public static readonly CPU_UTILIZATION = new AutoscaleMetric('CpuUtilizationPercentage');
  /** Average memory use across instances, percent. */
  public static readonly MEMORY_UTILIZATION = new AutoscaleMetric('CpuMemoryUtilizationPercentage');
  /** Average GPU use across instances, percent. */
  public static readonly GPU_UTILIZATION = new AutoscaleMetric('GpuUtilizationPercentage');
  /** Average GPU memory use across instances, percent. */
  public static readonly GPU_MEMORY_UTILIZATION = new AutoscaleMetric('GpuMemoryUtilizationPercentage');
  /** Disk use, percent. */
  public static readonly DISK_UTILIZATION = new AutoscaleMetric('DiskUtilization');
  /** Requests the deployment receives per minute. */
  public static readonly REQUESTS_PER_MINUTE = new AutoscaleMetric('RequestsPerMinute');

  /** Another deployment metric, by its REST API name. */
  public static of(metricName: string, namespace: string = ONLINE_DEPLOYMENT_METRICS_NAMESPACE): AutoscaleMetric {
    return new AutoscaleMetric(metricName, namespace);
  }

  private constructor(public readonly metricName: string, public readonly namespace: string = ONLINE_DEPLOYMENT_METRICS_NAMESPACE) {}
}

/** Which way a rule scales. */
export enum ScaleDirection {
  /** Add instances. */
  OUT = 'Increase',
  /** Remove instances. */
  IN = 'Decrease',
}

/** One autoscale rule: when the metric crosses the threshold over the window, change the instance count. */
export interface AutoscaleRule {
  readonly metric: AutoscaleMetric;
  readonly direction: ScaleDirection;
  /** The value compared with the metric's average over the window. */
  readonly threshold: number;
  /** Instances added or removed per action. @default 1 */
  readonly changeCount?: number;
  /** The window the metric is averaged over, 5-720 minutes. @default 5 */
  readonly windowMinutes?: number;
  /** Wait after an action before the next one, 1-10080 minutes. @default 5 */
  readonly cooldownMinutes?: number;
}

/**
 * Autoscale through Azure Monitor: the deployment's instance count is then owned by the autoscaler, and this library
 * stops sending it after creation (see `ignore_body_changes` on the deployment), so plans show no perpetual diff.
 *
 * @see https://learn.microsoft.com/azure/machine-learning/how-to-autoscale-endpoints
 */
export interface AutoscaleOptions {
  /** Fewest instances, at least 1 (managed online deployments cannot scale to zero). */
  readonly minInstances: number;
  /** Most instances (Azure ML reserves quota for them). */
  readonly maxInstances: number;
  /**
   * The rules.
   * @default - scale out by 1 when average CPU is above 70% for 5 minutes, in by 1 when below 25%
   */
  readonly rules?: AutoscaleRule[];
  /** Emails told about every scale action. @default - none */
  readonly notificationEmails?: string[];
}

/** @internal */
export interface AutoscaleTarget {
  readonly deploymentId: string;
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly initialInstances: number;
}

const DEFAULT_RULES: AutoscaleRule[] = [
  { metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.OUT, threshold: 70 },
  { metric: AutoscaleMetric.CPU_UTILIZATION, direction: ScaleDirection.IN, threshold: 25 },
];

/** Adds the problems with `options` to `v`. @internal */
export function validateAutoscale(v: Validator, options: AutoscaleOptions): void {
  v.integer('autoscale.minInstances', options.minInstances, { min: 1 });
  v.integer('autoscale.maxInstances', options.maxInstances, { min: 1, max: 1000 });
  if (Number.isInteger(options.minInstances) && Number.isInteger(options.maxInstances)) {
    v.check(options.maxInstances >= options.minInstances, () => ({
      subject: 'autoscale.maxInstances', value: String(options.maxInstances),
      rule: `is below minInstances (${options.minInstances})`, fix: 'make maxInstances at least minInstances',
    }));
  }
  const rules = options.rules ?? DEFAULT_RULES;
  v.check(rules.some(r => r.direction === ScaleDirection.OUT), () => ({
    subject: 'autoscale.rules', value: `${rules.length} rules`, rule: 'has no scale-out rule, so the deployment never grows under load',
    fix: 'add a rule with direction ScaleDirection.OUT, e.g. on AutoscaleMetric.CPU_UTILIZATION above 70',
  }));
  v.check(rules.some(r => r.direction === ScaleDirection.IN), () => ({
    subject: 'autoscale.rules', value: `${rules.length} rules`, rule: 'has no scale-in rule, so the deployment never shrinks back and keeps paying for peak capacity',
    fix: 'add a rule with direction ScaleDirection.IN, e.g. on AutoscaleMetric.CPU_UTILIZATION below 25',
  }));
  rules.forEach((r, i) => {
    v.number(`autoscale.rules[${i}].threshold`, r.threshold);
    v.integer(`autoscale.rules[${i}].changeCount`, r.changeCount, { min: 1 });
    v.integer(`autoscale.rules[${i}].windowMinutes`, r.windowMinutes, { min: 5, max: 720 });
    v.integer(`autoscale.rules[${i}].cooldownMinutes`, r.cooldownMinutes, { min: 1, max: 10080 });
  });
}

/** Creates the Azure Monitor autoscale setting for a deployment. @internal */
export function createAutoscale(scope: Construct, id: string, target: AutoscaleTarget, options: AutoscaleOptions): MonitorAutoscaleSetting {
  const rules = options.rules ?? DEFAULT_RULES;
  return new MonitorAutoscaleSetting(scope, id, {
    name: target.name,
    resourceGroupName: target.resourceGroupName,
    location: target.location,
    targetResourceId: target.deploymentId,
    enabled: true,
    profile: [{
      name: 'default',
      capacity: { minimum: options.minInstances, maximum: options.maxInstances, default: target.initialInstances },
      rule: rules.map(r => ({
        metricTrigger: {
          metricName: r.metric.metricName,
          metricNamespace: r.metric.namespace,
          metricResourceId: target.deploymentId,
          operator: r.direction === ScaleDirection.OUT ? 'GreaterThan' : 'LessThan',
          threshold: r.threshold,
          statistic: 'Average',
          timeAggregation: 'Average',
          timeGrain: 'PT1M',
          timeWindow: `PT${r.windowMinutes ?? 5}M`,
        },
        scaleAction: {
          direction: r.direction,
          type: 'ChangeCount',
          value: r.changeCount ?? 1,
          cooldown: `PT${r.cooldownMinutes ?? 5}M`,
        },
      })),
    }],
    notification: options.notificationEmails && options.notificationEmails.length > 0
      ? { email: { customEmails: options.notificationEmails, sendToSubscriptionAdministrator: false, sendToSubscriptionCoAdministrator: false } }
      : undefined,
  });
}
