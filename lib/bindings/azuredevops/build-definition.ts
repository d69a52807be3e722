// Binding for `azuredevops_build_definition`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
// Only YAML pipelines are bound: no classic `jobs`, no secret variables, no classic schedules.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, list, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** The `repository` block (exactly one). */
export interface AzuredevopsBuildDefinitionRepository {
  /** `TfsGit` (Azure Repos), `GitHub`, `GitHubEnterprise`, `Bitbucket` or `Git`. */
  readonly repoType: string;
  /** For TfsGit the repository GUID; for GitHub `<org>/<repo>`. */
  readonly repoId: string;
  /** Path of the YAML file in the repository, e.g. `azure-pipelines.yml`. */
  readonly ymlPath?: string;
  /** Default branch for builds; a `refs/heads/` prefix is trimmed. @default master */
  readonly branchName?: string;
  /** Service connection for GitHub, GitHub Enterprise or Bitbucket. @default - none (Azure Repos needs none) */
  readonly serviceConnectionId?: string;
}

/** The `ci_trigger` block. */
export interface AzuredevopsBuildDefinitionCiTrigger {
  /** Use the YAML file's `trigger:`. @default false */
  readonly useYaml?: boolean | cdktf.IResolvable;
}

/** Arguments of an `azuredevops_build_definition`: a YAML pipeline of a repository. */
export interface AzuredevopsBuildDefinitionConfig extends cdktf.TerraformMetaArguments {
  /** Project id or name; changing it replaces the pipeline. */
  readonly projectId: string;
  readonly name: string;
  /** Folder, e.g. `\mlops`; must not end with `\` unless it is the root. @default \ */
  readonly path?: string;
  readonly repository: AzuredevopsBuildDefinitionRepository;
  /** @default - no CI trigger */
  readonly ciTrigger?: AzuredevopsBuildDefinitionCiTrigger;
  /** Variable group ids to link. @default - none */
  readonly variableGroups?: number[];
  /** @default Azure Pipelines */
  readonly agentPoolName?: string;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/build_definition azuredevops_build_definition}.
 */
export class AzuredevopsBuildDefinition extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_build_definition';

  private readonly config: AzuredevopsBuildDefinitionConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsBuildDefinitionConfig) {
    super(scope, id, resourceConfig('azuredevops_build_definition', AZUREDEVOPS_GENERATOR_METADATA, config));
    const c = config;
    const v = argumentValidator(this, 'azuredevops_build_definition');
    v.required('name', c.name?.trim(), 'give the pipeline a name');
    v.oneOf('repository.repoType', c.repository.repoType, ['TfsGit', 'GitHub', 'GitHubEnterprise', 'Bitbucket', 'Git']);
    v.check(c.path === undefined || c.path === '\\' || !c.path.endsWith('\\'), () => ({
      subject: 'path', value: JSON.stringify(c.path), rule: 'must not end with "\\" unless it is the root',
      fix: `write it as ${JSON.stringify(c.path?.replace(/\\+$/, ''))}`,
    }));
    v.throwIfAny();
    this.config = config;
  }

  /** The pipeline (definition) id, as a string. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The pipeline id as a number, for `pipeline_id` of pipeline authorisations. */
  public get pipelineId(): number {
    return this.getNumberAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    const r = c.repository;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      name: cdktf.stringToTerraform(c.name),
      path: cdktf.stringToTerraform(c.path),
      agent_pool_name: cdktf.stringToTerraform(c.agentPoolName),
      repository: {
        repo_type: cdktf.stringToTerraform(r.repoType),
        repo_id: cdktf.stringToTerraform(r.repoId),
        yml_path: cdktf.stringToTerraform(r.ymlPath),
        branch_name: cdktf.stringToTerraform(r.branchName),
        service_connection_id: cdktf.stringToTerraform(r.serviceConnectionId),
      },
      ci_trigger: c.ciTrigger === undefined ? undefined : { use_yaml: cdktf.booleanToTerraform(c.ciTrigger.useYaml) },
      variable_groups: cdktf.listMapper(cdktf.numberToTerraform, false)(c.variableGroups),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    const r = c.repository;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      path: simple(cdktf.stringToHclTerraform(c.path), 'string'),
      agent_pool_name: simple(cdktf.stringToHclTerraform(c.agentPoolName), 'string'),
      repository: list([withoutUndefined({
        repo_type: simple(cdktf.stringToHclTerraform(r.repoType), 'string'),
        repo_id: simple(cdktf.stringToHclTerraform(r.repoId), 'string'),
        yml_path: simple(cdktf.stringToHclTerraform(r.ymlPath), 'string'),
        branch_name: simple(cdktf.stringToHclTerraform(r.branchName), 'string'),
        service_connection_id: simple(cdktf.stringToHclTerraform(r.serviceConnectionId), 'string'),
      })], 'AzuredevopsBuildDefinitionRepositoryList', true),
      ci_trigger: c.ciTrigger === undefined ? undefined : list([withoutUndefined({
        use_yaml: simple(cdktf.booleanToHclTerraform(c.ciTrigger.useYaml), 'boolean'),
      })], 'AzuredevopsBuildDefinitionCiTriggerList', true),
      variable_groups: list(cdktf.listMapperHcl(cdktf.numberToHclTerraform, false)(c.variableGroups), 'numberList'),
    });
  }
}
