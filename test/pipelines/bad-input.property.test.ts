import * as fc from 'fast-check';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzuredevopsProvider } from '../../lib/bindings/azuredevops';
import { DevOpsProject, MlopsPipelines } from '../../lib/pipelines';
import { choose, FUZZ, isLibraryError, prop, props, Tally } from '../support/fuzz';
import { DEV, IDENTITIES, PROD } from './fixtures';
import { azurePipelinesValidator, gitHubWorkflowValidator, parseYaml, schemaErrors } from './schema-validators';

const azureSchema = azurePipelinesValidator();
const gitHubSchema = gitHubWorkflowValidator();

const scenario = fc.record({
  defaultBranch: prop(choose(['main', "it's", 'release/1.0', 'feat/a"b', 'x #1', 'a: b', 'ünï'], ['refs/heads/main', 'a b'])),
  pipeline: props({
    terraformVersion: prop(choose(['1.11.4', '1.12.0'], ['1.5.0', 'latest'])),
    nodeVersion: prop(choose(['20.x', '22.x'])),
    vmImage: prop(choose(['ubuntu-latest', 'ubuntu-24.04'])),
    pipelineName: prop(choose(['mlops', "ml'ops"])),
    checkGeneratedFiles: prop(fc.boolean()),
  }),
  stages: prop(fc.constantFrom([DEV, PROD], [DEV], [{ ...DEV, name: "d'ev" }, PROD]), { unset: 1 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario, token: boolean): MlopsPipelines {
  const stack = new TerraformStack(Testing.app(), 'devops');
  new AzuredevopsProvider(stack, 'azuredevops', { orgServiceUrl: 'https://dev.azure.com/contoso' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const project = new DevOpsProject(stack, 'Project', { projectName: 'mlops', ...(s.defaultBranch !== undefined ? { defaultBranch: s.defaultBranch } : {}) } as any);
  const stages = s.stages as typeof DEV[] | undefined;
  const stacks = (Array.isArray(stages) ? stages : []).map(st => ({ name: `ml-${st.name}`.replace(/'/g, ''), stage: st.name }));
  const terraformVersion = token ? new TerraformVariable(stack, 'tf', { type: 'string' }).stringValue : s.pipeline.terraformVersion;
  return new MlopsPipelines(stack, 'Pipelines', { project, stages, stacks, identities: IDENTITIES, ...s.pipeline, terraformVersion } as any);
}

/** Every single-quoted expression literal is balanced ('' inside), so no expression is cut short by a value. */
function balanced(expression: string): boolean {
  return !expression.replace(/'(?:[^']|'')*'/g, '').includes("'");
}

describe('MlopsPipelines, fuzzed', () => {
  test('every prop set renders schema-valid, token-free YAML with balanced expressions, or is refused with the library\'s error', () => {
    const tally = new Tally();
    fc.assert(fc.property(scenario, fc.boolean(), (s, token) => {
      let pipelines: MlopsPipelines;
      try {
        pipelines = build(s, token && s.pipeline.terraformVersion !== undefined);
      } catch (e) {
        if (!isLibraryError(e)) throw e;
        tally.refused++;
        return;
      }
      tally.synthesized++;
      const azureText = pipelines.renderAzurePipelines();
      const gitHubText = pipelines.renderGitHubWorkflow();
      expect(`${azureText}${gitHubText}`).not.toMatch(/TfToken|TOKEN\./);
      const azure = parseYaml(azureText);
      const gitHub = parseYaml(gitHubText);
      expect(schemaErrors(azureSchema, azure)).toEqual([]);
      expect(schemaErrors(gitHubSchema, gitHub)).toEqual([]);
      for (const c of [...azure.stages.map((x: any) => x.condition), ...Object.values<any>(gitHub.jobs).map(j => j.if)]) {
        if (typeof c === 'string') expect(balanced(c)).toBe(true);
      }
      expect(pipelines.renderAzurePipelines()).toBe(azureText);
    }), FUZZ(120));
    tally.expectBoth();
  });
});
