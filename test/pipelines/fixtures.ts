import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzuredevopsProvider } from '../../lib/bindings/azuredevops';
import { DevOpsProject, MlopsPipelines, MlopsPipelinesProps, PipelineStackOptions, PipelineStageOptions } from '../../lib/pipelines';

export const TENANT = '00000000-0000-0000-0000-0000000000aa';
export const DEV_SUB = '00000000-0000-0000-0000-0000000000bb';
export const PROD_SUB = '00000000-0000-0000-0000-0000000000cc';
export const APPROVER = '00000000-0000-0000-0000-0000000000dd';

const STATE = { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate' };
export const DEV: PipelineStageOptions = {
  name: 'dev', azure: { tenantId: TENANT, subscriptionId: DEV_SUB }, stateContainer: { ...STATE, containerName: 'tfstate-dev' },
};
export const PROD: PipelineStageOptions = {
  name: 'prod', production: true, approvers: [APPROVER],
  azure: { tenantId: TENANT, subscriptionId: PROD_SUB, resourceGroupName: 'rg-ml-prod' },
  stateContainer: { ...STATE, containerName: 'tfstate-prod' },
};
export const IDENTITIES = { resourceGroupName: 'rg-mlops-identities', location: 'westeurope' };

/** A devops stack in its own app with a created project, and MlopsPipelines with `props` over dev/prod defaults. */
export function pipelinesIn(props: Partial<MlopsPipelinesProps> = {}, app: App = Testing.app()): { stack: TerraformStack; pipelines: MlopsPipelines } {
  const stack = new TerraformStack(app, 'devops');
  new AzuredevopsProvider(stack, 'azuredevops', { orgServiceUrl: 'https://dev.azure.com/contoso' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const project = new DevOpsProject(stack, 'Project', { projectName: 'mlops' });
  const stacks: PipelineStackOptions[] = [{ name: 'ml-dev', stage: 'dev' }, { name: 'ml-prod', stage: 'prod', dependsOn: ['ml-dev'] }];
  const pipelines = new MlopsPipelines(stack, 'Pipelines', { project, stages: [DEV, PROD], stacks, identities: IDENTITIES, ...props });
  return { stack, pipelines };
}
