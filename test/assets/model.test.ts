import * as fs from 'fs';
import * as path from 'path';
import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { Workspace } from '../../lib/workspace/workspace';
import { FIXTURES, resolved, synthValid, versionProps, workspaceStack, writeTree, WS_ID } from './support';
import { Template } from '../support/template';

const MLFLOW = path.join(FIXTURES, 'churn-mlflow');

describe('workspace model versions from every source', () => {
  test('a local MLflow folder is uploaded content-addressed and the version points at it', () => {
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    const v = model.addVersion('1', { source: ModelSource.fromLocalPath(MLFLOW), modelType: ModelType.MLFLOW });
    const t = synthValid(stack);

    const props = versionProps(t, 'churn/1');
    expect(props.modelType).toBe('mlflow_model');
    expect(props.modelUri).toMatch(/^azureml:\/\/datastores\/model_artifacts\/paths\/models\/churn\/[0-9a-f]{16}\/churn-mlflow$/);
    const blobs = t.resources('azurerm_storage_blob');
    expect(blobs.map((b) => path.posix.basename(b.attributes.name)).sort()).toEqual(['MLmodel', 'conda.yaml', 'model.pkl']);
    const prefix = props.modelUri.replace('azureml://datastores/model_artifacts/paths/', '');
    t.allResources('azurerm_storage_blob', (b) => b.attributes.name.startsWith(`${prefix}/`) &&
      b.attributes.storage_account_name === 'stmlwdev' && b.attributes.storage_container_name === 'model-artifacts' &&
      /^[0-9a-f]{32}$/.test(b.attributes.content_md5) && b.attributes.source.startsWith('assets/'), 'the content-addressed layout');
    // the version waits for its files
    const version = t.resourceAt('azapi_resource', 'churn/1/Resource');
    for (const b of blobs) expect(version.attributes.depends_on).toContain(`azurerm_storage_blob.${b.logicalId}`);
    expect(v.assetId).toBeDefined();
    expect(v.storageAccountId).toContain('storageAccounts/stmlwdev');
  });

  test('a local single file becomes a custom model at the file\'s blob path', () => {
    const { stack, workspace } = workspaceStack();
    Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath(path.join(FIXTURES, 'churn-custom', 'model.onnx')) });
    const t = synthValid(stack);
    const props = versionProps(t, 'churn/1');
    expect(props.modelType).toBe('custom_model');
    expect(props.modelUri).toMatch(/\/paths\/models\/churn\/[0-9a-f]{16}\/model\.onnx$/);
    t.resourceCountIs('azurerm_storage_blob', 1);
  });

  test('datastore, URI and job-output sources are referenced, and the job is recorded as lineage', () => {
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    model.addVersion('1', { source: ModelSource.fromDatastore('workspaceblobstore', '/models/churn/1') });
    model.addVersion('2', { source: ModelSource.fromUri('https://st.blob.core.windows.net/models/churn/2/model.pkl') });
    model.addVersion('3', { source: ModelSource.fromJobOutput('train-churn-42', { path: 'model' }), modelType: ModelType.MLFLOW });
    model.addVersion('4', { source: ModelSource.fromJobOutput('train-churn-43') });
    const t = synthValid(stack);
    expect(versionProps(t, 'churn/1').modelUri).toBe('azureml://datastores/workspaceblobstore/paths/models/churn/1');
    expect(versionProps(t, 'churn/2').modelUri).toBe('https://st.blob.core.windows.net/models/churn/2/model.pkl');
    const v3 = versionProps(t, 'churn/3');
    expect(v3.modelUri).toBe('azureml://jobs/train-churn-42/outputs/artifacts/paths/model');
    expect(v3.jobName).toBe('train-churn-42');
    expect(v3.properties['mlops.lineage.trainingJob']).toBe('train-churn-42');
    expect(versionProps(t, 'churn/4').modelUri).toBe('azureml://jobs/train-churn-43/outputs/artifacts');
    t.resourceCountIs('azurerm_storage_blob', 0);
  });

  test('the version exposes its ARM id and its azureml:// URI', () => {
    const { stack, workspace } = workspaceStack();
    const v = Model.inWorkspace(workspace, 'churn').addVersion('7', { source: ModelSource.fromUri('azureml://datastores/x/paths/m') });
    const t = synthValid(stack);
    expect(resolved(stack, v.assetId)).toBe(t.ref(t.resourceAt('azapi_resource', 'churn/7/Resource')));
    expect(v.uri).toBe(`azureml://subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ml/workspaces/mlw-dev/models/churn/versions/7`);
    expect(v.registryId).toBeUndefined();
  });
});

