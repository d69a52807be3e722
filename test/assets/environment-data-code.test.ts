import * as fs from 'fs';
import * as path from 'path';
import { AnnotationMetadataEntryType } from 'cdktf';
import { CodeAsset, CodeSource } from '../../lib/assets/code-asset';
import { DataAsset, DataSource, DataType } from '../../lib/assets/data-asset';
import { Environment, EnvironmentSource } from '../../lib/assets/environment';
import { ASSET_FIXTURES, registryIn, synthValid, versionProps, workspaceStack } from './support';

const IMAGE = 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240709.v1';

describe('environment versions', () => {
  test('from an image with a conda file: the file\'s contents go in the body, rebuilds are off', () => {
    const { stack, workspace } = workspaceStack();
    const v = Environment.inWorkspace(workspace, 'sklearn').addVersion('1', {
      source: EnvironmentSource.fromImage(IMAGE, { condaFile: path.join(ASSET_FIXTURES, 'envs', 'conda.yaml') }),
      inferenceRoutes: { liveness: { path: '/health', port: 5001 }, readiness: { path: '/ready', port: 5001 }, scoring: { path: '/score', port: 5001 } },
    });
    const props = versionProps(synthValid(stack), 'sklearn/1');
    expect(props).toMatchObject({
      image: IMAGE, osType: 'Linux', autoRebuild: 'Disabled', isArchived: false,
      inferenceConfig: { livenessRoute: { path: '/health', port: 5001 }, readinessRoute: { path: '/ready', port: 5001 }, scoringRoute: { path: '/score', port: 5001 } },
    });
    expect(props.condaFile).toBe(fs.readFileSync(path.join(ASSET_FIXTURES, 'envs', 'conda.yaml'), 'utf8'));
    expect(v.uri).toMatch(/\/workspaces\/mlw-dev\/environments\/sklearn\/versions\/1$/);
  });

  test('routes take what HTTP servers serve: TF Serving\'s ":predict", percent-encoding, "@"; the body validates', () => {
    const { stack, workspace } = workspaceStack();
    Environment.inWorkspace(workspace, 'tfserving').addVersion('1', {
      source: EnvironmentSource.fromImage(IMAGE),
      inferenceRoutes: {
        liveness: { path: '/v1/models/half_plus_two', port: 8501 }, readiness: { path: '/v1/models/half_plus_two', port: 8501 },
        scoring: { path: '/v1/models/half_plus_two:predict', port: 8501 }, startup: { path: '/v2/health/ready%20now@x', port: 8000 },
      },
    });
    expect(versionProps(synthValid(stack), 'tfserving/1').inferenceConfig).toEqual({
      livenessRoute: { path: '/v1/models/half_plus_two', port: 8501 }, readinessRoute: { path: '/v1/models/half_plus_two', port: 8501 },
      scoringRoute: { path: '/v1/models/half_plus_two:predict', port: 8501 }, startupRoute: { path: '/v2/health/ready%20now@x', port: 8000 },
    });
  });

  test('a route Azure refuses ("/" names nothing) or no server can match (a space, a "?") is refused, each named', () => {
    const { workspace } = workspaceStack();
    const env = Environment.inWorkspace(workspace, 'routes');
    const err = (() => {
      try {
        env.addVersion('1', {
          source: EnvironmentSource.fromImage(IMAGE),
          inferenceRoutes: { liveness: { path: '/', port: 5001 }, readiness: { path: '/ready now', port: 5001 }, scoring: { path: '/score?x=1', port: 5001 } },
        });
      } catch (e) { return String((e as Error).message); }
      return '';
    })();
    expect(err).toMatch(/inferenceRoutes\.liveness\.path \(value: "\/"\) holds no letter, digit or "_"/);
    expect(err).toMatch(/inferenceRoutes\.readiness\.path \(value: "\/ready now"\) must be a URL path/);
    expect(err).toMatch(/inferenceRoutes\.scoring\.path \(value: "\/score\?x=1"\) must be a URL path/);
  });

  test('from a build context: the folder is uploaded content-addressed and built from its https URI', () => {
    const { stack, workspace } = workspaceStack();
    Environment.inWorkspace(workspace, 'train').addVersion('1', { source: EnvironmentSource.fromBuildContext(path.join(ASSET_FIXTURES, 'envs', 'train-context')) });
    const t = synthValid(stack);
    expect(versionProps(t, 'train/1').build).toEqual({
      contextUri: expect.stringMatching(/^https:\/\/stmlwdev\.blob\.core\.windows\.net\/model-artifacts\/environments\/train\/[0-9a-f]{16}\/train-context\/$/),
      dockerfilePath: 'Dockerfile',
    });
    t.resourceCountIs('azurerm_storage_blob', 2);
  });

  test('an unpinned image is a warning: the image behind a released version could change', () => {
    const { stack, workspace } = workspaceStack();
    const v = Environment.inWorkspace(workspace, 'py').addVersion('1', { source: EnvironmentSource.fromImage('python:latest') });
    synthValid(stack);
    const warnings = v.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/image "python:latest" is not pinned \(latest\).*Pin .* a digest/)]);
    const pinned = Environment.inWorkspace(workspace, 'py2').addVersion('1', { source: EnvironmentSource.fromImage(IMAGE) });
    expect(pinned.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });

  test('bad input: image reference, routes, missing Dockerfile and conda file are all listed', () => {
    const { workspace } = workspaceStack();
    const env = Environment.inWorkspace(workspace, 'bad');
    expect(() => env.addVersion('1', {
      source: EnvironmentSource.fromImage('Not An Image', { condaFile: 'nope.yaml' }),
      inferenceRoutes: { liveness: { path: 'health', port: 0 }, readiness: { path: '/r', port: 1 }, scoring: { path: '/s', port: 70000 } },
    })).toThrow(/\(5 problems\)[\s\S]*inferenceRoutes\.liveness\.port \(value: 0\) must be between 1 and 65535[\s\S]*inferenceRoutes\.liveness\.path[\s\S]*inferenceRoutes\.scoring\.port[\s\S]*source \(image\) \(value: "Not An Image"\) must be an image reference[\s\S]*source \(condaFile\) \(value: "nope.yaml"\) does not exist/);
    expect(() => env.addVersion('2', { source: EnvironmentSource.fromBuildContext(path.join(ASSET_FIXTURES, 'envs', 'train-context'), { dockerfilePath: 'docker/Dockerfile' }) }))
      .toThrow(/dockerfilePath\) \(value: "docker\/Dockerfile"\) is not in the build context/);
  });
});

