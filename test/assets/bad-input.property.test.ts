import * as fc from 'fast-check';
import * as path from 'path';
import { ModelStage, ModelType } from '../../lib/assets/asset-refs';
import { CodeSource } from '../../lib/assets/code-asset';
import { DataSource, DataType } from '../../lib/assets/data-asset';
import { Environment, EnvironmentSource } from '../../lib/assets/environment';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { DeploymentModel } from '../../lib/serving/deployment-model';
import { Workspace } from '../../lib/workspace/workspace';
import { DataAsset } from '../../lib/assets/data-asset';
import { CodeAsset } from '../../lib/assets/code-asset';
import { choose, FUZZ, isLibraryError, prop, props, synthOrRefuse, Tally } from '../support/fuzz';
import { FIXTURES, workspaceStack } from './support';

const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1';
const ROUTE = (p: string) => props({ path: prop(choose([p], ['/', 'score'])), port: prop(choose([5001], [0, 70000])) });

const modelVersion = fc.record({
  version: choose(['1', '2', '3.1'], ['', '-1']),
  options: props({
    source: prop(choose([ModelSource.fromJobOutput('train-1', { path: 'model' }), ModelSource.fromLocalPath(path.join(FIXTURES, 'churn-mlflow')),
      ModelSource.fromUri('azureml://datastores/workspaceblobstore/paths/m/1')], [ModelSource.fromUri('ftp://x/y')]), { unset: 1 }),
    modelType: prop(choose([ModelType.MLFLOW, ModelType.CUSTOM])),
    stage: prop(choose([ModelStage.DEVELOPMENT, ModelStage.STAGING, ModelStage.PRODUCTION, ModelStage.ARCHIVED]), { wrong: 2 }),
    metrics: prop(fc.dictionary(choose(['auc', 'f1'], ['bad name']), choose([0.91, 1], [NaN, Infinity]), { maxKeys: 2 })),
    tags: prop(fc.dictionary(choose(['team'], ['mlops.reserved']), fc.constantFrom('ml'), { maxKeys: 1 })),
    archived: prop(fc.boolean()),
    description: prop(fc.constantFrom('churn model')),
  }),
});

const environmentVersion = props({
  source: prop(choose([EnvironmentSource.fromImage(IMAGE)], [EnvironmentSource.fromImage('Not An Image')]), { unset: 1 }),
  inferenceRoutes: prop(props({ liveness: prop(ROUTE('/live')), readiness: prop(ROUTE('/ready')), scoring: prop(ROUTE('/score')) }), { valid: 4, unset: 20 }),
  description: prop(fc.constantFrom('runtime')),
});

const dataVersion = props({
  source: prop(choose([DataSource.fromUri('https://st.blob.core.windows.net/data/raw.csv'), DataSource.fromDatastore('workspaceblobstore', 'raw/2024')]), { unset: 1 }),
  referencedUris: prop(fc.constantFrom([], ['https://st.blob.core.windows.net/data/other.csv'])),
});

const codeVersion = props({ source: prop(choose([CodeSource.fromUri('azureml://datastores/workspaceblobstore/paths/code/1')]), { unset: 1 }) });

