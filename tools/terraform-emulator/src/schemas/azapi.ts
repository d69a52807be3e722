/**
 * The azapi 2.12 provider schema (Azure/azapi, terraform-plugin-framework, protocol 6), written by hand: no
 * generated binding exists. Facts: the project's azapi fact sheet (summarised from the provider's docs/index.md and
 * docs/resources/{resource,update_resource,resource_action}.md at v2.12.0, commit 52241c9), and for the data
 * sources docs/data-sources/{client_config,resource}.md of the same release.
 *
 * `body`, `output`, `response_export_values` and the other free-form values are `dynamic`; `retry` is a nested
 * attribute (`retry = { ... }`), not a block; `sensitive_body` and `ignore_body_changes` are write-only (never in
 * state, Terraform 1.11+).
 */
import type { AttributeSchema, BlockSchema, NestedBlockSchema, ProviderSchema } from '../schema/model';
import { STRINGS, STRING_MAP, block, computed, opt, optComputed, req, timeouts } from './build';
import type { ReplaceWhenTable } from './replace-when';

const REPLACE = { forceNew: true } as const;

/** `retry = { error_message_regex = [...], interval_seconds = 10, max_interval_seconds = 180 }`. */
const retry: AttributeSchema = {
  optional: true,
  nested: {
    nesting: 'single',
    attributes: {
      error_message_regex: req(STRINGS),
      interval_seconds: optComputed('number', { default: 10 }),
      max_interval_seconds: optComputed('number', { default: 180 }),
      // Deprecated, still accepted.
      multiplier: optComputed('number'),
      randomization_factor: optComputed('number'),
    },
  },
};

/** `identity { type, identity_ids }` with the principal Azure assigns. */
const identity: NestedBlockSchema = {
  nesting: 'list',
  block: block({
    type: req('string'),
    identity_ids: opt(STRINGS),
    principal_id: computed('string'),
    tenant_id: computed('string'),
  }),
};

const QUERY = ['map', ['list', 'string']] as const;
const headersAndQuery = (...ops: string[]): Record<string, AttributeSchema> => Object.fromEntries(ops.flatMap(op => [
  [`${op}_headers`, opt(STRING_MAP)],
  [`${op}_query_parameters`, opt([...QUERY])],
]));

/** What azapi_resource and azapi_update_resource share. */
const patchArguments: Record<string, AttributeSchema> = {
  type: req('string'),
  body: optComputed('dynamic', { default: {} }),
  sensitive_body: opt('dynamic', { writeOnly: true }),
  sensitive_body_version: opt(STRING_MAP),
  response_export_values: opt('dynamic'),
  ignore_casing: optComputed('bool', { default: false }),
  ignore_missing_property: optComputed('bool', { default: true }),
  ignore_null_property: optComputed('bool', { default: false }),
  ignore_body_changes: opt(STRINGS, { writeOnly: true }),
  ignore_other_items_in_list: opt(STRINGS),
  list_unique_id_property: opt(STRING_MAP),
  replace_triggers_external_values: opt('dynamic'),
  locks: opt(STRINGS),
  retry,
  id: computed('string'),
  output: computed('dynamic'),
};

const azapiResource: BlockSchema = block({
  ...patchArguments,
  name: optComputed('string', { ...REPLACE }),
  parent_id: optComputed('string', { ...REPLACE }),
  // Azure cannot move a resource to another region: azapi plans a replacement.
  location: optComputed('string', { ...REPLACE }),
  tags: optComputed(STRING_MAP),
  schema_validation_enabled: optComputed('bool', { default: true }),
  replace_triggers_refs: opt(STRINGS),
  ...headersAndQuery('create', 'read', 'update', 'delete'),
}, { identity, timeouts: timeouts('create', 'read', 'update', 'delete') });

const azapiUpdateResource: BlockSchema = block({
  ...patchArguments,
  resource_id: optComputed('string', { ...REPLACE }),
  name: optComputed('string', { ...REPLACE }),
  parent_id: optComputed('string', { ...REPLACE }),
  ...headersAndQuery('read', 'update'),
}, { timeouts: timeouts('create', 'read', 'update', 'delete') });

