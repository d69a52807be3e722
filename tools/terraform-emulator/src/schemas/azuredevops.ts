/**
 * The microsoft/azuredevops 1.16 provider schema (SDKv2), by hand, for exactly the types the library's bindings in
 * lib/bindings/azuredevops emit. Facts: the project's azuredevops fact sheet (summarised from
 * website/docs/r/*.html.markdown and website/docs/index.html.markdown at v1.16.0, commit 49268e9, cross-checked
 * against the provider's schemas; where they disagree the schema wins, e.g. variable_group.allow_access).
 *
 * SDKv2 conventions carried over: `id` is optional and computed; every resource has a `timeouts` block; an argument
 * with a `Default` is planned with it, so it is optional+computed here with `default`.
 *
 * Not covered (the bindings never emit them): build_definition's `pull_request_trigger`, `build_completion_trigger`,
 * `schedules` and classic `jobs`; ci_trigger's `path_filter`.
 */
import type { BlockSchema, NestedBlockSchema, ProviderSchema, ResourceSchema } from '../schema/model';
import { STRINGS, STRING_MAP, block, computed, opt, optComputed, req, timeouts } from './build';

const FN = { forceNew: true } as const;
const SECRET = { sensitive: true } as const;

const sdkv2 = (b: BlockSchema): ResourceSchema => ({
  version: 0,
  block: {
    attributes: { id: optComputed('string'), ...b.attributes },
    blocks: { ...b.blocks, timeouts: timeouts('create', 'read', 'update', 'delete') },
  },
});

const one = (b: BlockSchema, required = false): NestedBlockSchema =>
  ({ nesting: 'list', block: b, maxItems: 1, ...(required ? { minItems: 1 } : {}) });

const project = block({
  name: req('string'),
  description: optComputed('string', { default: '' }),
  visibility: optComputed('string', { default: 'private' }),
  version_control: optComputed('string', { default: 'Git', ...FN }),
  work_item_template: optComputed('string', { default: 'Agile', ...FN }),
  features: opt(STRING_MAP),
  process_template_id: computed('string'),
});

const gitRepository = block({
  project_id: req('string', FN),
  name: req('string'),
  parent_repository_id: opt('string'),
  default_branch: optComputed('string'),
  disabled: optComputed('bool', { default: false }),
  is_fork: computed('bool'),
  remote_url: computed('string'),
  ssh_url: computed('string'),
  url: computed('string'),
  web_url: computed('string'),
  size: computed('number'),
}, {
  initialization: one(block({
    init_type: req('string'),
    source_type: opt('string'),
    source_url: opt('string'),
    service_connection_id: opt('string'),
    username: opt('string'),
    password: opt('string', { sensitive: true, writeOnly: true }),
  }), true),
});

const serviceendpointAzurerm = block({
  project_id: req('string', FN),
  service_endpoint_name: req('string'),
  azurerm_spn_tenantid: req('string'),
  service_endpoint_authentication_scheme: optComputed('string', { default: 'ServicePrincipal', ...FN }),
  azurerm_subscription_id: opt('string'),
  azurerm_subscription_name: opt('string'),
  azurerm_management_group_id: opt('string'),
  azurerm_management_group_name: opt('string'),
  resource_group: opt('string', FN),
  environment: optComputed('string', { default: 'AzureCloud', ...FN }),
  server_url: optComputed('string', FN),
  description: optComputed('string', { default: 'Managed by Terraform' }),
  authorization: computed(STRING_MAP),
  service_principal_id: computed('string'),
  workload_identity_federation_issuer: computed('string'),
  workload_identity_federation_subject: computed('string'),
}, {
  credentials: one(block({
    serviceprincipalid: req('string'),
    serviceprincipalkey: opt('string', SECRET),
    serviceprincipalcertificate: opt('string', SECRET),
  })),
  features: one(block({ validate: opt('bool') })),
});

const branchFilter: NestedBlockSchema = { nesting: 'set', block: block({ include: opt(STRINGS), exclude: opt(STRINGS) }) };

