import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

/**
 * Sends a resource's logs (the `allLogs` category group) and metrics to Log Analytics.
 * @param metrics metric categories: `AllMetrics` for most types; blob services have `Transaction` and `Capacity`
 */
export function sendDiagnostics(scope: Construct, id: string, targetResourceId: string, logAnalyticsWorkspaceId: string,
  metrics: string[]): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'to-log-analytics',
    targetResourceId,
    logAnalyticsWorkspaceId,
    enabledLog: [{ categoryGroup: 'allLogs' }],
    enabledMetric: metrics.map(category => ({ category })),
  });
}
