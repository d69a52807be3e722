// Measurement: Microsoft's published examples (a vendored sample of Azure/azureml-examples, provenance in
// test/fixtures/yaml-serving/azureml-examples/manifest.json) loaded and synthesized as `yaml check` does, each file alone
// in a scratch app, every azapi body validated against Azure's types. Three numbers, each stricter than the next:
//   1. as published, with the --set values the examples' scripts pass;
//   2. plus the models those scripts register first (az ml model create), declared in the app;
//   3. plus the placeholders the scripts substitute with sed before calling the CLI (templated files).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { ModelType } from '../../lib/assets/asset-refs';
import { Model } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { MlopsProviders } from '../../lib/core/providers';
import { scratchContext, SCRATCH_SUBSCRIPTION, yamlKinds } from '../../lib/yaml/cli';
import { YamlDocument } from '../../lib/yaml/document';
import { detectKind } from '../../lib/yaml/kinds';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';

const ROOT = path.join(__dirname, '..', 'fixtures', 'yaml-serving', 'azureml-examples');
interface Entry { path: string; commit: string; set?: Record<string, string>; preregister?: Array<{ name: string; type: string }>; substitute?: Record<string, string> }
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { files: Entry[] };

type Stage = 1 | 2 | 3;

/** Loads one file as `yaml check` does; undefined when it loads and every body is valid, else why not. */
function measure(root: string, e: Entry, stage: Stage): string | undefined {
  try {
    let file = path.join(root, e.path);
    if (stage >= 3 && e.substitute) {
      let text = fs.readFileSync(file, 'utf8');
      for (const [from, to] of Object.entries(e.substitute)) text = text.split(from).join(to);
      file = file.replace(/\.ya?ml$/, '.substituted.yml');
      fs.writeFileSync(file, text);
    }
    const kind = detectKind(yamlKinds(), YamlDocument.load(file).data);
    if (!kind) return 'no kind recognized';
    const stack = new TerraformStack(Testing.app(), 'measure');
    MlopsProviders.configure(stack, { subscriptionId: SCRATCH_SUBSCRIPTION });
    const ctx = scratchContext(stack);
    if (stage >= 2) {
      for (const p of e.preregister ?? []) {
        Model.inWorkspace(ctx.workspace(), p.name).addVersion('1', {
          source: ModelSource.fromUri(`azureml://datastores/workspaceblobstore/paths/models/${p.name}/`), modelType: ModelType.of(p.type),
        });
      }
    }
    kind.load(ctx, file, { set: e.set });
    const json = JSON.parse(Testing.synth(stack, true));
    const problems = azapiBodyProblems(json);
    if (problems.length > 0) return problems.join('; ');
    return azapiResourceCount(json) > 0 ? undefined : 'nothing synthesized';
  } catch (err) {
    return String((err as Error).message).split('\n')[0];
  }
}

describe('Microsoft\'s published endpoint and deployment YAML (Azure/azureml-examples sample)', () => {
  let tmp: string;
  const results: Record<Stage, Array<{ path: string; why?: string }>> = { 1: [], 2: [], 3: [] };
  beforeAll(() => {
    // A copy, so the substituted files of stage 3 are written next to their originals without touching the fixtures.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'azureml-examples-'));
    fs.cpSync(ROOT, tmp, { recursive: true });
    for (const stage of [1, 2, 3] as Stage[]) {
      for (const e of manifest.files) results[stage].push({ path: e.path, why: measure(tmp, e, stage) });
    }
    const pct = (s: Stage) => results[s].filter(r => !r.why).length;
    // The numbers, for the report (run: npx jest test/yaml/azureml-examples.test.ts).
    process.stdout.write(`azureml-examples sample: ${manifest.files.length} files; load and synthesize valid bodies: ` +
      `as published with --set ${pct(1)}, + script-registered models ${pct(2)}, + script substitutions ${pct(3)}\n` +
      results[3].filter(r => r.why).map(r => `  fails: ${r.path}: ${r.why}`).join('\n') + '\n');
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the sample is the vendored one: every file of the manifest is there, with its commit', () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(30);
    for (const e of manifest.files) {
      expect(fs.existsSync(path.join(ROOT, e.path))).toBe(true);
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  // The target is 90%. Measured: 34 of 39 (87%); the five that fail are decisions of this library or Azure's own
  // type, listed here so a change in either direction shows: a pinned version is required for what Azure resolves at
  // CLI time (labels/latest, a component @latest), inline pipeline components cannot be registered, and the Route type
  // (which azapi checks at plan time) refuses the path "/".
  const EXPECTED_FAILURES: Record<string, RegExp> = {
    'cli/endpoints/online/managed/sample/blue-deployment-with-curated-env.yml': /environment \(value: ".*labels\/latest"\) asks for the latest version/,
    'cli/endpoints/online/custom-container/triton/single-model/triton-cc-deployment.yml': /inference_config \(value: "\/"\) holds no letter, digit or "_"/,
    'cli/endpoints/online/custom-container/minimal/single-model/conda-in-dockerfile/minimal-single-model-conda-in-dockerfile-deployment.yml': /\(2 problems\)/,
    'cli/endpoints/batch/deploy-pipelines/hello-batch/deployment.yml': /component \(value: "azureml:hello_batch@latest"\) cannot be pinned/,
    'cli/endpoints/batch/deploy-pipelines/batch-scoring-with-preprocessing/deployment.yml': /component \(value: "pipeline\.yml"\) defines the pipeline component inline \(or by a local file\)/,
  };

  test('as the examples\' scripts run them, 34 of 39 (87%) load and synthesize valid bodies', () => {
    const ok = results[3].filter(r => !r.why).length;
    expect(ok / manifest.files.length).toBeGreaterThanOrEqual(34 / 39);
  });

  test('what fails is exactly the five known files, each for its stated reason', () => {
    const failing = results[3].filter(r => r.why);
    expect(failing.map(r => r.path).sort()).toEqual(Object.keys(EXPECTED_FAILURES).sort());
    for (const r of failing) expect(r.why).toMatch(EXPECTED_FAILURES[r.path]);
  });

  test('each stage only adds: what loads with less help loads with more', () => {
    for (const [lo, hi] of [[1, 2], [2, 3]] as Array<[Stage, Stage]>) {
      const okHi = new Set(results[hi].filter(r => !r.why).map(r => r.path));
      expect(results[lo].filter(r => !r.why).map(r => r.path).filter(p => !okHi.has(p))).toEqual([]);
    }
  });

  test('what still fails, fails for a reason the library states (never a crash)', () => {
    for (const r of results[3].filter(x => x.why)) {
      expect(r.why).toMatch(/^Invalid .* YAML in '/);
    }
  });
});
