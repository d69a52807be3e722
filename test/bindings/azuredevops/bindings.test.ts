import { Testing } from 'cdktf';
import {
  AzuredevopsBuildDefinition, AzuredevopsCheckApproval, AzuredevopsEnvironment, AzuredevopsGitRepository,
  AzuredevopsPipelineAuthorization, AzuredevopsProject, AzuredevopsProvider, AzuredevopsServiceendpointAzurerm,
  AzuredevopsVariableGroup, DataAzuredevopsProject,
} from '../../../lib/bindings/azuredevops';
import { Template, testStack } from '../../support/template';

const TENANT = '00000000-0000-0000-0000-00000000000a';
const SUB = '00000000-0000-0000-0000-00000000000b';
const CLIENT = '00000000-0000-0000-0000-00000000000c';

function stackWithProject() {
  const stack = testStack();
  new AzuredevopsProvider(stack, 'azuredevops', { orgServiceUrl: 'https://dev.azure.com/contoso', useOidc: true });
  const project = new AzuredevopsProject(stack, 'project', { name: 'mlops', visibility: 'private' });
  return { stack, project };
}

describe('azuredevops bindings', () => {
  test('the provider is required as microsoft/azuredevops ~> 1.16 and its arguments are snake_case', () => {
    const { stack } = stackWithProject();
    const t = Template.synth(stack);
    expect(t.terraform.required_providers.azuredevops).toEqual({ source: 'microsoft/azuredevops', version: '~> 1.16' });
    expect(t.provider('azuredevops')).toEqual([{ org_service_url: 'https://dev.azure.com/contoso', use_oidc: true }]);
  });

  test('every resource synthesizes its camelCase config as the snake_case arguments of the fact sheet', () => {
    const { stack, project } = stackWithProject();
    const repo = new AzuredevopsGitRepository(stack, 'repo', {
      projectId: project.id, name: 'platform', defaultBranch: 'refs/heads/main', initialization: { initType: 'Clean' },
    });
    const se = new AzuredevopsServiceendpointAzurerm(stack, 'se', {
      projectId: project.id, serviceEndpointName: 'azure-prod', azurermSpnTenantid: TENANT,
      serviceEndpointAuthenticationScheme: 'WorkloadIdentityFederation', azurermSubscriptionId: SUB,
      azurermSubscriptionName: 'prod', credentials: { serviceprincipalid: CLIENT },
    });
    const env = new AzuredevopsEnvironment(stack, 'env', { projectId: project.id, name: 'prod' });
    new AzuredevopsCheckApproval(stack, 'check', {
      projectId: project.id, targetResourceId: env.id, targetResourceType: 'environment', approvers: [CLIENT],
      requesterCanApprove: false, timeout: 1440,
    });
    const vg = new AzuredevopsVariableGroup(stack, 'vg', { projectId: project.id, name: 'mlops-prod', variable: [{ name: 'A', value: 'b' }] });
    const bd = new AzuredevopsBuildDefinition(stack, 'bd', {
      projectId: project.id, name: 'mlops', path: '\\mlops',
      repository: { repoType: 'TfsGit', repoId: repo.id, ymlPath: 'azure-pipelines.yml', branchName: 'main' },
      ciTrigger: { useYaml: true },
    });
    new AzuredevopsPipelineAuthorization(stack, 'auth', { projectId: project.id, resourceId: se.id, type: 'endpoint', pipelineId: bd.pipelineId });
    new DataAzuredevopsProject(stack, 'existing', { name: 'legacy' });
    void vg;

    const t = Template.synth(stack);
    t.hasResourceWithProperties('azuredevops_project', { name: 'mlops', visibility: 'private' });
    t.hasResourceWithProperties('azuredevops_git_repository', {
      name: 'platform', default_branch: 'refs/heads/main', initialization: { init_type: 'Clean' },
    });
    const seJson = t.resourceWithProperties('azuredevops_serviceendpoint_azurerm', { service_endpoint_name: 'azure-prod' }).attributes;
    expect(seJson).toMatchObject({
      azurerm_spn_tenantid: TENANT, azurerm_subscription_id: SUB, azurerm_subscription_name: 'prod',
      service_endpoint_authentication_scheme: 'WorkloadIdentityFederation', credentials: { serviceprincipalid: CLIENT },
    });
    expect(JSON.stringify(seJson)).not.toMatch(/serviceprincipalkey|serviceprincipalcertificate/);
    t.hasResourceWithProperties('azuredevops_check_approval', {
      target_resource_type: 'environment', approvers: [CLIENT], requester_can_approve: false, timeout: 1440,
    });
    t.hasResourceWithProperties('azuredevops_variable_group', { name: 'mlops-prod', variable: [{ name: 'A', value: 'b' }] });
    t.hasResourceWithProperties('azuredevops_build_definition', {
      path: '\\mlops', ci_trigger: { use_yaml: true },
      repository: { repo_type: 'TfsGit', yml_path: 'azure-pipelines.yml', branch_name: 'main' },
    });
    const auth = t.resources('azuredevops_pipeline_authorization')[0].attributes;
    expect(auth).toMatchObject({ type: 'endpoint' });
    expect(String(auth.pipeline_id)).toMatch(/azuredevops_build_definition\.bd\.id/);
    expect(t.dataSources('azuredevops_project').map(d => d.attributes)).toEqual([{ name: 'legacy' }]);
  });

  test('HCL output renders the blocks (cdktf synth --hcl)', () => {
    const { stack, project } = stackWithProject();
    new AzuredevopsGitRepository(stack, 'repo', { projectId: project.id, name: 'platform', initialization: { initType: 'Clean' } });
    const hcl = Testing.synthHcl(stack);
    expect(hcl).toMatch(/initialization\s*{\s*init_type\s*=\s*"Clean"/);
  });

  test('a service connection scoped to nothing fails with the fix', () => {
    const { stack, project } = stackWithProject();
    expect(() => new AzuredevopsServiceendpointAzurerm(stack, 'se', {
      projectId: project.id, serviceEndpointName: 'x', azurermSpnTenantid: TENANT,
    })).toThrow(/Invalid arguments for azuredevops_serviceendpoint_azurerm for 'test\/se'.*the connection has no scope.*Fix: scope the connection/);
  });

  test('a manual (credentials) connection scoped to a resource group fails: the provider only scopes automatic ones', () => {
    const { stack, project } = stackWithProject();
    expect(() => new AzuredevopsServiceendpointAzurerm(stack, 'se', {
      projectId: project.id, serviceEndpointName: 'x', azurermSpnTenantid: 'not-a-guid', azurermSubscriptionId: SUB,
      resourceGroup: 'rg-ml', credentials: { serviceprincipalid: CLIENT },
    })).toThrow(/2 problems[\s\S]*azurermSpnTenantid \(value: "not-a-guid"\) must be a GUID[\s\S]*resourceGroup \(value: rg-ml\) conflicts with credentials/);
  });

  test('an approval check without approvers and a build definition path ending in \\ fail', () => {
    const { stack, project } = stackWithProject();
    expect(() => new AzuredevopsCheckApproval(stack, 'check', {
      projectId: project.id, targetResourceId: '1', targetResourceType: 'environment', approvers: [],
    })).toThrow(/approvers \(value: \[\]\) must name at least one approver/);
    expect(() => new AzuredevopsBuildDefinition(stack, 'bd', {
      projectId: project.id, name: 'x', path: '\\mlops\\', repository: { repoType: 'TfsGit', repoId: 'r' },
    })).toThrow(/path .* must not end with/);
  });
});
