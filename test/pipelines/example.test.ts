import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { buildDevOpsExample } from '../../examples/devops/app';
import { Template } from '../support/template';
import { azurePipelinesValidator, gitHubWorkflowValidator, parseYaml, schemaErrors } from './schema-validators';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'devops');
const { app, pipelines } = buildDevOpsExample(Testing.app());

describe('examples/devops', () => {
  test('the committed pipeline files are exactly what the example generates (run the example to update them)', () => {
    expect(fs.readFileSync(path.join(EXAMPLE, 'pipelines', 'azure-pipelines.yml'), 'utf8')).toBe(pipelines.renderAzurePipelines());
    expect(fs.readFileSync(path.join(EXAMPLE, '.github', 'workflows', 'mlops.yml'), 'utf8')).toBe(pipelines.renderGitHubWorkflow());
  });

  test('the committed files validate against the Azure Pipelines and GitHub workflow schemas', () => {
    expect(schemaErrors(azurePipelinesValidator(), parseYaml(fs.readFileSync(path.join(EXAMPLE, 'pipelines', 'azure-pipelines.yml'), 'utf8')))).toEqual([]);
    expect(schemaErrors(gitHubWorkflowValidator(), parseYaml(fs.readFileSync(path.join(EXAMPLE, '.github', 'workflows', 'mlops.yml'), 'utf8')))).toEqual([]);
  });

  test('the devops stack synthesizes (with the app\'s stack checks) and points its pipeline at the committed file', () => {
    const devops = app.node.findChild('devops') as any;
    const t = Template.synth(devops);
    t.hasResourceWithProperties('azuredevops_build_definition', { repository: { yml_path: 'pipelines/azure-pipelines.yml' } });
    t.resourceCountIs('azuredevops_check_approval', 1);
  });

  test('writeFiles writes both files under the given root and leaves unchanged files alone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-pipelines-'));
    try {
      const written = pipelines.writeFiles(dir);
      expect(written).toEqual([path.join(dir, 'pipelines', 'azure-pipelines.yml'), path.join(dir, '.github', 'workflows', 'mlops.yml')]);
      expect(fs.readFileSync(written[0], 'utf8')).toBe(pipelines.renderAzurePipelines());
      fs.utimesSync(written[1], new Date(0), new Date(0));
      pipelines.writeFiles(dir);
      expect(fs.statSync(written[1]).mtimeMs).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
