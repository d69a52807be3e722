import { azurePipelinesValidator, gitHubWorkflowValidator, parseYaml, schemaErrors } from './schema-validators';
import { DEV, PROD, pipelinesIn } from './fixtures';

// Compiled once for the file (the Azure Pipelines schema takes ~0.5 s).
const azureSchema = azurePipelinesValidator();
const gitHubSchema = gitHubWorkflowValidator();

/** Three stacks: `shared` first, then `ml-dev` and `ml-prod` in parallel (both only depend on `shared`). */
const { pipelines } = pipelinesIn({
  stacks: [
    { name: 'ml-prod', stage: 'prod', dependsOn: ['shared'], smokeTests: [
      { endpointName: 'churn-prod', workspaceName: 'mlw-prod', resourceGroupName: 'rg-ml-prod', requestFile: 'tests/sample-request.json' },
    ] },
    { name: 'shared', stage: 'dev' },
    { name: 'ml-dev', stage: 'dev', dependsOn: ['shared'] },
  ],
  terraformVersion: '1.11.4',
});
const azureText = pipelines.renderAzurePipelines();
const azure = parseYaml(azureText);
const gitHub = parseYaml(pipelines.renderGitHubWorkflow());

function stage(name: string): any {
  const s = azure.stages.find((x: any) => x.stage === name);
  if (!s) throw new Error(`no stage ${name}; there are ${azure.stages.map((x: any) => x.stage).join(', ')}`);
  return s;
}

function tasks(steps: any[], task: string): any[] {
  return steps.filter(s => s.task === task);
}

describe('generated Azure Pipelines YAML', () => {
  test('validates against the Azure Pipelines schema', () => {
    expect(schemaErrors(azureSchema, azure)).toEqual([]);
  });

  test('the schema check can fail: a misspelled key or a lower-case task name is rejected', () => {
    const typo = parseYaml(azureText);
    typo.stages[0].jobz = typo.stages[0].jobs;
    delete typo.stages[0].jobs;
    expect(schemaErrors(azureSchema, typo)).not.toEqual([]);
    const lowerCase = parseYaml(azureText.replace(/task: AzureCLI@2/, 'task: azurecli@2'));
    expect(schemaErrors(azureSchema, lowerCase)).not.toEqual([]);
    const alias = parseYaml(azureText.replace(/azureSubscription:/, 'connectedServiceNameARM:'));
    expect(schemaErrors(azureSchema, alias)).not.toEqual([]);
  });

  test('pull requests install, test, synth and review the change; main publishes the synthesized stacks', () => {
    expect(azure.pr).toEqual({ branches: { include: ['main'] } });
    expect(azure.trigger).toEqual({ branches: { include: ['main'] } });
    const steps = stage('Build').jobs[0].steps;
    expect(steps.filter((s: any) => s.script).map((s: any) => s.script.split('\n')[0])).toEqual(
      ['npm ci', 'npm test', 'npx cdktf synth', 'set -euo pipefail']);
    const review = steps.find((s: any) => s.displayName === 'Review the change and post it on the pull request');
    expect(review.condition).toContain("eq(variables['Build.Reason'], 'PullRequest')");
    expect(steps.find((s: any) => s.publish === 'cdktf.out').condition).toContain("'refs/heads/main'");
  });

  test('stacks are planned in dependency order: independent stacks in parallel, each after what it depends on', () => {
    expect(azure.stages.map((s: any) => s.stage)).toEqual(
      ['Build', 'Plan_shared', 'Apply_shared', 'Plan_ml_prod', 'Apply_ml_prod', 'Plan_ml_dev', 'Apply_ml_dev']);
    expect(stage('Plan_shared').dependsOn).toEqual(['Build']);
    expect(stage('Plan_ml_prod').dependsOn).toEqual(['Build', 'Apply_shared']);
    expect(stage('Plan_ml_dev').dependsOn).toEqual(['Build', 'Apply_shared']);
    expect(stage('Plan_ml_dev').condition).toContain("ne(variables['Build.Reason'], 'PullRequest')");
  });

  test('plan runs terraform plan with the stage\'s service connection; apply is a deployment job on the stage\'s environment', () => {
    const plan = stage('Plan_ml_prod');
    expect(plan.variables).toEqual([{ group: 'mlops-prod' }]);
    const [planCli] = tasks(plan.jobs[0].steps, 'AzureCLI@2');
    expect(planCli.inputs).toMatchObject({ azureSubscription: 'azure-prod-plan', scriptType: 'bash', scriptLocation: 'inlineScript' });
    expect(planCli.inputs.inlineScript).toMatch(/ARM_CLIENT_ID="\$MLOPS_PLAN_CLIENT_ID"[\s\S]*terraform plan -input=false -lock=false -out=tfplan/);
    expect(plan.jobs[0].steps.at(-1)).toMatchObject({ publish: '$(Pipeline.Workspace)/cdktf.out/stacks/ml-prod', artifact: 'plan-ml-prod' });

    const apply = stage('Apply_ml_prod');
    expect(apply.dependsOn).toEqual(['Plan_ml_prod']);
    const job = apply.jobs[0];
    expect(job).toMatchObject({ deployment: 'Apply', environment: 'prod' });
    const steps = job.strategy.runOnce.deploy.steps;
    const [applyCli, smoke] = tasks(steps, 'AzureCLI@2');
    expect(applyCli.inputs.inlineScript).toContain('terraform apply -input=false tfplan');
    expect(applyCli.inputs.workingDirectory).toBe('$(Pipeline.Workspace)/plan-ml-prod');
    expect(smoke.inputs.inlineScript).toContain(
      'az ml online-endpoint invoke --name churn-prod --resource-group rg-ml-prod --workspace-name mlw-prod --request-file tests/sample-request.json');
    expect(steps[0]).toEqual({ checkout: 'self' });
    expect(steps.some((s: any) => /Install Terraform 1\.11\.4/.test(s.displayName ?? ''))).toBe(true);
  });

  test('the output is deterministic and carries a do-not-edit header', () => {
    expect(pipelines.renderAzurePipelines()).toBe(azureText);
    expect(azureText.split('\n')[0]).toBe("# Azure Pipelines, generated by cdktf-azure-mlops from the MlopsPipelines construct 'devops/Pipelines'.");
  });
});

