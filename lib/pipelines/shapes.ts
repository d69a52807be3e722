// The runtime shapes of the pipelines layer's props (see lib/core/shape.ts), and the props that are written into
// the generated pipeline YAML, where a token cannot go.
import { Token } from 'cdktf';
import { Problem } from '../core/errors';
import { S } from '../core/shape';
import type { MlopsPipelinesProps } from './mlops-pipelines';

const STR = S.string;
const STATE_CONTAINER = S.struct('StateContainer', {
  subscriptionId: STR(), resourceGroupName: STR('"rg-tfstate"').req, storageAccountName: STR('"sttfstate"').req, containerName: STR('"tfstate-dev"').req,
});

export const PIPELINE_IDENTITIES = S.struct('PipelineIdentitiesOptions', {
  resourceGroupName: STR('"rg-pipelines"').req, location: STR('"westeurope"').req, gitHubRepository: STR('"org/repo"'),
  assignableRoles: S.list(S.ref('BuiltInRole', ['roleDefinitionGuid'], 'use BuiltInRole presets or BuiltInRole.of(...)')),
  manageLocks: S.boolean(),
});

export const PIPELINE_STAGE = S.struct('PipelineStageOptions', {
  name: STR('"dev"').req,
  azure: S.struct('AzureScope', Object.fromEntries(['tenantId', 'subscriptionId', 'subscriptionName', 'resourceGroupName',
    'managementGroupId', 'managementGroupName', 'clientId', 'planClientId'].map(k => [k, k === 'tenantId' ? STR('"<tenant GUID>"').req : STR()]))).req,
  production: S.boolean(), approvers: S.list(STR('"<group object id>"')), approvalInstructions: STR(), approvalTimeoutMinutes: S.number('1440'),
  serviceConnectionName: STR(), planServiceConnectionName: STR(), agentPool: STR(), stateContainer: STATE_CONTAINER,
  environmentName: STR(), variableGroupName: STR(), variables: S.map(STR('"value"'), '{ LOG_LEVEL: "info" }'),
});

const SMOKE_TEST = S.struct('EndpointSmokeTest', {
  endpointName: STR('"churn-prod"').req, workspaceName: STR('"mlw-churn-prod"').req, resourceGroupName: STR('"rg-ml-prod"').req,
  requestFile: STR('"tests/request.json"'),
});

export const MLOPS_PIPELINES_PROPS = S.struct('MlopsPipelinesProps', {
  project: S.ref('IDevOpsProject', ['projectId', 'repositoryId', 'defaultBranch'], 'pass a DevOpsProject').req,
  stages: S.list(PIPELINE_STAGE, '[{ name: "dev", azure: { tenantId, subscriptionId } }]').req,
  stacks: S.list(S.struct('PipelineStackOptions', {
    name: STR('"dev"').req, stage: STR('"dev"').req, dependsOn: S.list(STR('"shared"')), smokeTests: S.list(SMOKE_TEST),
  }), '[{ name: "dev", stage: "dev" }]').req,
  identities: PIPELINE_IDENTITIES,
  pipelineName: STR('"mlops"'), azurePipelinesPath: STR(), gitHubWorkflowPath: STR(), nodeVersion: STR('"20.x"'),
  vmImage: STR('"ubuntu-latest"'), terraformVersion: STR('"1.11.4"'), checkGeneratedFiles: S.boolean(),
});

export const DEVOPS_PROJECT_PROPS = S.struct('DevOpsProjectProps', {
  projectName: STR('"ml-platform"').req, existingProject: S.boolean(), description: STR(), repositoryName: STR(),
  existingRepositoryId: STR(), defaultBranch: STR('"main"'),
});

/**
 * Every prop that is written into the pipeline YAML, by subject. The YAML is a file in the repository that nothing
 * resolves, so a token there would be the literal text `${TfToken[TOKEN.n]}`.
 */
function renderedValues(props: MlopsPipelinesProps): [string, unknown][] {
  const out: [string, unknown][] = [
    ['project.defaultBranch', props.project.defaultBranch], ['terraformVersion', props.terraformVersion],
    ['nodeVersion', props.nodeVersion], ['vmImage', props.vmImage], ['pipelineName', props.pipelineName],
    ['azurePipelinesPath', props.azurePipelinesPath], ['gitHubWorkflowPath', props.gitHubWorkflowPath],
  ];
  props.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    for (const k of ['tenantId', 'subscriptionId', 'clientId', 'planClientId'] as const) out.push([`${at}.azure.${k}`, s.azure?.[k]]);
    for (const k of ['name', 'agentPool', 'serviceConnectionName', 'planServiceConnectionName', 'environmentName', 'variableGroupName'] as const) {
      out.push([`${at}.${k}`, s[k]]);
    }
  });
  props.stacks.forEach((s, i) => {
    out.push([`stacks[${i}].name`, s.name], [`stacks[${i}].stage`, s.stage]);
    (s.dependsOn ?? []).forEach((d, j) => out.push([`stacks[${i}].dependsOn[${j}]`, d]));
    (s.smokeTests ?? []).forEach((t, j) => {
      for (const k of ['endpointName', 'workspaceName', 'resourceGroupName', 'requestFile'] as const) out.push([`stacks[${i}].smokeTests[${j}].${k}`, t[k]]);
    });
  });
  return out;
}

/** A problem for each token in a prop the YAML renders. */
export function renderedTokenProblems(props: MlopsPipelinesProps): Problem[] {
  return renderedValues(props).filter(([, value]) => Token.isUnresolved(value)).map(([subject]) => ({
    subject, value: '(a token)',
    rule: 'is known only at apply, but it is written into the pipeline YAML, a file nothing resolves (it would read ${TfToken[...]})',
    fix: 'pass a literal string; for a value only Terraform knows, output it and set it as a pipeline variable yourself',
  }));
}
