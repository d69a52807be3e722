// Issue 9's pipeline facts, one describe each: every test fails if its fix is reverted.
import { TerraformStack, Testing } from 'cdktf';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { MlopsProviders } from '../../lib/core';
import { constrainRolesCondition, PIPELINE_ASSIGNABLE_ROLES } from '../../lib/pipelines/identities';
import { Template } from '../support/template';
import { DEV, DEV_SUB, PROD, PROD_SUB, pipelinesIn } from './fixtures';
import { parseYaml } from './schema-validators';

const ROLE = {
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  rbacAdmin: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  blobContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  blobReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  queueReader: '19e7f393-937e-4f77-808e-94535e297925',
  owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  userAccessAdmin: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
};
const DEV_STATE = `/subscriptions/${DEV_SUB}/resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/sttfstate/blobServices/default/containers/tfstate-dev`;

function appWith(build: (app: ReturnType<typeof Testing.app>) => void, props: Parameters<typeof pipelinesIn>[0] = {}) {
  const app = Testing.app();
  build(app);
  return pipelinesIn(props, app);
}

function mlStack(app: any, name: string, container: string, more: (s: TerraformStack) => void = () => undefined, opts: { storageDataPlaneAvailable?: boolean } = {}) {
  const s = new TerraformStack(app, name);
  MlopsProviders.configure(s, { ...opts, remoteState: { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate', containerName: container } });
  more(s);
  return s;
}

describe('fact 1: the pipeline identity has the rights its stacks use (an automatic connection has Contributor only)', () => {
  const t = Template.synth(pipelinesIn().stack);
  const assignments = (path: string) => t.resources('azurerm_role_assignment').filter(r => r.path.includes(`Stage-dev/${path}/`));
  const roleOf = (r: any) => String(r.attributes.role_definition_id).split('/').pop();

  test('without library identities and without your own, synth fails: an automatic connection can neither grant, lock nor read state', () => {
    expect(() => pipelinesIn({ identities: undefined })).toThrow(/stages\.dev\.azure\.clientId \(value: \(not set\)\) must be set without MlopsPipelines\.identities: an automatic service connection gets Contributor only/);
  });

  test('the deploy identity gets Contributor, a role-constrained RBAC Administrator, lock rights and blob data on the scope, and the state container', () => {
    const apply = assignments('ApplyIdentity');
    const scope = `/subscriptions/${DEV_SUB}`;
    expect(apply.filter(r => r.attributes.scope === scope).map(roleOf)).toEqual(
      expect.arrayContaining([ROLE.contributor, ROLE.rbacAdmin, ROLE.blobContributor]));
    expect(apply.find(r => r.attributes.scope === DEV_STATE && roleOf(r) === ROLE.blobContributor)).toBeDefined();
    // Never Owner or User Access Administrator.
    expect(apply.map(roleOf)).not.toEqual(expect.arrayContaining([ROLE.owner]));
    expect(apply.map(roleOf)).not.toContain(ROLE.userAccessAdmin);
    const rbac = apply.find(r => roleOf(r) === ROLE.rbacAdmin)!.attributes;
    expect(rbac.condition_version).toBe('2.0');
    expect(rbac.condition).toBe(constrainRolesCondition(PIPELINE_ASSIGNABLE_ROLES));
    expect(rbac.condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}");
    expect(rbac.condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}");
    expect(rbac.condition).not.toContain(ROLE.owner);
    expect(rbac.condition).not.toContain(ROLE.rbacAdmin);
    expect(rbac.condition).toContain('7f951dda-4ed3-4680-a7ca-43fe172d538d'); // AcrPull, which endpoints need
  });

  test('locks come from a custom role with the lock actions only, assigned on the stage scope', () => {
    const def = t.resourceAt('azurerm_role_definition', 'Stage-dev/ApplyIdentity/LockOperatorRole').attributes;
    expect(def.permissions).toEqual([{ actions: ['Microsoft.Authorization/locks/read', 'Microsoft.Authorization/locks/write', 'Microsoft.Authorization/locks/delete'] }]);
    expect(def.assignable_scopes).toEqual([`/subscriptions/${DEV_SUB}`]);
    const lock = t.resourceAt('azurerm_role_assignment', 'Stage-dev/ApplyIdentity/LockOperator').attributes;
    expect(lock.role_definition_id).toContain('role_definition_resource_id');
    // Only when asked for: stacks without locks leave the identity without lock rights.
    const none = Template.synth(pipelinesIn({ identities: { resourceGroupName: 'rg-id', location: 'westeurope', manageLocks: false } }).stack);
    none.resourceCountIs('azurerm_role_definition', 0);
  });

  test('a resource-group-scoped stage gets its roles on the group; a deployed stack creating that group fails synth', () => {
    const prod = t.resources('azurerm_role_assignment').filter(r => r.path.includes('Stage-prod/ApplyIdentity/') && roleOf(r) === ROLE.contributor);
    expect(prod.map(r => r.attributes.scope)).toEqual([`/subscriptions/${PROD_SUB}/resourceGroups/rg-ml-prod`]);
    const { stack } = appWith(app => {
      mlStack(app, 'ml-dev', 'tfstate-dev');
      mlStack(app, 'ml-prod', 'tfstate-prod', s => new ResourceGroup(s, 'rg', { name: 'rg-ml-prod', location: 'westeurope' }));
    });
    expect(() => Template.synth(stack)).toThrow(/stacks\.ml-prod \(value: "rg-ml-prod"\) creates resource group rg-ml-prod, but stage prod's identities have their roles on that group only/);
  });
});

describe('fact 4 (issue fact 11): plan runs with its own read-only identity; state is one container per stage', () => {
  const { stack, pipelines } = pipelinesIn();
  const t = Template.synth(stack);
  const roleOf = (r: any) => String(r.attributes.role_definition_id).split('/').pop();

  test('the plan identity gets Reader and data read only, and blob read on the state container', () => {
    const plan = t.resources('azurerm_role_assignment').filter(r => r.path.includes('Stage-dev/PlanIdentity/'));
    expect(plan.map(r => `${r.attributes.scope} ${roleOf(r)}`).sort()).toEqual([
      `/subscriptions/${DEV_SUB} ${ROLE.reader}`, `/subscriptions/${DEV_SUB} ${ROLE.blobReader}`, `/subscriptions/${DEV_SUB} ${ROLE.queueReader}`,
      `${DEV_STATE} ${ROLE.blobReader}`,
    ].sort());
  });

  test('the plan stage uses the plan connection and runs unlocked; apply uses the deploy connection', () => {
    const azure = parseYaml(pipelines.renderAzurePipelines());
    const plan = azure.stages.find((s: any) => s.stage === 'Plan_ml_prod').jobs[0].steps.find((s: any) => s.task === 'AzureCLI@2');
    expect(plan.inputs.azureSubscription).toBe('azure-prod-plan');
    expect(plan.inputs.inlineScript).toContain('terraform plan -input=false -lock=false -out=tfplan');
    expect(plan.inputs.inlineScript).toContain('ARM_CLIENT_ID="$MLOPS_PLAN_CLIENT_ID"');
    const apply = azure.stages.find((s: any) => s.stage === 'Apply_ml_prod').jobs[0].strategy.runOnce.deploy.steps.find((s: any) => s.task === 'AzureCLI@2');
    expect(apply.inputs.azureSubscription).toBe('azure-prod');
    expect(apply.inputs.inlineScript).toContain('ARM_CLIENT_ID="$MLOPS_APPLY_CLIENT_ID"');
  });

  test('each identity trusts its own connection only; with a GitHub repository, the deploy identity trusts the reviewed environment only', () => {
    const tt = Template.synth(pipelinesIn({ identities: { resourceGroupName: 'rg-id', location: 'westeurope', gitHubRepository: 'contoso/ml' } }).stack);
    const fic = (path: string) => tt.resourceAt('azurerm_federated_identity_credential', path).attributes;
    expect(fic('Stage-prod/ApplyIdentity/AzureDevOps').subject).toContain('Stage-prod_ServiceConnection_');
    expect(fic('Stage-prod/PlanIdentity/AzureDevOps').subject).toContain('Stage-prod_PlanServiceConnection_');
    expect(fic('Stage-prod/ApplyIdentity/GitHub').subject).toBe('repo:contoso/ml:environment:prod');
    expect(fic('Stage-prod/PlanIdentity/GitHub').subject).toBe('repo:contoso/ml:environment:prod-plan');
    expect(fic('Stage-prod/ApplyIdentity/GitHub').audience).toEqual(['api://AzureADTokenExchange']);
  });

  test('the GitHub plan job runs in its own environment with the plan identity; apply in the reviewed one', () => {
    const gh = parseYaml(pipelines.renderGitHubWorkflow());
    expect(gh.jobs.plan_ml_prod.environment).toBe('prod-plan');
    expect(gh.jobs.plan_ml_prod.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_PLAN_CLIENT_ID_PROD }}');
    expect(gh.jobs.apply_ml_prod.environment).toBe('prod');
    expect(gh.jobs.apply_ml_prod.env.ARM_CLIENT_ID).toBe('${{ vars.AZURE_CLIENT_ID_PROD }}');
  });

  test('two stages naming one state container, or stacks of two stages in one container, fail synth', () => {
    expect(() => pipelinesIn({ stages: [DEV, { ...PROD, stateContainer: DEV.stateContainer }] }))
      .toThrow(/stages\.prod\.stateContainer \(value: sttfstate\/tfstate-dev\) is also the state container of stage dev/);
    const { stack: s } = appWith(app => { mlStack(app, 'ml-dev', 'tfstate'); mlStack(app, 'ml-prod', 'tfstate'); });
    expect(() => Template.synth(s)).toThrow(/stacks\.ml-prod \(value: sttfstate\/tfstate\) shares its state container with stack ml-dev of stage dev/);
    expect(() => Template.synth(s)).toThrow(/keeps its state outside stage dev's state container sttfstate\/tfstate-dev/);
  });

  test('with one container per stage, the app synthesizes', () => {
    const { stack: s } = appWith(app => { mlStack(app, 'ml-dev', 'tfstate-dev'); mlStack(app, 'ml-prod', 'tfstate-prod'); });
    expect(() => Template.synth(s)).not.toThrow();
  });
});

describe('fact 2: the providers and the backend refresh their own tokens from the service connection', () => {
  const azure = parseYaml(pipelinesIn().pipelines.renderAzurePipelines());
  const terraformSteps = azure.stages.flatMap((s: any) => s.jobs.flatMap((j: any) => j.steps ?? j.strategy.runOnce.deploy.steps))
    .filter((s: any) => s.task === 'AzureCLI@2' && /terraform (plan|apply)/.test(s.inputs.inlineScript));

  test('every Terraform step exports the service-connection OIDC variables of azurerm, azapi and the backend, and no fixed token', () => {
    expect(terraformSteps.length).toBe(4);
    for (const step of terraformSteps) {
      const script: string = step.inputs.inlineScript;
      expect(script).not.toContain('ARM_OIDC_TOKEN');
      expect(script).not.toContain('$idToken');
      expect(step.inputs.addSpnToEnvironment).toBeUndefined();
      expect(script).toMatch(/ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID="\$MLOPS_(PLAN|APPLY)_SERVICE_CONNECTION_ID"/);
      expect(script).toMatch(/ARM_OIDC_AZURE_SERVICE_CONNECTION_ID="\$MLOPS_(PLAN|APPLY)_SERVICE_CONNECTION_ID"/);
      expect(script).toContain('ARM_OIDC_REQUEST_TOKEN="$SYSTEM_ACCESSTOKEN" ARM_OIDC_REQUEST_URL="$SYSTEM_OIDCREQUESTURI"');
      expect(script).toContain('export ARM_USE_OIDC=true');
      // The system access token is a secret: only an explicit mapping puts it in the step's environment.
      expect(step.env).toEqual({ SYSTEM_ACCESSTOKEN: '$(System.AccessToken)', SYSTEM_OIDCREQUESTURI: '$(System.OidcRequestUri)' });
    }
  });

  test('the variable group carries the service connection ids the scripts read', () => {
    const t = Template.synth(pipelinesIn().stack);
    const vg = t.resourceWithProperties('azuredevops_variable_group', { name: 'mlops-dev' }).attributes;
    const byName = Object.fromEntries(vg.variable.map((x: any) => [x.name, x.value]));
    expect(byName.MLOPS_PLAN_SERVICE_CONNECTION_ID).toBe(t.ref(t.resourceAt('azuredevops_serviceendpoint_azurerm', 'Stage-dev/PlanServiceConnection')));
    expect(byName.MLOPS_APPLY_SERVICE_CONNECTION_ID).toBe(t.ref(t.resourceAt('azuredevops_serviceendpoint_azurerm', 'Stage-dev/ServiceConnection')));
  });
});

describe('fact 3: private storage needs an agent inside the network', () => {
  const privateStorage = (s: TerraformStack) => new StorageAccount(s, 'st', {
    name: 'stprivate', resourceGroupName: 'rg', location: 'westeurope', accountTier: 'Standard', accountReplicationType: 'ZRS',
    publicNetworkAccessEnabled: false,
  });
  const upload = (s: TerraformStack) => {
    privateStorage(s);
    new StorageBlob(s, 'blob', { name: 'model.pkl', storageAccountName: 'stprivate', storageContainerName: 'models', type: 'Block', source: __filename });
  };

  test('a stack that uploads blobs to private storage from a hosted agent fails synth, naming the fix', () => {
    const { stack } = appWith(app => { mlStack(app, 'ml-dev', 'tfstate-dev', upload); mlStack(app, 'ml-prod', 'tfstate-prod'); });
    expect(() => Template.synth(stack)).toThrow(/stacks\.ml-dev \(value: 1 azurerm_storage_blob\) uploads blobs, and its storage \(ml-dev\/st\) refuses public network access[\s\S]*Fix: set stages\.dev\.agentPool/);
  });

  test('private storage read through the data plane during plan fails synth unless the data plane is off', () => {
    const { stack } = appWith(app => { mlStack(app, 'ml-dev', 'tfstate-dev', privateStorage); mlStack(app, 'ml-prod', 'tfstate-prod'); });
    expect(() => Template.synth(stack)).toThrow(/azurerm reads its data plane while planning/);
    const { stack: ok } = appWith(app => {
      mlStack(app, 'ml-dev', 'tfstate-dev', privateStorage, { storageDataPlaneAvailable: false });
      mlStack(app, 'ml-prod', 'tfstate-prod');
    });
    expect(() => Template.synth(ok)).not.toThrow();
  });

  test('with a self-hosted pool the stack synthesizes, and the stage\'s Terraform jobs run on that pool', () => {
    const stages = [{ ...DEV, agentPool: 'vnet-agents-dev' }, PROD];
    const { stack, pipelines } = appWith(app => { mlStack(app, 'ml-dev', 'tfstate-dev', upload); mlStack(app, 'ml-prod', 'tfstate-prod'); }, { stages });
    expect(() => Template.synth(stack)).not.toThrow();
    const azure = parseYaml(pipelines.renderAzurePipelines());
    expect(azure.stages.find((s: any) => s.stage === 'Plan_ml_dev').jobs[0].pool).toEqual({ name: 'vnet-agents-dev' });
    expect(azure.stages.find((s: any) => s.stage === 'Apply_ml_dev').jobs[0].pool).toEqual({ name: 'vnet-agents-dev' });
    expect(azure.stages.find((s: any) => s.stage === 'Plan_ml_prod').jobs[0].pool).toBeUndefined();
    const gh = parseYaml(pipelines.renderGitHubWorkflow());
    expect(gh.jobs.plan_ml_dev['runs-on']).toBe('vnet-agents-dev');
    expect(gh.jobs.apply_ml_prod['runs-on']).toBe('ubuntu-latest');
  });
});
