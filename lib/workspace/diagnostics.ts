import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { sendDiagnostics as send } from '../core/diagnostics';

/**
 * Sends a resource's logs (the `allLogs` category group) and metrics to Log Analytics.
 * @param metrics metric categories: `AllMetrics` for most types; blob services have `Transaction` and `Capacity`
 */
export function sendDiagnostics(scope: Construct, id: string, targetResourceId: string, logAnalyticsWorkspaceId: string,
  metrics: string[]): MonitorDiagnosticSetting {
  return send(scope, id, targetResourceId, logAnalyticsWorkspaceId, { logCategoryGroup: 'allLogs', metrics });
}
