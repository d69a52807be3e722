import * as path from 'path';
import * as ts from 'typescript';
import { main } from '../../lib/yaml/cli';
import { ModelYaml, EnvironmentYaml, DataYaml, CodeYaml } from '../../lib/yaml/asset-loaders';
import { RegistryYaml, WorkspaceYaml } from '../../lib/yaml/resource-loaders';
import * as lib from '../../lib';
import { MlopsProviders } from '../../lib/core/providers';
import { testStack } from '../support/template';
import { bodyAt, doc, RG_ID, synthValid, workspaceStack, writeTree } from './support';

function bareStack() {
  const s = testStack();
  MlopsProviders.configure(s);
  return s;
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, (s) => { out += s; }, (s) => { err += s; });
  return { code, out, err };
}

describe('yaml check', () => {
  test('one line per file and a closing count; exit 0 when every file loads', () => {
    const r = run(['yaml', 'check', doc('model-local-file.yml'), doc('environment-build.yml'), doc('data-mltable.yml'), doc('registry-basic.yml'), doc('workspace-full.yml')]);
    expect(r.out.trim().split('\n')).toEqual([
      `ok ${doc('model-local-file.yml')}`, `ok ${doc('environment-build.yml')}`, `ok ${doc('data-mltable.yml')}`,
      `ok ${doc('registry-basic.yml')}`, `ok ${doc('workspace-full.yml')}`, '5 ok, 0 failed',
    ]);
    expect(r.code).toBe(0);
  });

  test('a bad file is an error line with file, line, key and fix; exit 1; the others still load', () => {
    const dir = writeTree({ 'bad.yml': '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json\nname: churn\npth: x\n' });
    const bad = path.join(dir, 'bad.yml');
    const r = run(['yaml', 'check', bad, doc('code-local.yml')]);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^error ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: Invalid model YAML`));
    expect(r.out).toContain('line 3, pth');
    expect(r.out).toContain('did you mean `path`?');
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.out).toContain(`ok ${doc('code-local.yml')}`);
    expect(r.out.trim().split('\n').pop()).toBe('1 ok, 1 failed');
    expect(r.code).toBe(1);
  });

  test('--set fills what the file leaves to the command line', () => {
    const dir = writeTree({ 'reg.yml': 'name: DemoRegistry-<VERSION>\nlocation: westeurope\nreplication_locations:\n  - location: westeurope\n' });
    const file = path.join(dir, 'reg.yml');
    expect(run(['yaml', 'check', file]).code).toBe(1);
    expect(run(['yaml', 'check', file, '--set', 'name=DemoRegistry-1']).out).toContain(`ok ${file}`);
  });

  test('a file of no known kind says how to name its kind', () => {
    const dir = writeTree({ 'job.yml': '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: ls\n' });
    const r = run(['yaml', 'check', path.join(dir, 'job.yml')]);
    expect(r.out).toMatch(/is not a kind this command knows \(.*model.*\)/);
    expect(r.code).toBe(1);
  });

  test('usage errors exit 2', () => {
    expect(run(['yaml', 'lint', 'x.yml']).code).toBe(2);
    expect(run(['yaml', 'check']).code).toBe(2);
    expect(run(['yaml', 'check', 'x.yml', '--set', 'novalue']).code).toBe(2);
  });
});

/** Runs converted TypeScript against the library's own modules; returns its exported `declare`. */
function compile(source: string): (...args: unknown[]) => unknown {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const mod = { exports: {} as Record<string, unknown> };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the converted module's own imports, resolved at run time
  const req = (name: string) => (name === 'cdktf-azure-mlops' ? lib : require(name));
  new Function('require', 'exports', 'module', js)(req, mod.exports, mod);
  return mod.exports.declare as (...args: unknown[]) => unknown;
}

describe('yaml convert', () => {
  test.each([
    ['model-local-file.yml', 'local-file-example/2', (w: any, f: string) => ModelYaml.inWorkspace(w, f)],
    ['model-job-output.yml', 'job-model/4', (w: any, f: string) => ModelYaml.inWorkspace(w, f)],
    ['environment-image-conda.yml', 'docker-image-plus-conda-example/3', (w: any, f: string) => EnvironmentYaml.inWorkspace(w, f)],
    ['environment-inline-conda.yml', 'inline-conda-example/1', (w: any, f: string) => EnvironmentYaml.inWorkspace(w, f)],
    ['environment-build.yml', 'docker-context-example/1', (w: any, f: string) => EnvironmentYaml.inWorkspace(w, f)],
    ['data-datastore-folder.yml', 'cloud-folder-example/1', (w: any, f: string) => DataYaml.inWorkspace(w, f)],
    ['data-local-file.yml', 'local-file-example-titanic/1', (w: any, f: string) => DataYaml.inWorkspace(w, f)],
    ['code-local.yml', 'score-code/1', (w: any, f: string) => CodeYaml.inWorkspace(w, f)],
  ])('%s: the printed TypeScript synthesizes the body the loader synthesizes', (file, at, load) => {
    const r = run(['yaml', 'convert', doc(file)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("from 'cdktf-azure-mlops'");
    const converted = workspaceStack();
    compile(r.out)(converted.workspace);
    const loaded = workspaceStack();
    load(loaded.workspace, doc(file));
    expect(bodyAt(synthValid(converted.stack), at)).toEqual(bodyAt(synthValid(loaded.stack), at));
  });

  test('registry: the printed TypeScript synthesizes the loader\'s registry', () => {
    const r = run(['yaml', 'convert', doc('registry-basic.yml')]);
    const a = workspaceStack();
    compile(r.out)(a.stack, RG_ID);
    const b = workspaceStack();
    RegistryYaml.load(b.stack, 'Registry', doc('registry-basic.yml'), { resourceGroupId: RG_ID });
    const body = (t: ReturnType<typeof synthValid>) => t.resources('azapi_resource').find((x) => x.attributes.type.includes('/registries@'))!.attributes.body;
    expect(body(synthValid(a.stack))).toEqual(body(synthValid(b.stack)));
  });

  test('workspace: the printed TypeScript synthesizes the loader\'s workspace, outbound rules included', () => {
    const file = path.join(__dirname, 'fixtures', 'azureml-examples', 'cli', 'resources', 'workspace', 'mvnet-allow-only-approved-outbound.yml');
    const r = run(['yaml', 'convert', file]);
    expect(r.out).toContain('OutboundRule.privateEndpointTo(');
    const a = bareStack();
    compile(r.out)(a, RG_ID, 'westeurope');
    const b = bareStack();
    WorkspaceYaml.load(b, 'Workspace', file, { resourceGroupId: RG_ID, location: 'westeurope' });
    const body = (t: ReturnType<typeof synthValid>) => t.resources('azapi_resource').find((x) => x.attributes.type.includes('/workspaces@'))!.attributes.body;
    expect(body(synthValid(b)).properties.managedNetwork.outboundRules['added-perule'].destination.sparkEnabled).toBe(true);
    expect(body(synthValid(a))).toEqual(body(synthValid(b)));
  });

  test('convert says which workspace keys it leaves to the loader', () => {
    expect(run(['yaml', 'convert', doc('workspace-full.yml')]).out).toContain('// Not converted: customer_managed_key, identity, primary_user_assigned_identity');
  });

  test('convert of a bad file is an error line, exit 1', () => {
    const dir = writeTree({ 'bad.yml': 'name: x\n' });
    const r = run(['yaml', 'convert', path.join(dir, 'bad.yml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error .*bad\.yml: /);
  });
});
