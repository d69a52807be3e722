import * as fc from 'fast-check';
import { YamlDocument } from '../../lib/yaml/document';
import { ModelYaml } from '../../lib/yaml/asset-loaders';
import { pinReference } from '../../lib/yaml/pinning';
import { parseAssetReference } from '../../lib/yaml/references';
import { azureVmSize, msToIso8601, pascalCase, secondsToIso8601 } from '../../lib/yaml/units';
import { didYouMean } from '../../lib/core/did-you-mean';
import { doc, workspaceStack, WS_ID } from './support';

describe('references', () => {
  test.each([
    ['azureml:churn:3', { form: 'workspace', name: 'churn', version: '3' }],
    ['azureml:churn@latest', { form: 'workspace', name: 'churn', label: 'latest' }],
    ['azureml://registries/mlr/models/churn/versions/3', { form: 'registry', registry: 'mlr', kind: 'models', name: 'churn', version: '3' }],
    ['azureml://registries/azureml/environments/sklearn-1.5/labels/latest', { form: 'registry', registry: 'azureml', kind: 'environments', name: 'sklearn-1.5', label: 'latest' }],
    ['azureml://subscriptions/s/resourceGroups/g/workspaces/w/models/churn/versions/2', { form: 'other-workspace', subscriptionId: 's', resourceGroup: 'g', workspace: 'w', name: 'churn', version: '2' }],
    [`${WS_ID}/models/churn/versions/2`, { form: 'other-workspace', workspace: 'mlw-dev', kind: 'models', name: 'churn', version: '2' }],
  ])('%s', (text, expected) => {
    expect(parseAssetReference(text)).toMatchObject(expected);
  });

  test('a local path or a datastore path is not an asset reference', () => {
    expect(parseAssetReference('model/churn')).toBeUndefined();
    expect(parseAssetReference('azureml://datastores/d/paths/p')).toBeUndefined();
  });
});

describe('pinning', () => {
  const yml = YamlDocument.parse('model: azureml:job-model@latest\nother: azureml:nothing@latest\n', '/tmp/deployment.yml');

  test('@latest resolves to the highest version declared in the app', () => {
    const { workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-job-output.yml'));            // version 4
    ModelYaml.inWorkspace(workspace, doc('model-job-output.yml'), { version: '10' });
    const pinned = pinReference(yml, ['model'], String(yml.data.model), 'models', workspace, 'deployment');
    expect(pinned.version).toBe('10');
    expect(pinned.declared?.node.path).toMatch(/job-model\/10$/);
  });

  test('@latest of nothing declared fails with the pin to write, on its line', () => {
    const { workspace } = workspaceStack();
    expect(() => pinReference(yml, ['other'], String(yml.data.other), 'models', workspace, 'deployment'))
      .toThrow(/line 2, other .*asks for the latest version.*Fix: pin the version: azureml:nothing:<version>/s);
  });

  test('a pinned version registered elsewhere becomes its ARM id in the workspace', () => {
    const { workspace } = workspaceStack();
    const d = YamlDocument.parse('environment: azureml:sklearn-env:7\n', '/tmp/d.yml');
    expect(pinReference(d, ['environment'], 'azureml:sklearn-env:7', 'environments', workspace, 'deployment').assetId)
      .toBe(`${WS_ID}/environments/sklearn-env/versions/7`);
  });

  test('a registry label without a declared version fails with the registry pin', () => {
    const { workspace } = workspaceStack();
    const text = 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest';
    const d = YamlDocument.parse(`environment: ${text}\n`, '/tmp/d.yml');
    expect(() => pinReference(d, ['environment'], text, 'environments', workspace, 'deployment'))
      .toThrow(/pin the version: azureml:\/\/registries\/azureml\/environments\/sklearn-1.5\/versions\/<version>/);
  });
});

describe('units and spellings', () => {
  test.each([[90000, 'PT1M30S'], [5000, 'PT5S'], [3600000, 'PT1H'], [500, 'PT0.5S'], [0, 'PT0S'], [3723000, 'PT1H2M3S']])('%d ms is %s', (ms, iso) => {
    expect(msToIso8601(ms)).toBe(iso);
  });

  test('seconds round-trip through ISO 8601 (property, fixed seed)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 * 86400 }), (s) => {
      const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(secondsToIso8601(s))!;
      expect(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)).toBe(s);
    }), { seed: 12, numRuns: 200 });
  });

  test.each([
    ['STANDARD_NC4AS_T4_V3', 'Standard_NC4as_T4_v3'], ['standard_ds3_v2', 'Standard_DS3_v2'], ['Standard_F4s_v2', 'Standard_F4s_v2'],
    ['STANDARD_NC24ADS_A100_V4', 'Standard_NC24ads_A100_v4'], ['STANDARD_E16S_V3', 'Standard_E16s_v3'], ['Standard_D2a_v4', 'Standard_D2a_v4'],
  ])('%s is %s', (cli, azure) => {
    expect(azureVmSize(cli)).toBe(azure);
  });

  test('enum spellings', () => {
    expect(pascalCase('allow_only_approved_outbound')).toBe('AllowOnlyApprovedOutbound');
    expect(pascalCase('enabled')).toBe('Enabled');
  });

  test('did you mean', () => {
    expect(didYouMean('pth', ['path', 'name'])).toBe('path');
    expect(didYouMean('dockerfile', ['path', 'dockerfile_path'])).toBe('dockerfile_path');
    expect(didYouMean('zzz', ['path', 'name'])).toBeUndefined();
  });
});
