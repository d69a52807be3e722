// Benchmark app: one endpoint file and BENCH_SERVING_YAML_FILES managed deployment files, each with an inline model
// (a local file, uploaded content-addressed), an inline environment (image and conda file) and a local code folder,
// loaded with OnlineEndpointYaml — schema check, pinning, three content-versioned versions and a deployment per file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OnlineEndpointYaml } from '../../lib/yaml/online-endpoint-yaml';
import { benchStack, RG } from './bench-stack';

const count = Number(process.env.BENCH_SERVING_YAML_FILES ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-serving-yaml-'));
const { app, stack, workspace } = benchStack({
  storageAccountId: `${RG}/providers/Microsoft.Storage/storageAccounts/stbench`,
  containerRegistryId: `${RG}/providers/Microsoft.ContainerRegistry/registries/crbench`,
});
fs.writeFileSync(path.join(dir, 'endpoint.yml'), 'name: churn-bench\nauth_mode: aad_token\npublic_network_access: disabled\n');
fs.writeFileSync(path.join(dir, 'conda.yaml'), 'name: bench\ndependencies:\n  - python=3.10\n');
fs.mkdirSync(path.join(dir, 'code'));
fs.writeFileSync(path.join(dir, 'code', 'score.py'), 'def init():\n    pass\n\ndef run(raw):\n    return raw\n');
const endpoint = OnlineEndpointYaml.load(stack, 'Endpoint', { workspace, file: path.join(dir, 'endpoint.yml') });
for (let v = 1; v <= count; v++) {
  fs.writeFileSync(path.join(dir, `model-${v}.pkl`), `weights of deployment ${v}\n`.repeat(64));
  fs.writeFileSync(path.join(dir, `d${v}.yml`), [
    `name: d${v}x`, 'endpoint_name: churn-bench', 'model:', `  path: model-${v}.pkl`,
    'environment:', '  image: mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:20240708.v1', '  conda_file: conda.yaml',
    'code_configuration:', '  code: code', '  scoring_script: score.py',
    'instance_type: Standard_DS3_v2', 'instance_count: 1', 'app_insights_enabled: true', 'egress_public_network_access: disabled',
    'request_settings:', '  request_timeout_ms: 3000', '',
  ].join('\n'));
  OnlineEndpointYaml.addDeployment(endpoint, path.join(dir, `d${v}.yml`));
}
app.synth();
fs.rmSync(dir, { recursive: true, force: true });
