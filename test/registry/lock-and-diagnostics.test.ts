// A Registry is delete-locked by default (as the Workspace's default protection locks the workspace), and sends its
// resource logs to the Log Analytics workspace it is given.
import { Registry } from '../../lib/registry/registry';
import { checkAll, findingsOf } from '../policy/support';
import { Template } from '../support/template';
import { RG_ID, synthValid, workspaceStack } from '../assets/support';

const LA_ID = `${RG_ID}/providers/Microsoft.OperationalInsights/workspaces/log-shared`;
const BASE = { name: 'mlr-shared', resourceGroupId: RG_ID, location: 'westeurope' };

function registryRef(t: Template): string {
  return `\${azapi_resource.${t.resourceAt('azapi_resource', 'Registry/Resource').logicalId}.id}`;
}

describe('Registry lock', () => {
  test('by default a CanNotDelete lock is scoped to the registry, and MLOPS-DP-5 finds nothing', () => {
    const { stack } = workspaceStack();
    const registry = new Registry(stack, 'Registry', BASE);
    const t = synthValid(stack);
    const lock = t.resourceWithProperties('azurerm_management_lock', { scope: registryRef(t) });
    expect(lock.attributes).toMatchObject({ name: 'do-not-delete', lock_level: 'CanNotDelete' });
    expect(lock.attributes.notes).toMatch(/deleteLock: false/);
    expect(lock.path).toMatch(/\/Registry\/Lock$/);
    expect(findingsOf(checkAll(stack), 'MLOPS-DP-5', registry.resource)).toEqual([]);
  });

  test('deleteLock: false creates none, and MLOPS-DP-5 then warns on the registry', () => {
    const { stack } = workspaceStack();
    const registry = new Registry(stack, 'Registry', { ...BASE, deleteLock: false });
    const t = Template.synth(stack);
    t.resourceCountIs('azurerm_management_lock', 0);
    expect(registry.lock).toBeUndefined();
    expect(findingsOf(checkAll(stack), 'MLOPS-DP-5', registry.resource).map(f => f.level)).toEqual(['warning']);
  });
});

describe('Registry diagnostic settings', () => {
  test('with logAnalyticsWorkspaceId, the read and write event logs go there, with no metrics (Azure documents none)', () => {
    const { stack } = workspaceStack();
    const registry = new Registry(stack, 'Registry', { ...BASE, logAnalyticsWorkspaceId: LA_ID });
    const t = synthValid(stack);
    const setting = t.resourceWithProperties('azurerm_monitor_diagnostic_setting', { target_resource_id: registryRef(t) });
    expect(setting.attributes).toEqual({
      name: 'to-log-analytics',
      target_resource_id: registryRef(t),
      log_analytics_workspace_id: LA_ID,
      enabled_log: [{ category: 'RegistryAssetReadEvent' }, { category: 'RegistryAssetWriteEvent' }],
    });
    expect(setting.path).toMatch(/\/Registry\/Diagnostics$/);
    expect(findingsOf(checkAll(stack), 'MLOPS-LOG-1', registry.resource)).toEqual([]);
  });

  test('without it there is no setting, and MLOPS-LOG-1 warns on the registry', () => {
    const { stack } = workspaceStack();
    const registry = new Registry(stack, 'Registry', BASE);
    const t = Template.synth(stack);
    t.resourceCountIs('azurerm_monitor_diagnostic_setting', 0);
    expect(findingsOf(checkAll(stack), 'MLOPS-LOG-1', registry.resource).map(f => f.level)).toEqual(['warning']);
  });

  test('a logAnalyticsWorkspaceId that is not a string is refused with the library\'s error', () => {
    const { stack } = workspaceStack();
    expect(() => new Registry(stack, 'Registry', { ...BASE, logAnalyticsWorkspaceId: 42 as unknown as string }))
      .toThrow(/logAnalyticsWorkspaceId/);
  });
});
