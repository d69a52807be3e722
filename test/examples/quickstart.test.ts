import { Testing } from 'cdktf';
import { QuickstartStack } from '../../examples/quickstart/stack';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { Template } from '../support/template';

describe('examples/quickstart (the main example, synthesized by npm run synth)', () => {
  const stack = new QuickstartStack(Testing.app(), 'quickstart');
  const template = Template.synth(stack);

  test('holds azurerm and azapi resources and pins the toolchain', () => {
    expect(template.resources('azurerm_resource_group')).toHaveLength(1);
    expect(azapiResourceCount(template.json)).toBeGreaterThan(0);
    expect(template.terraform.required_version).toBe('>= 1.11');
  });

  test('every azapi body validates against Azure\'s resource types', () => {
    expect(azapiBodyProblems(template.json)).toEqual([]);
  });
});
