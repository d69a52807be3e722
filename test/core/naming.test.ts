import { NameBuilder, namingProblem, NamingRule, NamingRules, stableSuffix } from '../../lib/core/naming';

// Each rule: names Azure accepts and names it rejects (from the rules table in DESIGN.md).
const CASES: Array<[string, NamingRule, string[], string[]]> = [
  ['ML workspace', NamingRules.ML_WORKSPACE, ['abc', 'mlw-churn_prod', 'A'.repeat(33)], ['ab', '-abc', 'a'.repeat(34), 'ml.w']],
  ['ML registry', NamingRules.ML_REGISTRY, ['mlr', 'mlr_shared-1'], ['ml', '_mlr', 'a'.repeat(33)]],
  ['storage account', NamingRules.STORAGE_ACCOUNT, ['abc', 'st1234567890abcdefghijkl'], ['ab', 'Stmlops', 'st-mlops', 'a'.repeat(25)]],
  ['Key Vault', NamingRules.KEY_VAULT, ['kv1', 'kv-mlops-prod'], ['1kv', 'kv--a', 'kv-', 'k'.repeat(25), 'kv_a']],
  ['container registry', NamingRules.CONTAINER_REGISTRY, ['crabc', 'CrMlops1'], ['cr1', 'cr-mlops', 'c'.repeat(51)]],
  ['Log Analytics', NamingRules.LOG_ANALYTICS_WORKSPACE, ['log1', 'log-mlops-prod'], ['lo', '-log', 'log-', 'l'.repeat(64)]],
  ['online endpoint', NamingRules.ONLINE_ENDPOINT, ['abc', 'churn-prod-1', 'churn--prod', 'Churn-Prod'], ['ab', '1abc', 'churn-', 'a'.repeat(33), 'churn_prod', 'churn.prod']],
  ['online deployment', NamingRules.ONLINE_DEPLOYMENT, ['blue', 'green-2', 'blue--v2'], ['bl', '2blue', 'blue_1', 'blue-']],
  // The Azure ML CLI's own check (azure-ai-ml validate_endpoint_or_deployment_name) allows consecutive "-".
  ['batch endpoint', NamingRules.BATCH_ENDPOINT, ['churn-batch', 'churn--batch', 'B12'], ['ab', '1batch', 'batch-', 'b'.repeat(33)]],
  ['batch deployment', NamingRules.BATCH_DEPLOYMENT, ['nightly', 'mlflow--dpl'], ['ni', '-nightly', 'nightly_1']],
  ['compute', NamingRules.COMPUTE, ['cpu', 'gpu-cluster-a', 'c'.repeat(24)], ['cp', '1cpu', 'cpu-1', 'c'.repeat(25)]],
  ['asset name', NamingRules.ASSET_NAME, ['m', 'churn-model_v2'], ['', '-m', 'churn model', 'm'.repeat(256)]],
  ['asset version', NamingRules.ASSET_VERSION, ['1', '10', '1.2.0', 'v3-rc_1'], ['', '.1', '1/2', '1 2']],
  ['datastore', NamingRules.DATASTORE, ['model_artifacts'], ['model-artifacts', '']],
];

describe.each(CASES)('%s naming rule', (_what, rule, valid, invalid) => {
  test.each(valid)('accepts %j', name => {
    expect(namingProblem('name', name, rule)).toBeUndefined();
  });
  test.each(invalid)('rejects %j with the rule and an example fix', name => {
    const problem = namingProblem('name', name, rule);
    expect(problem).toBeDefined();
    expect(problem!.fix).toContain(JSON.stringify(rule.example));
  });
  test('its own example is valid', () => {
    expect(namingProblem('name', rule.example, rule)).toBeUndefined();
  });
});

describe('NameBuilder', () => {
  const inputs = ['churn', 'Churn Model!', 'a', 'x'.repeat(80), 'prod', 'dev-01', 'ÜBER_team', '---', 'ml.ops'];

  test.each(Object.entries(NamingRules))('derives valid %s names from arbitrary prefixes and environments', (_k, rule) => {
    for (const prefix of inputs) {
      for (const env of ['prod', 'dev', 'staging-eu']) {
        const name = NameBuilder.derive(rule, [prefix, env], `${prefix}/${env}`);
        if (name.length >= rule.minLength) expect(namingProblem('name', name, rule)).toBeUndefined();
      }
    }
  });

  test('globally unique names carry a suffix that is stable for a seed and differs between seeds', () => {
    const a = NameBuilder.derive(NamingRules.STORAGE_ACCOUNT, ['stmlops', 'prod'], 'app/prod/ws');
    expect(NameBuilder.derive(NamingRules.STORAGE_ACCOUNT, ['stmlops', 'prod'], 'app/prod/ws')).toBe(a);
    expect(NameBuilder.derive(NamingRules.STORAGE_ACCOUNT, ['stmlops', 'prod'], 'app/dev/ws')).not.toBe(a);
    expect(a).toMatch(/^stmlopsprod[a-z0-9]{4}$/);
  });

  test('names that are not global get no suffix', () => {
    expect(NameBuilder.derive(NamingRules.ML_WORKSPACE, ['mlw', 'churn', 'prod'], 'seed')).toBe('mlw-churn-prod');
  });

  test('stableSuffix is 4 lowercase alphanumerics', () => {
    for (const seed of ['', 'a', 'very/long/path/'.repeat(20)]) expect(stableSuffix(seed)).toMatch(/^[a-z0-9]{4}$/);
  });
});
