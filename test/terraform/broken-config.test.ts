import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformCommandError } from '../../tools/terraform-emulator/src/harness';
import { describeWithTerraform, newEmulator } from './support';

/** The tier fails with Terraform's own message, naming the stack, on configurations Terraform rejects. */
describeWithTerraform('a configuration Terraform rejects fails the tier with Terraform\'s message', () => {
  const emulator = newEmulator('broken');

  const base = () => ({
    terraform: { required_version: '>= 1.11', required_providers: { azapi: { source: 'Azure/azapi', version: '~> 2.12' } } },
    provider: { azapi: [{}] },
    resource: {
      azapi_resource: {
        rg: { type: 'Microsoft.Resources/resourceGroups@2024-03-01', name: 'rg-broken', parent_id: '/subscriptions/00000000-0000-0000-0000-000000000000', location: 'westeurope' } as Record<string, unknown>,
        other: { type: 'Microsoft.Resources/resourceGroups@2024-03-01', name: 'rg-other', parent_id: '/subscriptions/00000000-0000-0000-0000-000000000000', location: 'westeurope' } as Record<string, unknown>,
      },
    },
  });

  function validate(name: string, config: object): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), `broken-${name}-`));
    fs.writeFileSync(path.join(folder, 'cdk.tf.json'), JSON.stringify(config));
    const stack = emulator.stack(name);
    try {
      stack.configure(folder);
      stack.validate();
    } catch (e) {
      expect(e).toBeInstanceOf(TerraformCommandError);
      return (e as Error).message;
    }
    throw new Error(`terraform validate accepted the broken configuration of ${name}`);
  }

  test('the same configuration, unbroken, validates', () => {
    const stack = emulator.stack('unbroken');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'unbroken-'));
    fs.writeFileSync(path.join(folder, 'cdk.tf.json'), JSON.stringify(base()));
    stack.configure(folder);
    expect(stack.validate().stdout).toContain('The configuration is valid');
  });

  test('depends_on naming an attribute (what cdktf makes of a cross-stack token) is rejected', () => {
    const config = base();
    config.resource.azapi_resource.other.depends_on = ['azapi_resource.rg.id'];
    const message = validate('depends-on-attribute', config);
    expect(message).toContain("stack 'depends-on-attribute'");
    expect(message).toContain('Invalid depends_on reference');
  });

  test('an argument the provider does not have is rejected', () => {
    const config = base();
    config.resource.azapi_resource.other.bogus_argument = 'x';
    expect(validate('unknown-argument', config)).toMatch(/No argument or block type is named "bogus_argument"/);
  });

  test('a missing required argument is rejected', () => {
    const config = base();
    delete config.resource.azapi_resource.other.type;
    expect(validate('missing-required', config)).toMatch(/Missing required argument[\s\S]*"type"/);
  });

  test('an azapi body that Azure\'s types reject passes validate but fails plan, as azapi\'s own check does', () => {
    const config = base() as any;
    config.resource.azapi_resource.endpoint = {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
      name: 'churn-broken',
      parent_id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/mlw',
      location: 'westeurope',
      body: { properties: { authMode: 'AADToken', bogusProperty: 1 } },
    };
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-body-'));
    fs.writeFileSync(path.join(folder, 'cdk.tf.json'), JSON.stringify(config));
    const stack = emulator.stack('azapi-body');
    stack.configure(folder);
    stack.validate();
    expect(() => stack.plan()).toThrow(/azapi would refuse this plan[\s\S]*properties.bogusProperty[\s\S]*is not expected here/);
  });
});
