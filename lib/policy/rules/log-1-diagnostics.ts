import { PolicyLevel } from '../level';
import { ARM, defineRule } from '../rule';

// Resource logs are what an investigation reads: workspace, registry (RegistryAssetReadEvent/WriteEvent) and online
// endpoints (traffic, console and event logs) each have their own categories.
// https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-machinelearningservices-registries-logs
export const LOG_1 = defineRule({
  id: 'MLOPS-LOG-1',
  level: PolicyLevel.WARNING,
  rule: 'Azure ML workspaces, registries and online endpoints send their resource logs to a diagnostic setting',
  fix: 'keep the defaults (the Workspace and OnlineEndpoint send their logs to the workspace\'s Log Analytics) and pass logAnalyticsWorkspaceId to the Registry (and to an OnlineEndpoint whose imported workspace does not say its own); on your own resource add an azurerm_monitor_diagnostic_setting with its log categories',
  anchors: {
    azurePolicy: ['afe0c3be-ba3b-4544-ba52-0c99672a8ad6 (Resource logs in Azure Machine Learning Workspaces should be enabled)'],
    mcsb: ['LT-3'],
    design: ['DESIGN.md secure baseline: diagnostic settings to Log Analytics'],
  },
  packs: ['ProductionReadiness'],
  appliesTo: ['azurerm_machine_learning_workspace', ARM.WORKSPACE, ARM.REGISTRY, ARM.ONLINE_ENDPOINT],
  check: (r, facts) => facts.diagnosedAddresses.has(r.address) ? undefined : { subject: 'azurerm_monitor_diagnostic_setting', value: undefined },
});
