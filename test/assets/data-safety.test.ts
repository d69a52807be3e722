import { AnnotationMetadataEntryType } from 'cdktf';
import { IConstruct } from 'constructs';
import { ModelStage } from '../../lib/assets/asset-refs';
import { DataAsset, DataSource, DataType } from '../../lib/assets/data-asset';
import { EnvironmentSource } from '../../lib/assets/environment';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { VersionLock, VersionLockMode } from '../../lib/assets/version-lock';
import { Template } from '../support/template';
import { registryIn, synthValid, tempDir, workspaceStack } from './support';

const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1';

function warnings(c: IConstruct): string[] {
  return c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
}

function lifecycleAt(t: Template, pathSuffix: string): unknown {
  return t.resourceAt('azapi_resource', `${pathSuffix}/Resource`).attributes.lifecycle;
}

describe('a workspace model version at stage Production', () => {
  test('gets prevent_destroy by default; earlier stages and archived versions do not', () => {
    const { stack, workspace } = workspaceStack();
    const churn = Model.inWorkspace(workspace, 'churn');
    churn.addVersion('1', { source: ModelSource.fromJobOutput('j1') });
    churn.addVersion('2', { source: ModelSource.fromJobOutput('j2'), stage: ModelStage.STAGING });
    churn.addVersion('3', { source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION });
    churn.addVersion('4', { source: ModelSource.fromJobOutput('j4'), stage: ModelStage.ARCHIVED });
    const t = synthValid(stack);
    expect(lifecycleAt(t, 'churn/1')).toBeUndefined();
    expect(lifecycleAt(t, 'churn/2')).toBeUndefined();
    expect(lifecycleAt(t, 'churn/3')).toEqual({ prevent_destroy: true });
    expect(lifecycleAt(t, 'churn/4')).toBeUndefined();
  });

  test('preventDestroy: false is the explicit opt-out, and nothing warns', () => {
    const { stack, workspace } = workspaceStack();
    const v = Model.inWorkspace(workspace, 'churn').addVersion('3', {
      source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION, preventDestroy: false,
    });
    expect(lifecycleAt(synthValid(stack), 'churn/3')).toBeUndefined();
    expect(warnings(v)).toEqual([]);
  });
});

describe('a protected version whose content is a replace trigger warns that a content change would fail the plan', () => {
  test('a Production version warns once, naming the version, the reason and the fix', () => {
    const { stack, workspace } = workspaceStack();
    const v = Model.inWorkspace(workspace, 'churn').addVersion('3', { source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION });
    const t = synthValid(stack);
    // the identity really is a replace trigger on the protected resource
    expect(t.resourceAt('azapi_resource', 'churn/3/Resource').attributes.replace_triggers_external_values.identity)
      .toMatchObject({ source: 'job-output', modelType: 'custom_model' });
    expect(warnings(v)).toEqual([expect.stringMatching(
      /^Model version churn:3 has prevent_destroy \(its stage is Production\): changing its source would replace it and fail the plan\. Add a new version number/)]);
  });

  test('asking for protection again (a second reason) does not warn again', () => {
    const { workspace } = workspaceStack();
    const v = Model.inWorkspace(workspace, 'churn').addVersion('3', {
      source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION, preventDestroy: true,
    });
    expect(v._protectFromDestroy('served in production')).toBe(true);
    expect(warnings(v)).toHaveLength(1);
    expect(warnings(v)[0]).toMatch(/\(asked for with preventDestroy: true\)/);
  });

  test('unprotected versions do not warn', () => {
    const { workspace } = workspaceStack();
    const v = Model.inWorkspace(workspace, 'churn').addVersion('1', { source: ModelSource.fromJobOutput('j1') });
    expect(warnings(v)).toEqual([]);
  });

  test('every kind warns: a registry environment version (protected by default) and a protected data version', () => {
    const { stack, workspace } = workspaceStack();
    const env = registryIn(stack).addEnvironment('sklearn').addVersion('1', { source: EnvironmentSource.fromImage(IMAGE) });
    const data = DataAsset.inWorkspace(workspace, 'churn-data', { dataType: DataType.URI_FOLDER })
      .addVersion('1', { source: DataSource.fromDatastore('workspaceblobstore', 'churn/2024-06'), preventDestroy: true });
    synthValid(stack);
    expect(warnings(env)).toEqual([expect.stringMatching(/^Environment version sklearn:1 has prevent_destroy \(a deleted registry version number can never be reused\)/)]);
    expect(warnings(data)).toEqual([expect.stringMatching(/^Data version churn-data:1 has prevent_destroy \(asked for with preventDestroy: true\)/)]);
  });

  test('with a VersionLock a content change already fails synth, so nothing warns', () => {
    const { stack, workspace } = workspaceStack();
    VersionLock.configure(stack, { path: `${tempDir()}/versions.lock.json`, mode: VersionLockMode.UPDATE });
    const v = Model.inWorkspace(workspace, 'churn').addVersion('3', { source: ModelSource.fromJobOutput('j3'), stage: ModelStage.PRODUCTION });
    expect(lifecycleAt(synthValid(stack), 'churn/3')).toEqual({ prevent_destroy: true });
    expect(warnings(v)).toEqual([]);
  });

  test('a promoted registry version has no replace trigger, so it is protected without a warning', () => {
    const { stack, workspace } = workspaceStack();
    const dev = Model.inWorkspace(workspace, 'churn').addVersion('3', { source: ModelSource.fromJobOutput('j') });
    const promoted = registryIn(stack).addModel('churn').addVersion('3', { source: ModelSource.fromWorkspaceModel(dev) });
    const t = synthValid(stack);
    expect(t.resources('azapi_resource_action')[0].attributes.lifecycle).toEqual({ prevent_destroy: true });
    expect(t.resources('azapi_update_resource')[0].attributes.lifecycle).toEqual({ prevent_destroy: true });
    expect(warnings(promoted)).toEqual([]);
  });
});