describe('content addressing', () => {
  test('the same bytes give the same blob path, and are uploaded once per model', () => {
    const a = writeTree({ 'model/weights.bin': 'w1', 'model/config.json': '{}' });
    const b = writeTree({ 'model/weights.bin': 'w1', 'model/config.json': '{}' });
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    model.addVersion('1', { source: ModelSource.fromLocalPath(path.join(a, 'model')) });
    model.addVersion('2', { source: ModelSource.fromLocalPath(path.join(b, 'model')) });
    const t = synthValid(stack);
    expect(versionProps(t, 'churn/1').modelUri).toBe(versionProps(t, 'churn/2').modelUri);
    t.resourceCountIs('azurerm_storage_blob', 2);
  });

  test('changed bytes give a new path, so a released artifact is never overwritten', () => {
    const dir = writeTree({ 'model/weights.bin': 'w1' });
    const uriAfter = (content?: string) => {
      if (content !== undefined) fs.writeFileSync(path.join(dir, 'model', 'weights.bin'), content);
      const { stack, workspace } = workspaceStack();
      Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath(path.join(dir, 'model')) });
      const t = synthValid(stack);
      return { uri: versionProps(t, 'churn/1').modelUri as string, blob: t.resources('azurerm_storage_blob')[0].attributes.name as string };
    };
    const before = uriAfter();
    const same = uriAfter();
    const after = uriAfter('w2-changed');
    expect(same).toEqual(before);
    expect(after.uri).not.toBe(before.uri);
    expect(after.blob).not.toBe(before.blob);
  });

  test('a renamed file counts as changed content', () => {
    const a = writeTree({ 'm/a.bin': 'x' });
    const b = writeTree({ 'm/b.bin': 'x' });
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    model.addVersion('1', { source: ModelSource.fromLocalPath(path.join(a, 'm')) });
    model.addVersion('2', { source: ModelSource.fromLocalPath(path.join(b, 'm')) });
    const t = synthValid(stack);
    expect(versionProps(t, 'churn/1').modelUri).not.toBe(versionProps(t, 'churn/2').modelUri);
  });

  test('the content identity is a replace trigger, so a change can never be an in-place update', () => {
    const { stack, workspace } = workspaceStack();
    Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath(MLFLOW), modelType: ModelType.MLFLOW });
    const t = synthValid(stack);
    const identity = t.resourceAt('azapi_resource', 'churn/1/Resource').attributes.replace_triggers_external_values.identity;
    expect(identity).toMatchObject({ source: 'local', modelType: 'mlflow_model' });
    expect(identity.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('lineage, metrics, stage and archive state', () => {
  test('lineage and metrics are written under mlops.* in properties, metrics and stage in tags', () => {
    const { stack, workspace } = workspaceStack();
    const data = { dataName: 'churn-train', version: '4', dataType: 'uri_folder', assetId: `${WS_ID}/data/churn-train/versions/4`, uri: 'azureml:churn-train:4' };
    const env = { environmentName: 'sklearn', version: '2', assetId: 'azureml://registries/mlr/environments/sklearn/versions/2' };
    const code = { codeName: 'train', version: '9', assetId: `${WS_ID}/codes/train/versions/9` };
    const construct = (o: object) => Object.assign(Object.create(null), o, { node: { path: 'x' } }) as any;
    Model.inWorkspace(workspace, 'churn').addVersion('3', {
      source: ModelSource.fromJobOutput('train-42'),
      tags: { team: 'retention' },
      metrics: { auc: 0.91, f1: 0.8, 'log_loss': 1e-7 },
      stage: ModelStage.STAGING,
      lineage: {
        data: [construct(data)], dataAssetIds: ['azureml://registries/mlr/data/holdout/versions/1'],
        environment: construct(env), code: construct(code),
        sourceCommit: '3f2a9c1d0b7e4f6a8c5d2e1f0a9b8c7d6e5f4a3b', sourceRepository: 'https://github.com/contoso/churn',
        hyperparameters: { learning_rate: '0.01', max_depth: '6' },
      },
    });
    const props = versionProps(synthValid(stack), 'churn/3');
    expect(props.properties).toEqual({
      'mlops.lineage.trainingJob': 'train-42',
      'mlops.lineage.data.0': data.assetId,
      'mlops.lineage.data.1': 'azureml://registries/mlr/data/holdout/versions/1',
      'mlops.lineage.environment': env.assetId,
      'mlops.lineage.code': code.assetId,
      'mlops.lineage.sourceCommit': '3f2a9c1d0b7e4f6a8c5d2e1f0a9b8c7d6e5f4a3b',
      'mlops.lineage.sourceRepository': 'https://github.com/contoso/churn',
      'mlops.hyperparameter.learning_rate': '0.01',
      'mlops.hyperparameter.max_depth': '6',
      'mlops.metric.auc': '0.91',
      'mlops.metric.f1': '0.8',
      'mlops.metric.log_loss': '1e-7',
    });
    expect(props.tags).toEqual({ team: 'retention', 'mlops.stage': 'Staging', 'mlops.metric.auc': '0.91', 'mlops.metric.f1': '0.8', 'mlops.metric.log_loss': '1e-7' });
    expect(props.stage).toBe('Staging');
    expect(props.isArchived).toBe(false);
  });

  test('archiving a version writes isArchived, and the Archived stage archives it too', () => {
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    const a = model.addVersion('1', { source: ModelSource.fromJobOutput('j1'), archived: true });
    const b = model.addVersion('2', { source: ModelSource.fromJobOutput('j2'), stage: ModelStage.ARCHIVED });
    const c = model.addVersion('3', { source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION });
    const t = synthValid(stack);
    expect(versionProps(t, 'churn/1')).toMatchObject({ isArchived: true, stage: 'Development' });
    expect(versionProps(t, 'churn/2')).toMatchObject({ isArchived: true, stage: 'Archived' });
    expect(versionProps(t, 'churn/3')).toMatchObject({ isArchived: false, stage: 'Production' });
    expect([a.archived, b.archived, c.archived]).toEqual([true, true, false]);
    expect(c.stage.isAtLeast(ModelStage.STAGING)).toBe(true);
  });

  test('workspace versions have no prevent_destroy unless asked, and get it when asked', () => {
    const { stack, workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    model.addVersion('1', { source: ModelSource.fromJobOutput('j1') });
    model.addVersion('2', { source: ModelSource.fromJobOutput('j2'), preventDestroy: true });
    const t = synthValid(stack);
    expect(t.resourceAt('azapi_resource', 'churn/1/Resource').attributes.lifecycle).toBeUndefined();
    expect(t.resourceAt('azapi_resource', 'churn/2/Resource').attributes.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('bad input fails at synth with the construct path, the value and the fix', () => {
  test('when the same version is declared twice, it fails naming the first one', () => {
    const { workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    model.addVersion('3', { source: ModelSource.fromJobOutput('j1') });
    expect(() => model.addVersion('3', { source: ModelSource.fromJobOutput('j2') }))
      .toThrow(/Invalid model version for 'test\/Workspace\/churn': version \(value: "3"\) is declared more than once in model 'churn' \(first at 'test\/Workspace\/churn\/3'\).*Fix: versions are immutable/);
  });

  test('when two constructs declare the same model in one workspace, it fails naming both', () => {
    const { stack, workspace } = workspaceStack();
    new Model(stack, 'a', { workspace, name: 'churn' });
    expect(() => new Model(stack, 'b', { workspace, name: 'Churn' })).toThrow(/'test\/b'.*is already declared in the same workspace by 'test\/a'/);
  });

  test('when a version string or model name breaks Azure\'s rules, it fails naming both', () => {
    const { workspace } = workspaceStack();
    expect(() => Model.inWorkspace(workspace, 'churn model')).toThrow(/Invalid props for Model for 'test\/Workspace\/churn model': name \(value: "churn model"\) breaks the asset name naming rule/);
    const model = Model.inWorkspace(workspace, 'churn');
    expect(() => model.addVersion('v 1', { source: ModelSource.fromJobOutput('j') })).toThrow(/version \(value: "v 1"\) breaks the asset version naming rule.*Fix: choose a name like "3"/);
  });

  test('when a local path does not exist, it fails naming the path', () => {
    const { workspace } = workspaceStack();
    expect(() => Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath('models/nope') }))
      .toThrow(/'test\/Workspace\/churn\/1': source \(value: "models\/nope"\) does not exist \(resolved from .*\)\. Fix: point ModelSource.fromLocalPath/);
  });

  test('when an MLflow model folder has no MLmodel file, or is a single file, it fails', () => {
    const { workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    expect(() => model.addVersion('1', { source: ModelSource.fromLocalPath(path.join(FIXTURES, 'not-mlflow')), modelType: ModelType.MLFLOW }))
      .toThrow(/is not an MLflow model: the folder has no MLmodel file at its root\. Fix: point at the folder mlflow.save_model\(\) wrote/);
    expect(() => model.addVersion('2', { source: ModelSource.fromLocalPath(path.join(MLFLOW, 'model.pkl')), modelType: ModelType.MLFLOW }))
      .toThrow(/cannot be a mlflow_model: an MLflow model is a folder with an MLmodel file/);
  });

  test('when metrics are not finite numbers, every one is listed in one error', () => {
    const { workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    let message = '';
    try {
      model.addVersion('1', { source: ModelSource.fromJobOutput('j'), metrics: { auc: NaN, f1: Infinity, acc: '0.9' as unknown as number, ok: 0.5 } });
    } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/Invalid model version for 'test\/Workspace\/churn\/1' \(3 problems\)/);
    expect(message).toMatch(/metrics\.auc \(value: "NaN"\) must be a finite number/);
    expect(message).toMatch(/metrics\.f1 \(value: "Infinity"\) must be a finite number/);
    expect(message).toMatch(/metrics\.acc \(value: "0\.9"\) must be a finite number/);
  });

  test('when a URI has a scheme Azure ML cannot read, it fails naming the alternative', () => {
    const { workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    expect(() => model.addVersion('1', { source: ModelSource.fromUri('http://example.com/m.pkl') })).toThrow(/plain http is not accepted/);
    expect(() => model.addVersion('2', { source: ModelSource.fromUri('s3://bucket/m') })).toThrow(/must be a URI with one of the schemes https:\/\/, wasbs:\/\/, abfss:\/\/, azureml:\/\//);
    expect(() => model.addVersion('3', { source: ModelSource.fromUri('./model.pkl') })).toThrow(/Fix: for files on this machine use fromLocalPath/);
  });

  test('when a workspace has no artifact store, a local source fails naming the importer to use', () => {
    const { stack } = workspaceStack();
    const bare = Workspace.fromWorkspaceId(stack, 'Bare', WS_ID, 'westeurope');
    expect(() => Model.inWorkspace(bare, 'churn').addVersion('1', { source: ModelSource.fromLocalPath(MLFLOW) }))
      .toThrow(/needs an artifact store to upload to, and workspace 'test\/Bare' has none.*Workspace.fromWorkspaceAttributes/);
  });

  test('when tags use the reserved mlops. prefix or lineage is malformed, it fails', () => {
    const { workspace } = workspaceStack();
    expect(() => Model.inWorkspace(workspace, 'churn').addVersion('1', {
      source: ModelSource.fromJobOutput('j'), tags: { 'mlops.stage': 'Production' }, lineage: { sourceCommit: 'main' },
    })).toThrow(/tags\.mlops\.stage .*reserves[\s\S]*lineage\.sourceCommit \(value: "main"\) must be a git commit SHA/);
  });

  test('when workspace-model promotion targets a workspace, it fails naming the alternative', () => {
    const { workspace } = workspaceStack();
    const model = Model.inWorkspace(workspace, 'churn');
    const v1 = model.addVersion('1', { source: ModelSource.fromJobOutput('j') });
    expect(() => model.addVersion('2', { source: ModelSource.fromWorkspaceModel(v1) }))
      .toThrow(/promotes a workspace version into a registry, and this version is in a workspace\. Fix: deploy the workspace version itself/);
  });

  test('a model with neither or both of workspace and registry fails', () => {
    const { stack } = workspaceStack();
    expect(() => new Model(stack, 'm', {})).toThrow(/a model lives in exactly one workspace or registry/);
  });
});

test('Template.synth of a plain workspace model stack is unaffected by other stacks (no cross-stack name claims)', () => {
  for (let i = 0; i < 2; i++) {
    const { stack, workspace } = workspaceStack();
    Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromJobOutput('j') });
    Template.synth(stack).resourceCountIs('azapi_resource', 2);
  }
});
