import * as fs from 'fs';
import * as path from 'path';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { VersionLock, VersionLockMode } from '../../lib/assets/version-lock';
import { Template } from '../support/template';
import { registryIn, tempDir, workspaceStack, writeTree } from './support';

function synthWith(lockPath: string, mode: VersionLockMode, modelDir: string, versions = ['1']) {
  const { stack, workspace } = workspaceStack();
  VersionLock.configure(stack, { path: lockPath, mode });
  const model = Model.inWorkspace(workspace, 'churn');
  const ws = versions.map((v) => model.addVersion(v, { source: ModelSource.fromLocalPath(modelDir) }));
  registryIn(stack).addModel('churn').addVersion('1', { source: ModelSource.fromWorkspaceModel(ws[0]) });
  return () => Template.synth(stack);
}

describe('VersionLock', () => {
  test('in UPDATE mode a new version is added to the lock file, sorted, with its identity', () => {
    const lock = path.join(tempDir(), 'asset-versions.lock.json');
    const model = path.join(writeTree({ 'm/w.bin': 'one' }), 'm');
    synthWith(lock, VersionLockMode.UPDATE, model)();
    const file = JSON.parse(fs.readFileSync(lock, 'utf8'));
    expect(Object.keys(file.versions)).toEqual(['registry:mlr-shared/models/churn/1', 'workspace:mlw-dev/models/churn/1']);
    expect(file.versions['workspace:mlw-dev/models/churn/1']).toMatchObject({ source: 'local', modelType: 'custom_model', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(file.versions['registry:mlr-shared/models/churn/1']).toEqual({ source: 'workspace-model', fromModel: 'churn:1', modelType: 'custom_model' });
  });

  test('when the content of a locked version changes, synth fails naming the version and the fix', () => {
    const lock = path.join(tempDir(), 'lock.json');
    const dir = writeTree({ 'm/w.bin': 'one' });
    synthWith(lock, VersionLockMode.UPDATE, path.join(dir, 'm'))();
    const before = fs.readFileSync(lock, 'utf8');
    fs.writeFileSync(path.join(dir, 'm', 'w.bin'), 'two');
    expect(synthWith(lock, VersionLockMode.UPDATE, path.join(dir, 'm')))
      .toThrow(/workspace:mlw-dev\/models\/churn\/1 \(test\/Workspace\/churn\/1\) \(value: .*\) was released with .*a version is immutable.*Fix: declare a new version/);
    expect(fs.readFileSync(lock, 'utf8')).toBe(before);
  });

  test('a new version number for the new content passes, and the lock keeps the old one', () => {
    const lock = path.join(tempDir(), 'lock.json');
    const a = path.join(writeTree({ 'm/w.bin': 'one' }), 'm');
    const b = path.join(writeTree({ 'm/w.bin': 'two' }), 'm');
    synthWith(lock, VersionLockMode.UPDATE, a)();
    const { stack, workspace } = workspaceStack();
    VersionLock.configure(stack, { path: lock, mode: VersionLockMode.UPDATE });
    Model.inWorkspace(workspace, 'churn').addVersion('2', { source: ModelSource.fromLocalPath(b) });
    Template.synth(stack);
    expect(Object.keys(JSON.parse(fs.readFileSync(lock, 'utf8')).versions)).toEqual([
      'registry:mlr-shared/models/churn/1', 'workspace:mlw-dev/models/churn/1', 'workspace:mlw-dev/models/churn/2',
    ]);
  });

  test('in VERIFY mode one unlocked version among locked ones fails synth naming just that one', () => {
    const lock = path.join(tempDir(), 'lock.json');
    const model = path.join(writeTree({ 'm/w.bin': 'one' }), 'm');
    synthWith(lock, VersionLockMode.UPDATE, model, ['1'])();
    const before = fs.readFileSync(lock, 'utf8');
    let message = '';
    try {
      synthWith(lock, VersionLockMode.VERIFY, model, ['1', '2'])();
    } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/lock file \(value: "workspace:mlw-dev\/models\/churn\/2"\) does not list these versions/);
    expect(fs.readFileSync(lock, 'utf8')).toBe(before);
  });

  test('in VERIFY mode a version missing from the lock file fails synth, and the file is not written', () => {
    const lock = path.join(tempDir(), 'lock.json');
    const model = path.join(writeTree({ 'm/w.bin': 'one' }), 'm');
    expect(synthWith(lock, VersionLockMode.VERIFY, model)).toThrow(/lock file \(value: ".*churn\/1.*"\) does not list these versions.*Fix: run `cdktf synth` locally/);
    expect(fs.existsSync(lock)).toBe(false);
    synthWith(lock, VersionLockMode.UPDATE, model)();
    expect(synthWith(lock, VersionLockMode.VERIFY, model)).not.toThrow();
  });
});
