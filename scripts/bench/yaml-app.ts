// Benchmark app: BENCH_YAML_FILES CLI v2 model files (half local files uploaded content-addressed, half job outputs),
// loaded with ModelYaml — parse, --set-free schema check with ajv (compiled once), and the same constructs as
// addVersion. Written to a temp folder first, inside the process.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ModelYaml } from '../../lib/yaml/asset-loaders';
import { benchStack } from './bench-stack';

const count = Number(process.env.BENCH_YAML_FILES ?? 100);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-yaml-'));
const { app, workspace } = benchStack();
for (let v = 1; v <= count; v++) {
  const local = v % 2 === 0;
  if (local) fs.writeFileSync(path.join(dir, `model-${v}.pkl`), `weights of version ${v}\n`.repeat(64));
  fs.writeFileSync(path.join(dir, `model-${v}.yml`), [
    '$schema: https://azuremlschemas.azureedge.net/latest/model.schema.json',
    'name: churn', `version: ${v}`, `path: ${local ? `model-${v}.pkl` : `azureml://jobs/train-${v}/outputs/artifacts/paths/model`}`,
    'tags:', '  team: churn', '',
  ].join('\n'));
  ModelYaml.inWorkspace(workspace, path.join(dir, `model-${v}.yml`));
}
app.synth();
fs.rmSync(dir, { recursive: true, force: true });
