import { Testing } from 'cdktf';
import { parse } from '@cdktf/hcl2json';
import { EstateStack } from '../../examples/estate/stack';
import { QuickstartStack } from '../../examples/quickstart/stack';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { readRepoFile, tsBlocks, unquotedLines } from '../support/readme';
import { Template } from '../support/template';

describe.each([
  ['examples/estate (the one-stack estate)', () => new EstateStack(Testing.app(), 'churn-prod')],
  ['examples/quickstart', () => new QuickstartStack(Testing.app(), 'quickstart')],
])('%s', (_name, build) => {
  const template = Template.synth(build());

  test('synthesizes azurerm and azapi resources with the toolchain pinned', () => {
    expect(template.resources('azurerm_resource_group')).toHaveLength(1);
    expect(azapiResourceCount(template.json)).toBeGreaterThan(5);
    expect(template.terraform.required_version).toBe('>= 1.11');
    expect(template.terraform.required_providers.azapi.version).toBe('~> 2.12');
  });

  test('every azapi body validates against Azure\'s resource types', () => {
    expect(azapiBodyProblems(template.json)).toEqual([]);
  });

  test('the traffic patch comes after every deployment of its endpoint', () => {
    const traffic = template.resourcesWithProperties('azapi_update_resource', {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
    });
    expect(traffic).toHaveLength(1);
    const deployments = template.resourcesWithProperties('azapi_resource', {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2026-05-01',
    });
    expect(traffic[0].attributes.depends_on.sort()).toEqual(deployments.map(d => `azapi_resource.${d.logicalId}`).sort());
    const endpoint = template.resourceWithProperties('azapi_resource', {
      type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2026-05-01',
    });
    expect(endpoint.attributes.body.properties.traffic).toBeUndefined();
  });

  test('as HCL (cdktf synth --hcl), parses with Terraform\'s HCL parser and carries the same azapi bodies', async () => {
    const hcl: any = await parse('cdk.tf', Testing.synthHcl(build()));
    for (const [id, config] of Object.entries<any>(template.json.resource.azapi_resource)) {
      expect(hcl.resource.azapi_resource[id][0].body).toEqual(config.body);
    }
    expect(hcl.terraform[0].required_version).toBe('>= 1.11');
  });
});

test('the README\'s quickstart snippet is the quickstart example, line for line', () => {
  const snippet = tsBlocks(readRepoFile('README.md'), 'README.md').find(b => b.heading === 'Quickstart');
  expect(snippet?.quotedFrom).toBe('examples/quickstart/stack.ts');
  expect(unquotedLines(snippet!.code, readRepoFile('examples/quickstart/stack.ts'))).toEqual([]);
});