const azapiResourceAction: BlockSchema = block({
  type: req('string'),
  resource_id: req('string', { ...REPLACE }),
  action: opt('string', { ...REPLACE }),
  method: optComputed('string', { default: 'POST' }),
  body: opt('dynamic'),
  sensitive_body: opt('dynamic', { writeOnly: true }),
  sensitive_body_version: opt(STRING_MAP),
  query_parameters: opt([...QUERY]),
  headers: opt(STRING_MAP),
  when: optComputed('string', { default: 'apply' }),
  ignore_not_found: optComputed('bool', { default: false }),
  response_export_values: opt('dynamic'),
  sensitive_response_export_values: opt('dynamic'),
  locks: opt(STRINGS),
  retry,
  id: computed('string'),
  output: computed('dynamic'),
  sensitive_output: computed('dynamic', { sensitive: true }),
  exist: computed('bool'),
}, { timeouts: timeouts('create', 'read', 'update', 'delete') });

const azapiClientConfig: BlockSchema = block({
  id: computed('string'),
  subscription_id: computed('string'),
  subscription_resource_id: computed('string'),
  tenant_id: computed('string'),
  object_id: computed('string'),
}, { timeouts: timeouts('read') });

const azapiResourceData: BlockSchema = block({
  type: req('string'),
  resource_id: optComputed('string'),
  name: opt('string'),
  parent_id: optComputed('string'),
  response_export_values: opt('dynamic'),
  sensitive_response_export_values: opt('dynamic'),
  ignore_not_found: opt('bool'),
  headers: opt(STRING_MAP),
  query_parameters: opt([...QUERY]),
  retry,
  id: computed('string'),
  location: computed('string'),
  tags: computed(STRING_MAP),
  identity: computed(['list', ['object', { type: 'string', identity_ids: STRINGS, principal_id: 'string', tenant_id: 'string' }]]),
  output: computed('dynamic'),
  sensitive_output: computed('dynamic', { sensitive: true }),
  exists: computed('bool'),
}, { timeouts: timeouts('read') });

const SECRET = { sensitive: true } as const;

const azapiProvider: BlockSchema = block({
  subscription_id: opt('string'),
  tenant_id: opt('string'),
  auxiliary_tenant_ids: opt(STRINGS),
  client_id: opt('string'),
  client_id_file_path: opt('string'),
  client_secret: opt('string', SECRET),
  client_secret_file_path: opt('string'),
  client_certificate: opt('string', SECRET),
  client_certificate_path: opt('string'),
  client_certificate_password: opt('string', SECRET),
  use_cli: opt('bool'),
  use_msi: opt('bool'),
  use_oidc: opt('bool'),
  oidc_token: opt('string', SECRET),
  oidc_token_file_path: opt('string'),
  oidc_request_token: opt('string', SECRET),
  oidc_request_url: opt('string'),
  oidc_azure_service_connection_id: opt('string'),
  use_aks_workload_identity: opt('bool'),
  environment: opt('string'),
  endpoint: opt(['list', ['object', {
    active_directory_authority_host: 'string', resource_manager_endpoint: 'string', resource_manager_audience: 'string',
  }]]),
  default_location: opt('string'),
  default_tags: opt(STRING_MAP),
  default_name: opt('string'),
  skip_provider_registration: opt('bool'),
  enable_preflight: opt('bool'),
  disable_default_output: opt('bool'),
  ignore_no_op_changes: opt('bool'),
  preserve_resource_id_casing: opt('bool'),
  always_acquire_policy_token: opt('bool'),
  partner_id: opt('string'),
  disable_terraform_partner_id: opt('bool'),
  custom_correlation_request_id: opt('string'),
  disable_correlation_request_id: opt('bool'),
  disable_instance_discovery: opt('bool'),
  maximum_busy_retry_attempts: opt('number'),
});

export function azapiSchema(): ProviderSchema {
  return {
    provider: azapiProvider,
    resources: {
      azapi_resource: { version: 0, block: azapiResource },
      azapi_update_resource: { version: 0, block: azapiUpdateResource },
      azapi_resource_action: { version: 0, block: azapiResourceAction },
    },
    dataSources: {
      azapi_client_config: { version: 0, block: azapiClientConfig },
      azapi_resource: { version: 0, block: azapiResourceData },
    },
  };
}

/** `Microsoft.X/y@2026-05-01` → `Microsoft.X/y`; Azure resource types compare case-insensitively. */
function resourceTypeOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.split('@')[0].toLowerCase() : undefined;
}

/**
 * A new api-version of the same resource type updates in place; another resource type replaces the resource
 * (azapi's `type` plan modifier; fact sheet: "`type`: `<ResourceProvider>/<type>@<api-version>`").
 */
export function resourceTypeChanges(prior: unknown, next: unknown): boolean {
  return resourceTypeOf(prior) !== resourceTypeOf(next);
}

export const AZAPI_REPLACE_WHEN: ReplaceWhenTable = {
  azapi_resource: { type: resourceTypeChanges },
  azapi_update_resource: { type: resourceTypeChanges },
};
