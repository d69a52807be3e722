import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzuredevopsProvider } from '../../lib/bindings/azuredevops';
import { MlopsValidationError } from '../../lib/core/errors';
import { DevOpsProject, MlopsPipelines } from '../../lib/pipelines';
import { DEV, IDENTITIES, PROD, pipelinesIn } from './fixtures';
import { azurePipelinesValidator, gitHubWorkflowValidator, parseYaml, schemaErrors } from './schema-validators';

function errorOf(fn: () => unknown): MlopsValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MlopsValidationError) return e;
    throw e;
  }
  throw new Error('expected an MlopsValidationError, nothing was thrown');
}

/** Pipelines over a project whose default branch is `branch`. */
function pipelinesOnBranch(branch: string): MlopsPipelines {
  const stack = new TerraformStack(Testing.app(), 'devops');
  new AzuredevopsProvider(stack, 'azuredevops', { orgServiceUrl: 'https://dev.azure.com/contoso' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const project = new DevOpsProject(stack, 'Project', { projectName: 'mlops', defaultBranch: branch });
  return new MlopsPipelines(stack, 'Pipelines', {
    project, stages: [DEV, PROD], identities: IDENTITIES,
    stacks: [{ name: 'ml-dev', stage: 'dev' }, { name: 'ml-prod', stage: 'prod', dependsOn: ['ml-dev'] }],
  });
}

/** The single-quoted literals of an expression; throws when a quote is left unbalanced. */
function literals(expression: string): string[] {
  const found = expression.match(/'(?:[^']|'')*'/g) ?? [];
  const rest = expression.replace(/'(?:[^']|'')*'/g, '');
  if (rest.includes("'")) throw new Error(`unbalanced quote in ${expression}`);
  return found.map(l => l.slice(1, -1).replace(/''/g, "'"));
}

describe('pipeline YAML never carries a token or broken expression syntax', () => {
  test('when terraformVersion is a TerraformVariable, synth fails naming it instead of writing ${TfToken[...]} into the YAML', () => {
    const e = errorOf(() => {
      const { stack } = pipelinesIn();
      const version = new TerraformVariable(stack, 'tf_version', { type: 'string' });
      return pipelinesIn({ terraformVersion: version.stringValue });
    });
    expect(e.message).toMatch(/terraformVersion \(value: \(a token\)\) is known only at apply, but it is written into the pipeline YAML/);
  });

  test('when a stage\'s tenant id is a TerraformVariable, synth fails naming the stage field', () => {
    const { stack } = pipelinesIn();
    const tenant = new TerraformVariable(stack, 'tenant', { type: 'string' });
    const e = errorOf(() => pipelinesIn({ stages: [{ ...DEV, azure: { ...DEV.azure, tenantId: tenant.stringValue } }, PROD] }));
    expect(e.message).toMatch(/stages\[0\]\.azure\.tenantId \(value: \(a token\)\)/);
    expect(e.message).not.toMatch(/TOKEN\.\d+/);
  });

  test('a default branch with a quote is escaped as \'\' in both expression languages, and both files stay schema-valid', () => {
    const pipelines = pipelinesOnBranch("it's");
    const azure = parseYaml(pipelines.renderAzurePipelines());
    const gitHub = parseYaml(pipelines.renderGitHubWorkflow());
    expect(schemaErrors(azurePipelinesValidator(), azure)).toEqual([]);
    expect(schemaErrors(gitHubWorkflowValidator(), gitHub)).toEqual([]);

    const conditions = azure.stages.map((s: any) => s.condition).filter((c: unknown) => typeof c === 'string' && c.includes('refs/heads'));
    expect(conditions.length).toBeGreaterThan(0);
    for (const c of conditions) expect(literals(c)).toContain("refs/heads/it's");
    const ifs = Object.values<any>(gitHub.jobs).map(j => j.if).filter((c: unknown) => typeof c === 'string' && c.includes('refs/heads'));
    expect(ifs.length).toBeGreaterThan(0);
    for (const c of ifs) expect(literals(c)).toContain("refs/heads/it's");
    expect(azure.trigger.branches.include).toEqual(["it's"]);
  });

  test('the quote check can fail: an unescaped quote is unbalanced', () => {
    expect(() => literals("eq(variables['Build.SourceBranch'], 'refs/heads/it's')")).toThrow(/unbalanced quote/);
  });
});
