// Benchmark app: one workspace model with BENCH_MODEL_VERSIONS versions, half uploaded content-addressed from local
// files (written to a temp folder first, outside the timed synth's hot path but inside the process), half from
// training-job outputs; each with metrics, lineage and a stage — the cost a team with a long model history pays.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelStage } from '../../lib/assets/asset-refs';
import { ModelSource } from '../../lib/assets/model-source';
import { DataProtection, Policy, ProductionReadiness, SecureBaseline } from '../../lib/policy';
import { benchStack } from './bench-stack';

const count = Number(process.env.BENCH_MODEL_VERSIONS ?? 100);

const files = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-models-'));
const { app, stack, workspace } = benchStack();
// BENCH_POLICY=1: all three policy packs on the stack, to measure what they add per version.
if (process.env.BENCH_POLICY === '1') Policy.apply(stack, new SecureBaseline(), new DataProtection(), new ProductionReadiness());
const model = workspace.addModel('churn');
for (let v = 1; v <= count; v++) {
  let source: ModelSource;
  if (v % 2 === 0) {
    const file = path.join(files, `model-${v}.pkl`);
    fs.writeFileSync(file, `weights of version ${v}\n`.repeat(64));
    source = ModelSource.fromLocalPath(file);
  } else {
    source = ModelSource.fromJobOutput(`train-${v}`, { path: 'model' });
  }
  model.addVersion(String(v), {
    source,
    metrics: { auc: 0.8 + (v % 100) / 1000, f1: 0.7 },
    stage: v === count ? ModelStage.PRODUCTION : ModelStage.DEVELOPMENT,
    lineage: { trainingJob: `train-${v}`, sourceCommit: `c0ffee${v}` },
  });
}
app.synth();
fs.rmSync(files, { recursive: true, force: true });
