// An online endpoint sends its resource logs and metrics to Log Analytics: the workspace's by default, one given, or
// none (an imported workspace that does not say its Log Analytics workspace, or diagnosticSettings: false).
import { TerraformStack } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { OnlineEndpoint } from '../../lib/serving';
import { Workspace } from '../../lib/workspace/workspace';
import { badDependsOn, freshApp, synthStacks } from '../support/stacks';
import { Template, testStack } from '../support/template';
import { checkAll, findingsOf } from '../policy/support';
import { RG_ID, servingStack, WORKSPACE_ID } from './fixtures';

const DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting';
const LA_ID = `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-churn`;
const OTHER_LA_ID = `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-serving`;
const ENDPOINT_LOGS = [
  { category: 'AmlOnlineEndpointConsoleLog' }, { category: 'AmlOnlineEndpointTrafficLog' }, { category: 'AmlOnlineEndpointEventLog' },
];

function createdWorkspaceStack(): { stack: TerraformStack; workspace: Workspace } {
  const stack = testStack();
  MlopsProviders.configure(stack);
  const workspace = new Workspace(stack, 'Workspace', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', environment: 'prod' });
  return { stack, workspace };
}

/** The diagnostic settings whose target is the endpoint's azapi resource. */
function endpointSettings(t: Template) {
  const endpoint = t.resourceAt('azapi_resource', 'churn/Resource');
  return t.resources(DIAGNOSTICS).filter(d => d.attributes.target_resource_id === `\${azapi_resource.${endpoint.logicalId}.id}`);
}

describe('OnlineEndpoint diagnostic settings', () => {
  test('in a created workspace, the endpoint sends its console, traffic and event logs and all metrics to the workspace\'s Log Analytics', () => {
    const { stack, workspace } = createdWorkspaceStack();
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const t = Template.synth(stack);
    const [setting] = endpointSettings(t);
    expect(endpointSettings(t)).toHaveLength(1);
    const la = t.resources('azurerm_log_analytics_workspace')[0];
    expect(setting.attributes).toEqual({
      name: 'to-log-analytics',
      target_resource_id: `\${azapi_resource.${t.resourceAt('azapi_resource', 'churn/Resource').logicalId}.id}`,
      log_analytics_workspace_id: `\${azurerm_log_analytics_workspace.${la.logicalId}.id}`,
      enabled_log: ENDPOINT_LOGS,
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    // Stable: under the endpoint, at the id 'Diagnostics', and ordered by nothing but its references.
    expect(setting.path).toMatch(/\/churn\/Diagnostics$/);
    expect(setting.attributes.depends_on).toBeUndefined();
  });

  test('an imported workspace without logAnalyticsWorkspaceId: no setting and no error', () => {
    const { stack, workspace } = servingStack();
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const t = Template.synth(stack);
    t.resourceCountIs(DIAGNOSTICS, 0);
  });

  test('an imported workspace with logAnalyticsWorkspaceId: the setting goes there', () => {
    const stack = testStack();
    MlopsProviders.configure(stack);
    const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', { workspaceId: WORKSPACE_ID, location: 'westeurope', logAnalyticsWorkspaceId: LA_ID });
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    const t = Template.synth(stack);
    t.resourceWithProperties(DIAGNOSTICS, { log_analytics_workspace_id: LA_ID, enabled_log: ENDPOINT_LOGS });
    t.resourceCountIs(DIAGNOSTICS, 1);
  });

  test('logAnalyticsWorkspaceId on the endpoint overrides the workspace\'s destination', () => {
    const { stack, workspace } = createdWorkspaceStack();
    new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', logAnalyticsWorkspaceId: OTHER_LA_ID });
    const t = Template.synth(stack);
    expect(endpointSettings(t).map(d => d.attributes.log_analytics_workspace_id)).toEqual([OTHER_LA_ID]);
  });

  test('diagnosticSettings: false creates none, and MLOPS-LOG-1 then reports the endpoint', () => {
    const { stack, workspace } = createdWorkspaceStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod', diagnosticSettings: false });
    expect(endpoint.diagnosticSetting).toBeUndefined();
    const t = Template.synth(stack);
    expect(endpointSettings(t)).toEqual([]);
    expect(findingsOf(checkAll(stack), 'MLOPS-LOG-1', endpoint.resource).map(f => f.level)).toEqual(['warning']);
  });

  test('by default MLOPS-LOG-1 finds nothing on the endpoint', () => {
    const { stack, workspace } = createdWorkspaceStack();
    const endpoint = new OnlineEndpoint(stack, 'churn', { workspace, endpointName: 'churn-prod' });
    expect(findingsOf(checkAll(stack), 'MLOPS-LOG-1', endpoint.resource)).toEqual([]);
  });

  test('with the workspace in another stack, the setting is in the endpoint\'s stack, reads the Log Analytics id through an output, and has no depends_on', () => {
    const app = freshApp('diag-cross');
    const platform = new TerraformStack(app, 'platform');
    MlopsProviders.configure(platform);
    const workspace = new Workspace(platform, 'Workspace', { resourceGroupId: RG_ID, location: 'westeurope', prefix: 'churn', environment: 'prod' });
    const serving = new TerraformStack(app, 'serving');
    MlopsProviders.configure(serving);
    new OnlineEndpoint(serving, 'churn', { workspace, endpointName: 'churn-prod' });
    const { stacks } = synthStacks(app);
    const settings = Object.values<any>(stacks.serving.resource[DIAGNOSTICS]);
    expect(settings).toHaveLength(1);
    expect(settings[0].log_analytics_workspace_id).toMatch(/^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.[^}]+\}$/);
    expect(settings[0].depends_on).toBeUndefined();
    expect(badDependsOn(stacks).bad).toEqual([]);
  });
});
