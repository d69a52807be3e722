import { createHash } from 'node:crypto';
import { nameOfId } from '../control-plane/ids';
import type { JsonObject } from '../control-plane/model';
import { deterministicUuid } from '../control-plane/uuid';
import type { HandlerContext, Plain, ResourceHandler } from './handler';
import { json } from './plain';

/**
 * Azure DevOps objects, kept in the emulated cloud under `/providers/AzureDevOps.Emulated/projects/<name>/…` so
 * that a child (repository, environment, …) needs its project to exist. Terraform sees the ids Azure DevOps
 * gives: GUIDs for projects, repositories and service endpoints, numbers for the rest.
 */
const NS = '/providers/AzureDevOps.Emulated/projects';

function projectKey(ctx: HandlerContext, projectId: string): string {
  const found = ctx.cloud.list().find((r) => r.type === 'AzureDevOps.Emulated/projects' && r.body.terraformId === projectId);
  return found?.id ?? `${NS}/${projectId}`;
}

function numericId(seed: string): number {
  return parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 7), 16) % 1_000_000 + 1;
}

interface DevopsMapping {
  path(ctx: HandlerContext, planned: Plain): string;
  terraformId(path: string): string | number;
  computed?(path: string, planned: Plain): Plain;
}

function child(kind: string, nameOf: (p: Plain) => string, id: 'guid' | 'number'): DevopsMapping {
  return {
    path: (ctx, p) => `${projectKey(ctx, String(p.project_id))}/${kind}/${encodeURIComponent(nameOf(p))}`,
    terraformId: (path) => (id === 'guid' ? deterministicUuid(`ado:${path}`) : numericId(`ado:${path}`)),
  };
}

const MAPPINGS: Record<string, DevopsMapping> = {
  azuredevops_project: {
    path: (_ctx, p) => `${NS}/${encodeURIComponent(String(p.name))}`,
    terraformId: (path) => deterministicUuid(`ado:${path}`),
    computed: (path) => ({ process_template_id: deterministicUuid('ado:process:Agile'), work_item_template: 'Agile', description: '', features: {}, name: decodeURIComponent(nameOfId(path)) }),
  },
  azuredevops_git_repository: {
    ...child('repositories', (p) => String(p.name), 'guid'),
    computed: (path, p) => {
      const project = decodeURIComponent(path.split('/')[4]);
      const url = `https://dev.azure.com/emulated/${project}/_git/${p.name}`;
      return { remote_url: url, web_url: url, url, ssh_url: `git@ssh.dev.azure.com:v3/emulated/${project}/${p.name}`, size: 0, is_fork: false, disabled: false };
    },
  },
  azuredevops_serviceendpoint_azurerm: {
    ...child('serviceEndpoints', (p) => String(p.service_endpoint_name), 'guid'),
    computed: (path) => ({
      workload_identity_federation_issuer: 'https://vstoken.dev.azure.com/00000000-0000-0000-0000-000000000000',
      workload_identity_federation_subject: `sc://emulated/${decodeURIComponent(path.split('/')[4])}/${decodeURIComponent(nameOfId(path))}`,
      authorization: {},
    }),
  },
  azuredevops_environment: child('environments', (p) => String(p.name), 'number'),
  azuredevops_variable_group: child('variableGroups', (p) => String(p.name), 'number'),
  azuredevops_build_definition: { ...child('buildDefinitions', (p) => String(p.name), 'number'), computed: () => ({ revision: 1, path: '\\' }) },
  azuredevops_check_approval: child('checks', (p) => `approval-${p.target_resource_type}-${p.target_resource_id}`, 'number'),
  azuredevops_pipeline_authorization: child('pipelineAuthorizations', (p) => `${p.type}-${p.resource_id}-${p.pipeline_id ?? 'all'}`, 'number'),
};

function handler(mapping: DevopsMapping): ResourceHandler {
  const write = (ctx: HandlerContext, path: string, planned: Plain): Plain => {
    const terraformId = mapping.terraformId(path);
    const body: JsonObject = { terraformId: String(terraformId), properties: json(planned) as JsonObject };
    ctx.cloud.put({ id: path, type: typeOfPath(path), body });
    return { id: typeof terraformId === 'number' ? String(terraformId) : terraformId, ...(mapping.computed?.(path, planned) ?? {}) };
  };
  const pathOfState = (ctx: HandlerContext, state: Plain): string | undefined =>
    ctx.cloud.list().find((r) => r.id.startsWith(NS) && r.body.terraformId === String(state.id))?.id;
  return {
    create: (ctx, planned) => write(ctx, mapping.path(ctx, planned), planned),
    update: (ctx, prior, planned) => write(ctx, pathOfState(ctx, prior) ?? mapping.path(ctx, planned), planned),
    delete(ctx, prior) {
      const path = pathOfState(ctx, prior);
      if (path) ctx.cloud.delete(path);
    },
    read: (ctx, state) => (pathOfState(ctx, state) ? state : undefined),
  };
}

function typeOfPath(path: string): string {
  const parts = path.split('/');
  return ['AzureDevOps.Emulated', 'projects', ...(parts.length > 5 ? [parts[5]] : [])].join('/');
}

export const AZUREDEVOPS_RESOURCES: Record<string, ResourceHandler> = Object.fromEntries(
  Object.entries(MAPPINGS).map(([t, m]) => [t, handler(m)]));

