import * as fs from 'fs';
import * as path from 'path';
import { YamlDocument } from '../../lib/yaml/document';
import { inlineCode, inlineEnvironment, inlineModel } from '../../lib/yaml/inline-assets';
import { ModelYaml } from '../../lib/yaml/asset-loaders';
import { doc, synthValid, workspaceStack, writeTree, WS_ID } from './support';

/** A deployment-like file with inline definitions, as reference-yaml-deployment-managed-online writes them. */
function deployment(extra = ''): { file: string; dir: string } {
  const dir = writeTree({
    'blue.yml': [
      'name: blue', 'endpoint_name: churn',
      'model:', '  path: model/model.pkl',
      'code_configuration:', '  code: onlinescoring', '  scoring_script: score.py',
      'environment:', '  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1', '  conda_file: conda.yaml',
      extra, '',
    ].join('\n'),
    'model/model.pkl': 'weights v1', 'onlinescoring/score.py': 'def init(): pass\n', 'conda.yaml': 'name: x\ndependencies: [python=3.10]\n',
  });
  return { file: path.join(dir, 'blue.yml'), dir };
}

describe('inline (anonymous) assets', () => {
  test('are named after their owner and versioned by content; the same content is the same version', () => {
    const { file } = deployment();
    const versions = [0, 1].map(() => {
      const { stack, workspace } = workspaceStack();
      const d = YamlDocument.load(file);
      inlineModel(d, ['model'], workspace, 'churn-blue', 'deployment');
      inlineEnvironment(d, ['environment'], workspace, 'churn-blue', 'deployment');
      inlineCode(d, ['code_configuration', 'code'], workspace, 'churn-blue', 'deployment');
      const t = synthValid(stack);
      const versionOf = (kind: string, name: string) => {
        const r = t.resources('azapi_resource').filter((x) => x.attributes.type.includes(`/${kind}/versions@`) && x.path.includes(`/${name}/`));
        expect(r).toHaveLength(1);
        expect(r[0].attributes.name).toMatch(/^[0-9a-f]{12}$/);
        return r[0];
      };
      const m = versionOf('models', 'churn-blue-model');
      expect(m.attributes.body.properties.modelUri).toMatch(/model\.pkl$/);
      const e = versionOf('environments', 'churn-blue-environment');
      expect(e.attributes.body.properties.condaFile).toContain('python=3.10');
      const c = versionOf('codes', 'churn-blue-code');
      return [m.attributes.name, e.attributes.name, c.attributes.name];
    });
    expect(versions[0]).toEqual(versions[1]);
  });

  test('changed content is a new version', () => {
    const { file, dir } = deployment();
    const versionName = () => {
      const r = inlineModel(YamlDocument.load(file), ['model'], workspaceStack().workspace, 'churn-blue', 'deployment');
      return (r.declared as any).version as string;
    };
    const first = versionName();
    fs.writeFileSync(path.join(dir, 'model/model.pkl'), 'weights of version 2, longer');
    const second = versionName();
    expect(second).not.toEqual(first);
  });

  test('a reference is pinned: azureml:<name>:<version> in the workspace', () => {
    const dir = writeTree({ 'd.yml': 'model: azureml:churn:3\nenvironment: azureml://registries/azureml/environments/sklearn-1.5/versions/12\n' });
    const d = YamlDocument.load(path.join(dir, 'd.yml'));
    const { workspace } = workspaceStack();
    expect(inlineModel(d, ['model'], workspace, 'x', 'deployment').assetId).toBe(`${WS_ID}/models/churn/versions/3`);
    expect(inlineEnvironment(d, ['environment'], workspace, 'x', 'deployment').assetId).toBe('azureml://registries/azureml/environments/sklearn-1.5/versions/12');
  });

  test('a reference to a version declared in the app is that construct', () => {
    const { workspace } = workspaceStack();
    const v4 = ModelYaml.inWorkspace(workspace, doc('model-job-output.yml'));
    const dir = writeTree({ 'd.yml': 'model: azureml:job-model@latest\n' });
    const r = inlineModel(YamlDocument.load(path.join(dir, 'd.yml')), ['model'], workspace, 'x', 'deployment');
    expect(r.declared).toBe(v4);
    expect(r.assetId).toBe(v4.assetId);
  });

  test('an unknown key inside an inline model has its nested line and did-you-mean', () => {
    const { file } = deployment();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('  path: model/model.pkl', '  path: model/model.pkl\n  typ: mlflow_model'));
    expect(() => inlineModel(YamlDocument.load(file), ['model'], workspaceStack().workspace, 'churn-blue', 'deployment'))
      .toThrow(/line 5, model\.typ .*did you mean `type`\?/s);
  });
});
