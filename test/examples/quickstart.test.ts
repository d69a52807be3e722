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

describe('examples/quickstart as HCL (cdktf synth --hcl)', () => {
  test('parses with Terraform\'s HCL parser and carries the same azapi bodies as the JSON', async () => {
    const { parse } = await import('@cdktf/hcl2json');
    const json = Template.synth(new QuickstartStack(Testing.app(), 'quickstart')).json;
    const hcl: any = await parse('cdk.tf', Testing.synthHcl(new QuickstartStack(Testing.app(), 'quickstart')));
    for (const [id, config] of Object.entries<any>(json.resource.azapi_resource)) {
      expect(hcl.resource.azapi_resource[id][0].body).toEqual(config.body);
    }
    expect(hcl.terraform[0].required_version).toBe('>= 1.11');
  });
});
