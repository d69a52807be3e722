import { Testing } from 'cdktf';
import { ModelRegistryStack } from '../../examples/model-registry/stack';
import { azapiBodyProblems } from '../support/azure-types';
import { Template } from '../support/template';

describe('examples/model-registry', () => {
  const template = Template.synth(new ModelRegistryStack(Testing.app(), 'model-registry'));

  test('every azapi body validates against Azure\'s resource types', () => {
    expect(azapiBodyProblems(template.json)).toEqual([]);
  });

  test('creates the registry, the dev version with its files, its promotion and the environment', () => {
    template.resourceCountIs('azurerm_storage_blob', 3);
    template.resourceCountIs('azapi_resource_action', 1);
    template.resourceCountIs('azurerm_role_assignment', 1);
    template.hasResourceWithProperties('azapi_resource', { type: 'Microsoft.MachineLearningServices/registries/environments/versions@2026-05-01' });
    template.allResources('azapi_resource', (r) => !r.attributes.type.includes('/registries') || r.attributes.lifecycle?.prevent_destroy === true,
      'prevent_destroy on everything in the registry');
  });
});
