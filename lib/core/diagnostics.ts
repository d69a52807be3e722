import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

/** What a diagnostic setting sends: log categories (or one category group) and metric categories. */
export interface DiagnosticSources {
  /** Explicit log categories, for types whose support of category groups is not documented. */
  readonly logCategories?: string[];
  /** A category group (`allLogs`) instead of explicit categories. */
  readonly logCategoryGroup?: string;
  /** Metric categories: `AllMetrics` for most types, none for a type that documents no metrics. */
  readonly metrics: string[];
}

/**
 * Sends a resource's logs and metrics to Log Analytics, as the diagnostic setting `to-log-analytics`. Stable: its
 * address is `id` under `scope`, and it depends on nothing but what its arguments reference (no `depends_on`, so a
 * destination in another stack is read through outputs, never ordered by).
 */
export function sendDiagnostics(scope: Construct, id: string, targetResourceId: string, logAnalyticsWorkspaceId: string,
  sources: DiagnosticSources): MonitorDiagnosticSetting {
  const logs = sources.logCategoryGroup !== undefined ? [{ categoryGroup: sources.logCategoryGroup }]
    : (sources.logCategories ?? []).map(category => ({ category }));
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-log-analytics',
    targetResourceId,
    logAnalyticsWorkspaceId,
    enabledLog: logs,
    enabledMetric: sources.metrics.length > 0 ? sources.metrics.map(category => ({ category })) : undefined,
  });
}
