// examples/platform, the main example (what `npm run synth` synthesizes): a platform repo in four stacks. Everything
// here is asserted on the JSON cdktf writes for the whole app, as `cdktf synth` writes it.
import * as fs from 'fs';
import * as path from 'path';
import { buildPlatformApp, ENDPOINT_NAME, PlatformApp } from '../../examples/platform/app';
import { mlType } from '../../lib/core/api-versions';
import { azurePipelinesValidator, gitHubWorkflowValidator, parseYaml, schemaErrors } from '../pipelines/schema-validators';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { readRepoFile } from '../support/readme';
import { badDependsOn, duplicateDeclarations, freshApp, Json, roleAssignments, synthStacks } from '../support/stacks';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'platform');
const ML = 'Microsoft.MachineLearningServices';

/** The resources of `type` in a stack's JSON whose azapi `type` starts with `azureType`. */
function azapi(json: Json, azureType: string, kind = 'azapi_resource'): Json[] {
  return Object.values<Json>(json.resource?.[kind] ?? {}).filter(r => String(r.type).split('@')[0] === azureType);
}

describe('examples/platform (the main example, synthesized by npm run synth)', () => {
  let built: PlatformApp;
  let stacks: Record<string, Json>;
  let output: string[];
  const ci = process.env.CI;
  beforeAll(() => {
    // As in CI: the committed lock file is only verified, so a version missing from it or changed fails synth here.
    process.env.CI = 'true';
    try {
      built = buildPlatformApp(freshApp('platform'));
      ({ stacks, output } = synthStacks(built.app));
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  test('synthesizes four stacks, with no inputs and without printing anything', () => {
    expect(Object.keys(stacks).sort()).toEqual(['dev', 'devops', 'prod', 'shared']);
    expect(output).toEqual([]);
  });

  test('the stacks apply in the order dev, shared, prod, and the pipeline deploys them in that order', () => {
    expect(built.dev.dependencies).toEqual([]);
    expect(built.shared.dependencies).toEqual([built.dev]);
    expect(built.prod.dependencies).toEqual([built.shared]);
    const azurePipelines = parseYaml(built.pipelines.renderAzurePipelines());
    const plan = (name: string) => azurePipelines.stages.find((s: Json) => s.stage === `Plan_${name}`);
    expect(plan('shared')?.dependsOn).toEqual(expect.arrayContaining(['Apply_dev']));
    expect(plan('prod')?.dependsOn).toEqual(expect.arrayContaining(['Apply_shared']));
  });

  test('every depends_on entry names a whole resource, data source or module of its own stack', () => {
    const { count, bad } = badDependsOn(stacks);
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(10);
  });

  test('every azapi body validates against Azure\'s resource types', () => {
    for (const [name, json] of Object.entries(stacks)) {
      expect({ stack: name, problems: azapiBodyProblems(json) }).toEqual({ stack: name, problems: [] });
    }
    expect(['dev', 'shared', 'prod'].map(s => azapiResourceCount(stacks[s]) > 0)).toEqual([true, true, true]);
  });

  test('no Azure resource and no role assignment is declared twice, in one stack or across stacks', () => {
    expect(duplicateDeclarations(stacks)).toEqual([]);
  });

  test('dev and prod each have a workspace with an environment, a data and a code version', () => {
    for (const name of ['dev', 'prod']) {
      const json = stacks[name];
      expect({ stack: name, counts: [`${ML}/workspaces`, `${ML}/workspaces/environments/versions`, `${ML}/workspaces/data/versions`, `${ML}/workspaces/codes/versions`]
        .map(t => azapi(json, t).length > 0) }).toEqual({ stack: name, counts: [true, true, true, true] });
    }
  });

  test('dev\'s model versions are the local MLflow folders, uploaded content-addressed, with lineage and metrics; no training job is referenced anywhere', () => {
    const versions = azapi(stacks.dev, `${ML}/workspaces/models/versions`);
    expect(versions.map(v => v.name).sort()).toEqual(['1', '2', '3']);
    for (const v of versions) {
      const p = v.body.properties;
      expect(p.modelType).toBe('mlflow_model');
      expect(p.modelUri).toMatch(/^azureml:\/\/datastores\/[a-z_]+\/paths\/models\/churn\/[0-9a-f]{16}\/churn-\d$/);
      expect(p.jobName).toBeUndefined();
      expect(Object.keys(p.properties)).toEqual(expect.arrayContaining([
        'mlops.lineage.data.0', 'mlops.lineage.environment', 'mlops.lineage.code', 'mlops.lineage.sourceCommit',
        'mlops.hyperparameter.max_depth', 'mlops.metric.auc', 'mlops.metric.f1',
      ]));
    }
    const blobs = Object.values<Json>(stacks.dev.resource.azurerm_storage_blob).map(b => b.name);
    expect(blobs.filter(b => b.startsWith('models/churn/'))).toHaveLength(9); // MLmodel, conda.yaml, model.pkl × 3
    for (const [name, json] of Object.entries(stacks)) {
      expect({ stack: name, jobs: JSON.stringify(json).includes('azureml://jobs/') }).toEqual({ stack: name, jobs: false });
    }
    const size = fs.readdirSync(path.join(EXAMPLE, 'models')).flatMap(d => fs.readdirSync(path.join(EXAMPLE, 'models', d))
      .map(f => fs.statSync(path.join(EXAMPLE, 'models', d, f)).size)).reduce((a, b) => a + b, 0);
    expect(size).toBeLessThan(8 * 1024);
  });

  test('the shared stack holds the registry, and dev\'s versions are promoted into it', () => {
    expect(azapi(stacks.shared, `${ML}/registries`)).toHaveLength(1);
    const publish = Object.values<Json>(stacks.shared.resource.azapi_resource_action);
    expect(publish.map(a => [a.action, a.body.destinationName, a.body.destinationVersion])).toEqual([
      ['publish', 'churn', '1'], ['publish', 'churn', '2'], ['publish', 'churn', '3'],
    ]);
  });

  test('the prod endpoint serves registry versions 1 and 2 at 90/10, mirrors 20% to version 3, and autoscales its live deployments', () => {
    const endpoint = azapi(stacks.prod, `${ML}/workspaces/onlineEndpoints`);
    expect(endpoint.map(e => e.name)).toEqual([ENDPOINT_NAME]);
    const models = Object.fromEntries(azapi(stacks.prod, `${ML}/workspaces/onlineEndpoints/deployments`)
      .map(d => [d.name, d.body.properties.model]));
    expect(models).toEqual({
      blue: 'azureml://registries/mlr-churnplat/models/churn/versions/1',
      green: 'azureml://registries/mlr-churnplat/models/churn/versions/2',
      shadow: 'azureml://registries/mlr-churnplat/models/churn/versions/3',
    });
    const [traffic] = azapi(stacks.prod, `${ML}/workspaces/onlineEndpoints`, 'azapi_update_resource');
    expect(traffic.body.properties).toEqual({
      traffic: { blue: 90, green: 10, shadow: 0 },
      mirrorTraffic: { blue: 0, green: 0, shadow: 20 },
    });
    const autoscaled = Object.values<Json>(stacks.prod.resource.azurerm_monitor_autoscale_setting).map(a => a.name);
    expect(autoscaled).toHaveLength(2);
  });

  test('prod\'s workspace identity reads the shared registry through a grant made in prod', () => {
    const grant = roleAssignments(stacks.prod).find(a => a.path.startsWith('prod/CrossStackGrants/shared/Registry/'));
    expect(grant).toBeDefined();
    expect(roleAssignments(stacks.shared)).toEqual([]);
  });

  test('the online endpoint\'s identity gets AzureML Registry User on the shared registry, in prod, and nothing Azure ML assigns itself', () => {
    const endpointGrants = roleAssignments(stacks.prod).filter(a => a.path.startsWith('prod/Endpoint/'));
    expect(endpointGrants.map(a => a.attributes.role_definition_id.split('/').pop())).toEqual([
      '1823dd4f-9b8c-4ab6-ab4e-7397a3684615', // AzureML Registry User (not AcrPull, not Storage Blob Data Reader)
    ]);
    expect(endpointGrants[0].attributes.scope).toContain('cross-stack-reference-input-shared');
  });

  test('the batch endpoint scores with registry version 1 on prod\'s cluster, with prod\'s code and environment', () => {
    const [deployment] = azapi(stacks.prod, `${ML}/workspaces/batchEndpoints/deployments`);
    expect(deployment.body.properties.model.assetId).toBe('azureml://registries/mlr-churnplat/models/churn/versions/1');
    expect(deployment.body.properties.codeConfiguration.scoringScript).toBe('batch_score.py');
    expect(mlType('workspaces/batchEndpoints')).toMatch(/@2026-05-01$/);
  });

  test('each deployed stack keeps its state in its own stage\'s container, which the devops stack creates', () => {
    const containers = Object.fromEntries(['dev', 'shared', 'prod'].map(s => [s, stacks[s].terraform.backend.azurerm.container_name]));
    expect(containers).toEqual({ dev: 'tfstate-dev', shared: 'tfstate-shared', prod: 'tfstate-prod' });
    const created = Object.values<Json>(stacks.devops.resource.azurerm_storage_container).map(c => c.name).sort();
    expect(created).toEqual(['tfstate-dev', 'tfstate-prod', 'tfstate-shared']);
  });

  test('the devops stack has the project, the approvals on shared and prod, and a pipeline reading the committed file', () => {
    const devops = stacks.devops.resource;
    expect(Object.keys(devops.azuredevops_check_approval)).toHaveLength(2);
    expect(Object.values<Json>(devops.azuredevops_build_definition)[0].repository.yml_path).toBe('pipelines/azure-pipelines.yml');
  });

  test('the committed pipeline files are what the example generates, and validate against their schemas (run main.ts to update them)', () => {
    const azurePipelines = fs.readFileSync(path.join(EXAMPLE, 'pipelines', 'azure-pipelines.yml'), 'utf8');
    const gitHub = fs.readFileSync(path.join(EXAMPLE, '.github', 'workflows', 'mlops.yml'), 'utf8');
    expect(azurePipelines).toBe(built.pipelines.renderAzurePipelines());
    expect(gitHub).toBe(built.pipelines.renderGitHubWorkflow());
    expect(schemaErrors(azurePipelinesValidator(), parseYaml(azurePipelines))).toEqual([]);
    expect(schemaErrors(gitHubWorkflowValidator(), parseYaml(gitHub))).toEqual([]);
  });

  test('main.ts says what it creates, stack by stack', () => {
    const header = readRepoFile('examples/platform/main.ts').split('\n').filter(l => l.startsWith('//')).join('\n');
    for (const stack of ['devops', 'dev', 'shared', 'prod']) expect(header).toMatch(new RegExp(`^// - ${stack}: `, 'm'));
  });
});

describe('the README and cdktf.json agree on the main example', () => {
  test('cdktf.json runs examples/platform/main.ts, and the README\'s set-up and main-example text name it', () => {
    expect(JSON.parse(readRepoFile('cdktf.json')).app).toBe('npx tsx --tsconfig tsconfig.dev.json examples/platform/main.ts');
    const readme = readRepoFile('README.md');
    expect(readme).toMatch(/Synthesize the main example \(`examples\/platform`, the app `cdktf\.json` runs\)/);
    expect(readme).toMatch(/The main example, \[`examples\/platform`\]\(examples\/platform\/main\.ts\)/);
  });

  test('no two examples use one resource-group or endpoint name (endpoint names are unique per Azure region)', () => {
    const claimed = new Map<string, string>();
    const clashes: string[] = [];
    for (const name of fs.readdirSync(path.join(EXAMPLE, '..'))) {
      const names = new Set<string>();
      for (const file of fs.readdirSync(path.join(EXAMPLE, '..', name)).filter(f => f.endsWith('.ts'))) {
        const source = readRepoFile(`examples/${name}/${file}`).replace(/smokeTests: \[[^\]]*\]/g, '');
        for (const m of source.matchAll(/new ResourceGroup\([^)]*name: '([^']+)'|endpointName: '([^']+)'|ENDPOINT_NAME = '([^']+)'/g)) {
          names.add(m[1] ?? m[2] ?? m[3]);
        }
      }
      for (const n of names) {
        if (claimed.has(n)) clashes.push(`${n}: ${claimed.get(n)} and ${name}`);
        claimed.set(n, name);
      }
    }
    expect(clashes).toEqual([]);
    expect(claimed.size).toBeGreaterThan(8);
  });

  test('no other example calls itself the main example', () => {
    for (const name of fs.readdirSync(path.join(EXAMPLE, '..')).filter(n => n !== 'platform')) {
      for (const file of fs.readdirSync(path.join(EXAMPLE, '..', name)).filter(f => f.endsWith('.ts'))) {
        const source = readRepoFile(`examples/${name}/${file}`);
        const claims = /^\/\/ The main example/m.test(source) || /what `npm run synth` synthesizes/.test(source) || /\(`npm run synth`\)/.test(source);
        expect({ file: `${name}/${file}`, claims })
          .toEqual({ file: `${name}/${file}`, claims: false });
      }
    }
  });
});
