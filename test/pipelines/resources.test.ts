import { TerraformStack, Testing } from 'cdktf';
import { AzuredevopsProvider } from '../../lib/bindings/azuredevops';
import { MlopsProviders } from '../../lib/core';
import { DevOpsProject, MlopsPipelines } from '../../lib/pipelines';
import { Template } from '../support/template';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { APPROVER, DEV, DEV_SUB, IDENTITIES, PROD, PROD_SUB, TENANT, pipelinesIn } from './fixtures';

describe('MlopsPipelines resources', () => {
  const { stack } = pipelinesIn({ azurePipelinesPath: 'pipelines/azure-pipelines.yml' });
  const t = Template.synth(stack);

  test('each stage gets a deploy and a plan connection, manual workload identity federation with the library\'s identities, no secret', () => {
    t.resourceCountIs('azuredevops_serviceendpoint_azurerm', 4);
    const dev = t.resourceAt('azuredevops_serviceendpoint_azurerm', 'Stage-dev/ServiceConnection').attributes;
    expect(dev).toMatchObject({
      service_endpoint_name: 'azure-dev', service_endpoint_authentication_scheme: 'WorkloadIdentityFederation',
      azurerm_spn_tenantid: TENANT, azurerm_subscription_id: DEV_SUB, azurerm_subscription_name: DEV_SUB,
    });
    expect(dev.credentials.serviceprincipalid).toBe(t.ref(t.resourceAt('azurerm_user_assigned_identity', 'Stage-dev/ApplyIdentity/Resource'), 'client_id'));
    const plan = t.resourceAt('azuredevops_serviceendpoint_azurerm', 'Stage-dev/PlanServiceConnection').attributes;
    expect(plan.service_endpoint_name).toBe('azure-dev-plan');
    expect(plan.credentials.serviceprincipalid).toContain('azurerm_user_assigned_identity.Pipelines_Stage-dev_PlanIdentity');
    // A manual connection cannot be scoped to a resource group: the identity's roles are (see identities.test.ts).
    t.allResources('azuredevops_serviceendpoint_azurerm', r => r.attributes.resource_group === undefined, 'no resource_group');
    t.allResources('azuredevops_serviceendpoint_azurerm',
      r => r.attributes.service_endpoint_authentication_scheme === 'WorkloadIdentityFederation' &&
        !/serviceprincipalkey|certificate/.test(JSON.stringify(r.attributes)), 'WIF without secrets');
  });

  test('approvals are on the production environment only, and the requester cannot approve', () => {
    t.resourceCountIs('azuredevops_check_approval', 1);
    const check = t.resources('azuredevops_check_approval')[0];
    const prodEnv = t.resourceAt('azuredevops_environment', 'Stage-prod/Environment');
    expect(check.attributes).toMatchObject({
      target_resource_type: 'environment', target_resource_id: t.ref(prodEnv), approvers: [APPROVER], requester_can_approve: false, timeout: 1440,
    });
    t.hasResourceWithProperties('azuredevops_environment', { name: 'dev' });
  });

  test('the build definition points at the generated Azure Pipelines file on the main branch of the created repo', () => {
    const repo = t.resourceAt('azuredevops_git_repository', 'Project/Repository');
    expect(repo.attributes).toMatchObject({ name: 'mlops', default_branch: 'refs/heads/main', initialization: { init_type: 'Clean' } });
    const bd = t.resourceWithProperties('azuredevops_build_definition', { name: 'mlops' }).attributes;
    expect(bd.repository).toEqual({ repo_type: 'TfsGit', repo_id: t.ref(repo), yml_path: 'pipelines/azure-pipelines.yml', branch_name: 'main' });
    expect(bd.ci_trigger).toEqual({ use_yaml: true });
    t.hasResourceWithProperties('azuredevops_project', { name: 'mlops', visibility: 'private' });
  });

  test('variable groups carry the stage\'s Azure ids and are closed to other pipelines', () => {
    const vg = t.resourceWithProperties('azuredevops_variable_group', { name: 'mlops-prod' }).attributes;
    expect(vg.allow_access).toBe(false);
    expect(vg.variable.slice(0, 3)).toEqual([
      { name: 'MLOPS_STAGE', value: 'prod' }, { name: 'ARM_TENANT_ID', value: TENANT }, { name: 'ARM_SUBSCRIPTION_ID', value: PROD_SUB },
    ]);
    expect(vg.variable.slice(3).map((x: any) => x.name)).toEqual(
      ['MLOPS_APPLY_CLIENT_ID', 'MLOPS_PLAN_CLIENT_ID', 'MLOPS_APPLY_SERVICE_CONNECTION_ID', 'MLOPS_PLAN_SERVICE_CONNECTION_ID']);
  });

  test('the pipeline is authorised on each stage\'s connection, environment and variable group', () => {
    t.resourceCountIs('azuredevops_pipeline_authorization', 8);
    const bd = t.resources('azuredevops_build_definition')[0];
    for (const stage of ['dev', 'prod']) {
      for (const [what, type, target] of [
        ['ServiceConnectionAuthorization', 'endpoint', 'azuredevops_serviceendpoint_azurerm'],
        ['PlanServiceConnectionAuthorization', 'endpoint', 'azuredevops_serviceendpoint_azurerm'],
        ['EnvironmentAuthorization', 'environment', 'azuredevops_environment'],
        ['VariableGroupAuthorization', 'variablegroup', 'azuredevops_variable_group'],
      ]) {
        const auth = t.resourceAt('azuredevops_pipeline_authorization', `Stage-${stage}/${what}`).attributes;
        expect(auth.type).toBe(type);
        expect(auth.resource_id).toBe(t.ref(t.resourceAt(target, `Stage-${stage}/${what.replace('Authorization', '')}`)));
        expect(String(auth.pipeline_id)).toContain(`azuredevops_build_definition.${bd.logicalId}.id`);
      }
    }
  });

  test('an existing project is looked up, and an existing repository is used, instead of created', () => {
    const s = new TerraformStack(Testing.app(), 'devops');
    new AzuredevopsProvider(s, 'azuredevops');
    const project = new DevOpsProject(s, 'Project', { projectName: 'legacy', existingProject: true, existingRepositoryId: '1111' });
    new AzurermProvider(s, 'azurerm', { features: [{}] });
    new MlopsPipelines(s, 'Pipelines', { project, identities: IDENTITIES, stages: [DEV], stacks: [{ name: 'ml-dev', stage: 'dev' }] });
    const tt = Template.synth(s);
    tt.resourceCountIs('azuredevops_project', 0);
    tt.resourceCountIs('azuredevops_git_repository', 0);
    expect(tt.dataSources('azuredevops_project').map(d => d.attributes)).toEqual([{ name: 'legacy' }]);
    expect(tt.resources('azuredevops_build_definition')[0].attributes.repository.repo_id).toBe('1111');
    expect(tt.resources('azuredevops_environment')[0].attributes.project_id).toMatch(/data\.azuredevops_project\./);
  });

  test('when the app defines the deployed stacks, each must exist and keep remote state', () => {
    const app = Testing.app();
    const local = new TerraformStack(app, 'ml-dev');
    MlopsProviders.configure(local);
    const remote = new TerraformStack(app, 'ml-prod');
    MlopsProviders.configure(remote, { remoteState: { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate' } });
    const { stack } = pipelinesIn({ stacks: [{ name: 'ml-dev', stage: 'dev' }, { name: 'ml-prod', stage: 'prod' }, { name: 'ml-qa', stage: 'dev' }] }, app);
    expect(() => Template.synth(stack)).toThrow(/stacks\.ml-dev \(value: "ml-dev"\) keeps local state[\s\S]*stacks\.ml-qa \(value: "ml-qa"\) is not a stack of this app\. Fix: use one of "ml-dev", "ml-prod"/);
  });

  test('a stage without approvers and not production has no approval check', () => {
    const { stack: s } = pipelinesIn({ stages: [DEV, { ...PROD, production: false, approvers: undefined }] });
    Template.synth(s).resourceCountIs('azuredevops_check_approval', 0);
  });
});
