import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { MlopsProviders } from '../../lib/core/providers';
import { Registry } from '../../lib/registry/registry';
import { Workspace } from '../../lib/workspace/workspace';
import { IWorkspace } from '../../lib/workspace/workspace-base';
import { azapiBodyProblems, azapiResourceCount } from '../support/azure-types';
import { Template, testStack } from '../support/template';

export const SUB = '00000000-0000-0000-0000-000000000000';
export const RG_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml`;
export const WS_ID = `${RG_ID}/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev`;
export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'models');
export const ASSET_FIXTURES = path.join(__dirname, 'fixtures');

/** A stack with providers and an imported workspace that has an artifact store. */
export function workspaceStack(id = 'test'): { stack: TerraformStack; workspace: IWorkspace } {
  const stack = testStack(id);
  MlopsProviders.configure(stack);
  const workspace = Workspace.fromWorkspaceAttributes(stack, 'Workspace', {
    workspaceId: WS_ID, location: 'westeurope',
    storageAccountId: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlwdev`,
    artifactStore: {
      storageAccountId: `${RG_ID}/providers/Microsoft.Storage/storageAccounts/stmlwdev`,
      storageAccountName: 'stmlwdev', containerName: 'model-artifacts', datastoreName: 'model_artifacts',
    },
  });
  return { stack, workspace };
}

/** Adds a registry to `stack`. */
export function registryIn(stack: TerraformStack, name = 'mlr-shared'): Registry {
  return new Registry(stack, 'Registry', { name, resourceGroupId: RG_ID, location: 'westeurope' });
}

/** Synthesizes and checks every azapi body against Azure's resource types. */
export function synthValid(stack: TerraformStack): Template {
  const template = Template.synth(stack);
  expect(azapiBodyProblems(template.json)).toEqual([]);
  expect(azapiResourceCount(template.json)).toBeGreaterThan(0);
  return template;
}

/** A fresh temporary folder, removed after the test file. */
const temps: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-assets-'));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Writes files (relative path → content) under a new temp folder and returns it. */
export function writeTree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** The body `properties` of the azapi resource of the construct at a path suffix (e.g. `churn/3`). */
export function versionProps(template: Template, pathSuffix: string): Record<string, any> {
  return template.resourceAt('azapi_resource', `${pathSuffix}/Resource`).attributes.body.properties;
}

/** The synthesized value of `value` (a token or literal), read back through a Terraform output. */
export function resolved(stack: TerraformStack, value: string): unknown {
  const id = `Resolved${outputs++}`;
  new TerraformOutput(stack, id, { value });
  return JSON.parse(Testing.synth(stack)).output[id].value;
}
let outputs = 0;