describe('generated GitHub Actions workflow', () => {
  test('validates against the GitHub workflow schema, and the check can fail', () => {
    expect(schemaErrors(gitHubSchema, gitHub)).toEqual([]);
    const broken = { ...gitHub, jobs: { ...gitHub.jobs, build: { ...gitHub.jobs.build, 'runs-on': undefined, 'runs_on': 'ubuntu-latest' } } };
    expect(schemaErrors(gitHubSchema, JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
  });

  test('runs on pull requests and pushes to main with OIDC, and mirrors the Azure Pipelines order', () => {
    expect(gitHub.on).toEqual({ pull_request: { branches: ['main'] }, push: { branches: ['main'] } });
    expect(gitHub.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(Object.keys(gitHub.jobs)).toEqual(['build', 'plan_shared', 'apply_shared', 'plan_ml_prod', 'apply_ml_prod', 'plan_ml_dev', 'apply_ml_dev']);
    expect(gitHub.jobs.plan_ml_dev.needs).toEqual(['build', 'apply_shared']);
    expect(gitHub.jobs.plan_ml_dev.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(gitHub.jobs.apply_ml_prod).toMatchObject({ needs: ['plan_ml_prod'], environment: 'prod' });
    expect(gitHub.jobs.plan_ml_prod).toMatchObject({ environment: 'prod-plan' });
    expect(gitHub.jobs.plan_ml_prod.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_PLAN_CLIENT_ID_PROD }}');
    expect(gitHub.jobs.apply_ml_prod.env).toEqual({
      ARM_USE_OIDC: 'true', ARM_USE_AZUREAD: 'true', ARM_CLIENT_ID: '${{ vars.AZURE_CLIENT_ID_PROD }}',
      ARM_TENANT_ID: PROD.azure.tenantId, ARM_SUBSCRIPTION_ID: PROD.azure.subscriptionId,
    });
    const build = gitHub.jobs.build.steps.map((s: any) => s.run?.split('\n')[0] ?? s.uses);
    expect(build.slice(0, 5)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'npm test', 'npx cdktf synth']);
    const applySteps = gitHub.jobs.apply_ml_prod.steps;
    expect(applySteps.some((s: any) => /terraform apply -input=false tfplan/.test(s.run ?? ''))).toBe(true);
    expect(applySteps.some((s: any) => s.uses === 'azure/login@v2')).toBe(true);
    expect(gitHub.jobs.apply_ml_dev.steps.some((s: any) => s.uses === 'azure/login@v2')).toBe(false);
    void DEV;
  });

  test('a stage with its own identity uses its client id literally', () => {
    const own = { clientId: '00000000-0000-0000-0000-0000000000ee', planClientId: '00000000-0000-0000-0000-0000000000ef' };
    const { pipelines: p } = pipelinesIn({
      identities: undefined,
      stages: [{ ...DEV, azure: { ...DEV.azure, ...own } }, { ...PROD, azure: { ...PROD.azure, ...own } }],
    });
    const doc = parseYaml(p.renderGitHubWorkflow());
    expect(doc.jobs.plan_ml_dev.env.ARM_CLIENT_ID).toBe('00000000-0000-0000-0000-0000000000ef');
    expect(doc.jobs.apply_ml_dev.env.ARM_CLIENT_ID).toBe('00000000-0000-0000-0000-0000000000ee');
  });
});