const scenario = fc.record({
  modelId: choose(['churn', 'fraud'], ['']),
  versions: fc.array(modelVersion, { maxLength: 3 }),
  environment: fc.option(environmentVersion, { freq: 2 }),
  data: fc.option(fc.record({ dataType: prop(choose([DataType.URI_FILE, DataType.URI_FOLDER])), version: dataVersion }), { freq: 3 }),
  code: fc.option(codeVersion, { freq: 3 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const { stack, workspace } = workspaceStack('fuzz');
  const model = Model.inWorkspace(workspace, s.modelId);
  for (const v of s.versions) model.addVersion(v.version, v.options as any);
  if (s.environment) Environment.inWorkspace(workspace, 'runtime').addVersion('1', s.environment as any);
  if (s.data) DataAsset.inWorkspace(workspace, 'raw', { dataType: s.data.dataType } as any).addVersion('1', s.data.version as any);
  if (s.code) CodeAsset.inWorkspace(workspace, 'scoring').addVersion('1', s.code as any);
  return stack;
}

describe('models, environments, data and code, fuzzed', () => {
  test('every scenario synthesizes valid version bodies (stages as declared), or is refused with the library\'s error', () => {
    const tally = new Tally();
    fc.assert(fc.property(scenario, (s) => {
      const o = tally.record(synthOrRefuse(() => build(s)));
      if (!o.template) return;
      const versions = o.template.resources('azapi_resource').filter(r => r.attributes.type.includes('/models/versions@'));
      expect(versions).toHaveLength(s.versions.length);
      for (const v of s.versions) {
        const declared = (v.options.stage as ModelStage | undefined)?.name ?? 'Development';
        const resource = versions.find(r => r.attributes.name === v.version)!;
        expect(resource.attributes.body.properties.stage).toBe(declared);
      }
    }), FUZZ(200));
    tally.expectBoth();
  });

  test.each([
    ['no source', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion('1', {} as any), /source \(value: \(not set\)\) is required \(a ModelSource\)/],
    ['an empty version', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion('', { source: ModelSource.fromJobOutput('j') }), /Invalid id of ModelVersion for 'test\/Workspace\/churn': id \(value: ""\) must not be empty/],
    ['stage "prod"', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion('1', { source: ModelSource.fromJobOutput('j'), stage: 'prod' as any }), /stage \(value: "prod"\) must be a ModelStage.*Fix: use ModelStage\.PRODUCTION/],
    ['a model added twice', () => { const { workspace } = workspaceStack(); workspace.addModel('churn'); workspace.addModel('churn'); }, /Invalid id of Model for 'test\/Workspace\/churn': id \(value: "churn"\) is already used/],
    ['an inference route "/"', () => Environment.inWorkspace(workspaceStack().workspace, 'rt').addVersion('1', { source: EnvironmentSource.fromImage(IMAGE),
      inferenceRoutes: { liveness: { path: '/', port: 5001 }, readiness: { path: '/ready', port: 5001 }, scoring: { path: '/score', port: 5001 } } }), /inferenceRoutes\.liveness\.path \(value: "\/"\) holds no letter, digit or "_"/],
    ['ModelSource.fromLocalPath(undefined)', () => ModelSource.fromLocalPath(undefined as any), /Invalid arguments for 'ModelSource.fromLocalPath': localPath \(value: \(not set\)\) is required/],
    ['ModelSource.fromUri(42)', () => ModelSource.fromUri(42 as any), /uri \(value: 42\) must be a string \(got a number\)/],
    ['EnvironmentSource.fromImage(42)', () => EnvironmentSource.fromImage(42 as any), /Invalid arguments for 'EnvironmentSource.fromImage': image \(value: 42\)/],
    ['DataSource.fromDatastore(1, 2)', () => DataSource.fromDatastore(1 as any, 2 as any), /\(2 problems\)[\s\S]*datastoreName \(value: 1\)[\s\S]*datastorePath \(value: 2\)/],
    ['a version given as a number (JavaScript, YAML)', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion(3 as any, { source: ModelSource.fromJobOutput('j') }), /Invalid id of ModelVersion for 'test\/Workspace\/churn': id \(value: 3\) must be a literal string \(got a number\)/],
    ['a Workspace without a scope', () => new Workspace(undefined as any, 'W', {} as any), /Invalid scope of Workspace for 'W': scope \(value: \(not set\)\) must be a construct/],
    ['DeploymentModel.fromUri("")', () => DeploymentModel.fromUri('', { modelType: ModelType.MLFLOW }), /Invalid arguments for 'DeploymentModel.fromUri': uri \(value: ""\) must be a model version's azureml:\/\/ URI or ARM id/],
    ['DeploymentModel.fromUri("churn:1")', () => DeploymentModel.fromUri('churn:1'), /uri \(value: "churn:1"\) must be a model version's/],
    ['DeploymentModel.fromUri of an unpinned label', () => DeploymentModel.fromUri('azureml://registries/r/models/churn/labels/latest'), /ending in \/models\/<name>\/versions\/<version>/],
    ['a missing absolute path (what the YAML loaders pass)', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath('/nonexistent/model') }), /source \(value: "\/nonexistent\/model"\) does not exist\. Fix: point ModelSource\.fromLocalPath at an existing model file or folder(?!; relative)/],
    ['a missing relative path', () => Model.inWorkspace(workspaceStack().workspace, 'churn').addVersion('1', { source: ModelSource.fromLocalPath('nonexistent/model') }), /does not exist \(resolved from .*\)\. Fix: .*; relative paths resolve from the working directory/],
    ['CodeSource.fromLocalPath(7)', () => CodeSource.fromLocalPath(7 as any), /localPath \(value: 7\) must be a string/],
  ])('%s is refused with the library\'s error', (_what, fn, expected) => {
    let error: unknown;
    try { fn(); } catch (e) { error = e; }
    expect(isLibraryError(error)).toBe(true);
    expect((error as Error).message).toMatch(expected);
  });
});