const buildDefinition = block({
  project_id: req('string', FN),
  name: req('string'),
  path: optComputed('string', { default: '\\' }),
  variable_groups: opt(['set', 'number']),
  agent_pool_name: optComputed('string', { default: 'Azure Pipelines' }),
  agent_specification: opt('string'),
  queue_status: optComputed('string', { default: 'enabled' }),
  job_authorization_scope: optComputed('string', { default: 'projectCollection' }),
  revision: computed('number'),
}, {
  repository: one(block({
    repo_type: req('string'),
    repo_id: req('string'),
    yml_path: opt('string'),
    branch_name: optComputed('string', { default: 'master' }),
    service_connection_id: opt('string'),
    url: opt('string'),
    github_enterprise_url: opt('string'),
    report_build_status: optComputed('bool', { default: true }),
  }), true),
  ci_trigger: one(block({ use_yaml: optComputed('bool', { default: false }) }, {
    override: one(block({
      batch: optComputed('bool', { default: true }),
      max_concurrent_builds_per_branch: optComputed('number', { default: 1 }),
      polling_interval: opt('number'),
      polling_job_id: computed('string'),
    }, { branch_filter: { ...branchFilter, minItems: 1 } })),
  })),
  variable: {
    nesting: 'set',
    block: block({
      name: req('string'),
      value: opt('string'),
      secret_value: opt('string', SECRET),
      is_secret: optComputed('bool', { default: false }),
      allow_override: optComputed('bool', { default: true }),
    }),
  },
  features: { nesting: 'list', block: block({ skip_first_run: optComputed('bool', { default: true }) }) },
});

const environment = block({
  project_id: req('string', FN),
  name: req('string'),
  description: opt('string'),
});

const checkApproval = block({
  project_id: req('string', FN),
  target_resource_id: req('string', FN),
  target_resource_type: req('string', FN),
  approvers: req(STRINGS),
  instructions: opt('string'),
  minimum_required_approvers: opt('number'),
  requester_can_approve: optComputed('bool', { default: false }),
  timeout: optComputed('number', { default: 43200 }),
  version: computed('number'),
});

const variableGroup = block({
  project_id: req('string', FN),
  name: req('string'),
  description: opt('string'),
  allow_access: optComputed('bool', { default: false }),
}, {
  variable: {
    nesting: 'set',
    minItems: 1,
    block: block({
      name: req('string'),
      value: opt('string'),
      secret_value: opt('string', SECRET),
      is_secret: opt('bool'),
      content_type: computed('string'),
      enabled: computed('bool'),
      expires: computed('string'),
    }),
  },
  key_vault: one(block({
    name: req('string'),
    service_endpoint_id: req('string'),
    search_depth: optComputed('number', { default: 20 }),
  })),
});

const pipelineAuthorization = block({
  project_id: req('string', FN),
  resource_id: req('string', FN),
  type: req('string', FN),
  pipeline_id: opt('number', FN),
  pipeline_project_id: optComputed('string', FN),
});

const projectData = block({
  name: opt('string'),
  project_id: opt('string'),
  description: computed('string'),
  visibility: computed('string'),
  version_control: computed('string'),
  work_item_template: computed('string'),
  process_template_id: computed('string'),
  features: computed(STRING_MAP),
});

/**
 * `org_service_url` is Required with an `AZDO_ORG_SERVICE_URL` DefaultFunc. SDKv2 then reports it optional when the
 * variable is set where the provider runs; the emulated provider always does, as the library's example relies on
 * the variable.
 */
const provider = block({
  org_service_url: opt('string'),
  personal_access_token: opt('string', SECRET),
  client_id: opt('string'),
  client_id_file_path: opt('string'),
  tenant_id: opt('string'),
  auxiliary_tenant_ids: opt(STRINGS),
  client_secret: opt('string', SECRET),
  client_secret_path: opt('string'),
  client_certificate: opt('string', SECRET),
  client_certificate_path: opt('string'),
  client_certificate_password: opt('string', SECRET),
  use_oidc: opt('bool'),
  oidc_token: opt('string', SECRET),
  oidc_token_file_path: opt('string'),
  oidc_request_token: opt('string', SECRET),
  oidc_request_url: opt('string'),
  oidc_azure_service_connection_id: opt('string'),
  use_msi: opt('bool'),
  use_cli: opt('bool'),
});

export function azuredevopsSchema(): ProviderSchema {
  return {
    provider,
    resources: {
      azuredevops_project: sdkv2(project),
      azuredevops_git_repository: sdkv2(gitRepository),
      azuredevops_serviceendpoint_azurerm: sdkv2(serviceendpointAzurerm),
      azuredevops_build_definition: sdkv2(buildDefinition),
      azuredevops_environment: sdkv2(environment),
      azuredevops_check_approval: sdkv2(checkApproval),
      azuredevops_variable_group: sdkv2(variableGroup),
      azuredevops_pipeline_authorization: sdkv2(pipelineAuthorization),
    },
    dataSources: {
      azuredevops_project: {
        version: 0,
        block: { attributes: { id: optComputed('string'), ...projectData.attributes }, blocks: { timeouts: timeouts('read') } },
      },
    },
  };
}
