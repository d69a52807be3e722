import { Testing } from 'cdktf';
import { BlueGreenStack } from '../../examples/blue-green/main';
import { EstateStack } from '../../examples/estate/stack';
import { FromYamlStack } from '../../examples/from-yaml/stack';
import { QuickstartStack } from '../../examples/quickstart/stack';
import { MinimalWorkspaceStack } from '../../examples/workspace-private/minimal';
import { WorkspacePrivateStack } from '../../examples/workspace-private/stack';
import { Template } from '../support/template';

const GLOBALLY_UNIQUE = ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_container_registry'];

// The examples are alternatives one user may deploy side by side in one subscription: default globally unique names
// are seeded by prefix, environment, resource group name and location, so two examples must differ in one of them.
test('no two examples derive the same storage account, Key Vault or container registry name', () => {
  const examples = {
    estate: new EstateStack(Testing.app(), 'churn-prod'),
    'blue-green': new BlueGreenStack(Testing.app(), 'blue-green'),
    quickstart: new QuickstartStack(Testing.app(), 'quickstart'),
    'from-yaml': new FromYamlStack(Testing.app(), 'from-yaml'),
    'workspace-private/minimal': new MinimalWorkspaceStack(Testing.app(), 'workspace-minimal'),
    'workspace-private': new WorkspacePrivateStack(Testing.app(), 'workspace-private'),
  };
  const owners = new Map<string, string[]>();
  for (const [example, stack] of Object.entries(examples)) {
    const t = Template.synth(stack);
    for (const type of GLOBALLY_UNIQUE) {
      for (const r of t.resources(type)) owners.set(`${type} ${r.attributes.name}`, [...owners.get(`${type} ${r.attributes.name}`) ?? [], example]);
    }
  }
  expect(owners.size).toBeGreaterThanOrEqual(15);
  expect([...owners].filter(([, by]) => by.length > 1)).toEqual([]);
});
