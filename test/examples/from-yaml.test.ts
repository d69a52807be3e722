import { Testing } from 'cdktf';
import { FromYamlStack } from '../../examples/from-yaml/stack';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { readRepoFile, tsBlocks, unquotedLines } from '../support/readme';
import { Template } from '../support/template';

describe('examples/from-yaml', () => {
  const template = Template.synth(new FromYamlStack(Testing.app(), 'from-yaml'));
  const byName = (type: string, name: string) => template.resourceWithProperties('azapi_resource', {
    type: `Microsoft.MachineLearningServices/${type}@2026-05-01`, name,
  });

  test('every azapi body validates against Azure\'s resource types', () => {
    expect(azapiBodyProblems(template.json)).toEqual([]);
    expect(azapiResourceCount(template.json)).toBeGreaterThan(8);
  });

  test('the YAML files become the model and environment versions, the endpoint, and blue serving them with all traffic', () => {
    const model = byName('workspaces/models/versions', '1');
    expect(model.attributes.body.properties).toMatchObject({ modelType: 'custom_model', description: 'Churn classifier, trained offline' });
    const env = byName('workspaces/environments/versions', '1');
    expect(env.attributes.body.properties.image).toBe('mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:20240708.v1');
    const blue = byName('workspaces/onlineEndpoints/deployments', 'blue').attributes;
    expect(blue.body.properties).toMatchObject({
      model: `\${azapi_resource.${model.logicalId}.id}`,
      environmentId: `\${azapi_resource.${env.logicalId}.id}`,
      codeConfiguration: { scoringScript: 'score.py' },
      instanceType: 'Standard_DS3_v2',
      requestSettings: { maxConcurrentRequestsPerInstance: 1, requestTimeout: 'PT3S' },
      livenessProbe: { initialDelay: 'PT30S' },
    });
    const endpoint = byName('workspaces/onlineEndpoints', 'churn-from-yaml').attributes;
    expect(endpoint.body.properties).toMatchObject({ authMode: 'AADToken', publicNetworkAccess: 'Disabled' });
    const [traffic] = template.resources('azapi_update_resource').filter(r => r.attributes.type.includes('onlineEndpoints'));
    expect(traffic.attributes.body.properties.traffic).toEqual({ blue: 100 });
    // The local folders (the model's and the scoring code's) are uploaded.
    expect(template.resources('azurerm_storage_blob').length).toBeGreaterThanOrEqual(2);
  });

  test('the README\'s snippet is the stack, line for line', () => {
    const [block] = tsBlocks(readRepoFile('examples/from-yaml/README.md'), 'examples/from-yaml/README.md');
    expect(unquotedLines(block.code, readRepoFile('examples/from-yaml/stack.ts'))).toEqual([]);
  });
});