describe('data asset versions', () => {
  test('uri_file, uri_folder and mltable versions, from a URI, a datastore and a local folder', () => {
    const { stack, workspace } = workspaceStack();
    DataAsset.inWorkspace(workspace, 'raw', { dataType: DataType.URI_FILE })
      .addVersion('1', { source: DataSource.fromUri('https://st.blob.core.windows.net/data/raw.csv') });
    DataAsset.inWorkspace(workspace, 'images', { dataType: DataType.URI_FOLDER })
      .addVersion('1', { source: DataSource.fromDatastore('workspaceblobstore', 'images/2024-06') });
    const table = DataAsset.inWorkspace(workspace, 'churn-table', { dataType: DataType.MLTABLE })
      .addVersion('1', { source: DataSource.fromLocalPath(path.join(ASSET_FIXTURES, 'data', 'churn-table')), referencedUris: ['./churn.csv'] });
    const t = synthValid(stack);
    expect(versionProps(t, 'raw/1')).toMatchObject({ dataType: 'uri_file', dataUri: 'https://st.blob.core.windows.net/data/raw.csv' });
    expect(versionProps(t, 'images/1')).toMatchObject({ dataType: 'uri_folder', dataUri: 'azureml://datastores/workspaceblobstore/paths/images/2024-06' });
    expect(versionProps(t, 'churn-table/1')).toMatchObject({
      dataType: 'mltable', referencedUris: ['./churn.csv'],
      dataUri: expect.stringMatching(/^azureml:\/\/datastores\/model_artifacts\/paths\/data\/churn-table\/[0-9a-f]{16}\/churn-table\/$/),
    });
    expect(t.resourceWithProperties('azapi_resource', { name: 'churn-table' }).attributes.body.properties.dataType).toBe('mltable');
    expect(table.dataType).toBe('mltable');
  });

  test('bad input: a folder for uri_file, an mltable without MLTable, a registry data version', () => {
    const { stack, workspace } = workspaceStack();
    expect(() => DataAsset.inWorkspace(workspace, 'f', { dataType: DataType.URI_FILE })
      .addVersion('1', { source: DataSource.fromLocalPath(path.join(ASSET_FIXTURES, 'data', 'churn-table')) }))
      .toThrow(/is a folder, and a uri_file data asset needs a file/);
    expect(() => DataAsset.inWorkspace(workspace, 't', { dataType: DataType.MLTABLE })
      .addVersion('1', { source: DataSource.fromLocalPath(path.join(ASSET_FIXTURES, 'envs', 'train-context')) }))
      .toThrow(/has no MLTable file at its root/);
    expect(() => new DataAsset(stack, 'r', { registry: registryIn(stack), dataType: DataType.URI_FOLDER })
      .addVersion('1', { source: DataSource.fromUri('https://st.blob.core.windows.net/d/') }))
      .toThrow(/cannot back a registry data version.*Fix: declare the data version in a workspace, then share it/);
  });
});

describe('code versions', () => {
  test('a local folder is uploaded content-addressed; the version points at its https URI', () => {
    const { stack, workspace } = workspaceStack();
    const v = CodeAsset.inWorkspace(workspace, 'score').addVersion('1', { source: CodeSource.fromLocalPath(path.join(ASSET_FIXTURES, 'code', 'score')) });
    const t = synthValid(stack);
    expect(versionProps(t, 'score/1').codeUri).toMatch(/^https:\/\/stmlwdev\.blob\.core\.windows\.net\/model-artifacts\/codes\/score\/[0-9a-f]{16}\/score$/);
    expect(v.codeUri).toBe(versionProps(t, 'score/1').codeUri);
    t.resourceCountIs('azurerm_storage_blob', 1);
  });

  test('bad input: a duplicate version and a registry code version', () => {
    const { stack, workspace } = workspaceStack();
    const code = CodeAsset.inWorkspace(workspace, 'score');
    code.addVersion('1', { source: CodeSource.fromUri('https://st.blob.core.windows.net/c/score') });
    expect(() => code.addVersion('1', { source: CodeSource.fromUri('https://st.blob.core.windows.net/c/score2') })).toThrow(/is declared more than once in code asset 'score'/);
    expect(() => new CodeAsset(stack, 'r', { registry: registryIn(stack) }).addVersion('1', { source: CodeSource.fromLocalPath(path.join(ASSET_FIXTURES, 'code', 'score')) }))
      .toThrow(/cannot back a registry code version/);
  });
});
