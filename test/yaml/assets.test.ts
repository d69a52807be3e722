import * as path from 'path';
import { ModelYaml, EnvironmentYaml, DataYaml, CodeYaml } from '../../lib/yaml/asset-loaders';
import { Model } from '../../lib/assets/model';
import { annotations, bodyAt, doc, registryIn, synthValid, workspaceStack, writeTree } from './support';

describe('model YAML', () => {
  test('a local file: uploaded content-addressed; version, description, tags and properties carried', () => {
    const { stack, workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-local-file.yml'));
    const t = synthValid(stack);
    const body = bodyAt(t, 'local-file-example/2');
    expect(body.properties.modelType).toBe('custom_model');
    expect(body.properties.modelUri).toMatch(/^azureml:\/\/datastores\/model_artifacts\/paths\/models\/local-file-example\/[0-9a-f]{16}\/model\.pkl$/);
    expect(body.properties.description).toBe('Model created from local file.');
    expect(body.properties.tags).toMatchObject({ team: 'churn', rank: '1' });
    expect(body.properties.properties).toMatchObject({ framework: 'sklearn' });
  });
});

describe('model YAML, value forms', () => {
  test('an MLflow folder without `version` is pinned to "1", says so once, and honours .amlignore', () => {
    const { stack, workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-local-mlflow.yml'));
    const t = synthValid(stack);
    const body = bodyAt(t, 'local-mlflow-example/1');
    expect(body.properties.modelType).toBe('mlflow_model');
    const blobs = t.resources('azurerm_storage_blob').map((b) => b.attributes.name as string);
    expect(blobs.some((n) => n.endsWith('/mlflow-model/MLmodel'))).toBe(true);
    // .amlignore says *.tmp: the CLI leaves notes.tmp out of the upload, and so does the loader.
    expect(blobs.some((n) => n.endsWith('notes.tmp'))).toBe(false);
    const infos = annotations(stack).filter((m) => m.includes('no `version`'));
    expect(infos).toHaveLength(1);
    expect(infos[0]).toContain('version "1"');
  });

  test('a datastore path is referenced as written', () => {
    const { stack, workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-datastore.yml'));
    const body = bodyAt(synthValid(stack), 'datastore-example/1');
    expect(body.properties.modelUri).toBe('azureml://datastores/workspaceblobstore/paths/models/churn/model.pkl');
  });

  test('a job output becomes the job lineage, with its stage', () => {
    const { stack, workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-job-output.yml'));
    const body = bodyAt(synthValid(stack), 'job-model/4');
    expect(body.properties.modelUri).toBe('azureml://jobs/train-churn-42/outputs/artifacts/paths/model');
    expect(body.properties.jobName).toBe('train-churn-42');
    expect(body.properties.stage).toBe('Staging');
  });

  test('--set, --name and --version override the file, typed', () => {
    const { stack, workspace } = workspaceStack();
    ModelYaml.inWorkspace(workspace, doc('model-datastore.yml'), { name: 'renamed', version: '7', set: { 'tags.team': 'ml', 'description': 'from --set' } });
    const t = synthValid(stack);
    const body = bodyAt(t, 'renamed/7');
    expect(body.properties.tags).toMatchObject({ team: 'ml' });
    expect(body.properties.description).toBe('from --set');
    expect(t.resourcesWithProperties('azapi_resource', { name: 'renamed' })).toHaveLength(1);
  });

  test('two files of one model add two versions to one container', () => {
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'job-model', { name: 'job-model' });
    ModelYaml.addVersion(model, doc('model-job-output.yml'));
    ModelYaml.inWorkspace(workspace, doc('model-job-output.yml'), { version: '5' });
    const t = synthValid(stack);
    expect(t.resourcesWithProperties('azapi_resource', { name: 'job-model' })).toHaveLength(1);
    expect(bodyAt(t, 'job-model/4').properties.modelType).toBe('mlflow_model');
    expect(bodyAt(t, 'job-model/5').properties.modelType).toBe('mlflow_model');
  });
});

describe('environment YAML', () => {
  test('an image', () => {
    const { stack, workspace } = workspaceStack();
    EnvironmentYaml.inWorkspace(workspace, doc('environment-image.yml'));
    const body = bodyAt(synthValid(stack), 'docker-image-example/1');
    expect(body.properties.image).toBe('mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1');
    expect(body.properties.osType).toBe('Linux');
    expect(body.properties.condaFile).toBeUndefined();
  });

  test('an image with a conda file (relative to the YAML file) and inference routes', () => {
    const { stack, workspace } = workspaceStack();
    EnvironmentYaml.inWorkspace(workspace, doc('environment-image-conda.yml'));
    const body = bodyAt(synthValid(stack), 'docker-image-plus-conda-example/3');
    expect(body.properties.condaFile).toContain('python=3.10');
    expect(body.properties.inferenceConfig).toEqual({
      livenessRoute: { path: '/ok', port: 5001 }, readinessRoute: { path: '/ready', port: 5001 }, scoringRoute: { path: '/score', port: 5001 },
    });
  });

  test('an inline conda specification', () => {
    const { stack, workspace } = workspaceStack();
    EnvironmentYaml.inWorkspace(workspace, doc('environment-inline-conda.yml'));
    const body = bodyAt(synthValid(stack), 'inline-conda-example/1');
    expect(body.properties.condaFile).toContain('scikit-learn==1.5.0');
    expect(body.properties.condaFile).toContain('conda-forge');
  });

  test('a build context is uploaded, with its Dockerfile path', () => {
    const { stack, workspace } = workspaceStack();
    EnvironmentYaml.inWorkspace(workspace, doc('environment-build.yml'));
    const t = synthValid(stack);
    const body = bodyAt(t, 'docker-context-example/1');
    expect(body.properties.build.dockerfilePath).toBe('Dockerfile');
    expect(body.properties.build.contextUri).toMatch(/^https:\/\/stmlwdev\.blob\.core\.windows\.net\/model-artifacts\/environments\/docker-context-example\/[0-9a-f]{16}\/docker-context\/$/);
    expect(t.resources('azurerm_storage_blob').map((b) => b.attributes.name).sort().map((n: string) => n.split('/').pop())).toEqual(['Dockerfile', 'requirements.txt']);
  });

  test('a build context honours its .gitignore, as the CLI does', () => {
    const dir = writeTree({
      'env.yml': 'name: ignoring\nversion: 1\nbuild:\n  path: ctx\n',
      'ctx/Dockerfile': 'FROM python:3.10\n', 'ctx/.gitignore': 'secrets.env\nbuild/\n', 'ctx/secrets.env': 'A=1\n', 'ctx/build/out.bin': 'x',
    });
    const { stack, workspace } = workspaceStack();
    EnvironmentYaml.inWorkspace(workspace, path.join(dir, 'env.yml'));
    const names = synthValid(stack).resources('azurerm_storage_blob').map((b) => (b.attributes.name as string).split('/ctx/')[1]).sort();
    expect(names).toEqual(['.gitignore', 'Dockerfile']);
  });
});

describe('data YAML', () => {
  test.each([
    ['data-local-file.yml', 'local-file-example-titanic/1', 'uri_file', /^azureml:\/\/datastores\/model_artifacts\/paths\/data\/local-file-example-titanic\/[0-9a-f]{16}\/titanic\.csv$/],
    ['data-local-folder.yml', 'local-folder-example-titanic/1', 'uri_folder', /^azureml:\/\/datastores\/model_artifacts\/paths\/data\/local-folder-example-titanic\/[0-9a-f]{16}\/data-folder\/?$/],
    ['data-datastore-folder.yml', 'cloud-folder-example/1', 'uri_folder', /^azureml:\/\/datastores\/workspaceblobstore\/paths\/example-data\/$/],
    ['data-https-file.yml', 'cloud-file-https-example/1', 'uri_file', /^https:\/\/azuremlexamples\.blob\.core\.windows\.net\/datasets\/iris\.csv$/],
    ['data-mltable.yml', 'local-mltable-example/1', 'mltable', /^azureml:\/\/datastores\/model_artifacts\/paths\/data\/local-mltable-example\/[0-9a-f]{16}\/data-folder\/?$/],
  ])('%s: type and dataUri', (file, at, dataType, uri) => {
    const { stack, workspace } = workspaceStack();
    DataYaml.inWorkspace(workspace, doc(file));
    const body = bodyAt(synthValid(stack), at);
    expect(body.properties.dataType).toBe(dataType);
    expect(body.properties.dataUri).toMatch(uri);
  });
});

describe('code YAML', () => {
  test('a local folder is uploaded', () => {
    const { stack, workspace } = workspaceStack();
    CodeYaml.inWorkspace(workspace, doc('code-local.yml'));
    const body = bodyAt(synthValid(stack), 'score-code/1');
    expect(body.properties.codeUri).toMatch(/\/codes\/score-code\/[0-9a-f]{16}\/src\/?$/);
  });
});

describe('into a registry', () => {
  test('an image environment is registered in the registry', () => {
    const { stack } = workspaceStack();
    const registry = registryIn(stack);
    EnvironmentYaml.inRegistry(registry, doc('environment-image.yml'));
    const t = synthValid(stack);
    const v = t.resources('azapi_resource').filter((r) => r.attributes.type.includes('registries/environments/versions@'));
    expect(v.map((r) => r.attributes.name)).toEqual(['1']);
  });

  test('a local model is refused for a registry, with the construct\'s fix placed on `path` and its line', () => {
    const { stack } = workspaceStack();
    const registry = registryIn(stack);
    expect(() => ModelYaml.inRegistry(registry, doc('model-local-file.yml')))
      .toThrow(/line 5, path .*cannot be registered in a registry.*Fix: /s);
  });
});

test('a float-like version is refused as the CLI refuses it, with the quoted spelling as the fix', () => {
  const { workspace } = workspaceStack();
  expect(() => ModelYaml.inWorkspace(workspace, doc('model-semver.yml')))
    .toThrow(/line 3, version \(value: 1\.1\) must be a string or an integer\. Fix: quote the value as written, e\.g\. "1\.10"/);
});
