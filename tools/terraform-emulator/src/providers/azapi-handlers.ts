import { armId, parseTypeWithVersion } from '../control-plane/ids';
import { isJsonObject } from '../control-plane/json';
import type { ArmResource, Json, JsonObject } from '../control-plane/model';
import type { DataSourceHandler, HandlerContext, Plain, ResourceHandler } from './handler';
import { block, json, known, str, subscriptionOf } from './plain';

/** The ARM id an azapi resource addresses: `resource_id`, or `type` + `parent_id` + `name`. */
function targetId(ctx: HandlerContext, planned: Plain): { id: string; type: string } {
  const { type } = parseTypeWithVersion(String(planned.type));
  const explicit = str(planned, 'resource_id');
  if (explicit) return { id: explicit, type };
  const parentId = str(planned, 'parent_id') ?? `/subscriptions/${subscriptionOf(ctx)}`;
  return { id: armId(type, parentId, String(planned.name)), type };
}

/** azapi_resource's request: `body`, plus `location`, `tags` and `identity` as top-level keys. */
function requestBody(planned: Plain): JsonObject {
  const body = json(planned.body);
  const result: JsonObject = isJsonObject(body) ? { ...body } : {};
  const location = str(planned, 'location');
  if (location) result.location = location;
  const tags = json(planned.tags);
  if (isJsonObject(tags) && Object.keys(tags).length > 0) result.tags = tags;
  const identity = block(planned, 'identity');
  if (identity && str(identity, 'type')) {
    const ids = (known<string[]>(identity.identity_ids) ?? []);
    result.identity = { type: String(identity.type), ...(ids.length ? { userAssignedIdentities: Object.fromEntries(ids.map((i) => [i, {}])) } : {}) };
  }
  return result;
}

function pathValue(body: JsonObject, path: string): Json | undefined {
  let current: Json | undefined = body;
  for (const key of path.split('.')) current = isJsonObject(current) ? current[key] : undefined;
  return current;
}

function setPath(target: JsonObject, path: string, value: Json): void {
  const keys = path.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isJsonObject(current[key])) current[key] = {};
    current = current[key] as JsonObject;
  }
  current[keys[keys.length - 1]] = value;
}

/** What Azure added to the request: the read-only part of the response. */
function readOnlyPart(stored: JsonObject, sent: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in sent)) result[key] = value;
    else if (isJsonObject(value) && isJsonObject(sent[key])) {
      const inner = readOnlyPart(value, sent[key] as JsonObject);
      if (Object.keys(inner).length) result[key] = inner;
    }
  }
  return result;
}

/** azapi's `output`: the `response_export_values` paths (list or name → path map), else the read-only fields. */
export function outputOf(resource: ArmResource, sent: JsonObject, exportValues: unknown): JsonObject {
  const response: JsonObject = { id: resource.id, name: resource.name, type: resource.type, ...resource.body };
  const values = json(exportValues);
  if (Array.isArray(values) && values.length > 0) {
    if (values.includes('*')) return response;
    const result: JsonObject = {};
    for (const path of values) {
      const v = pathValue(response, String(path));
      if (v !== undefined) setPath(result, String(path), v);
    }
    return result;
  }
  if (isJsonObject(values) && Object.keys(values).length > 0) {
    return Object.fromEntries(Object.entries(values).map(([name, path]) => [name, pathValue(response, String(path)) ?? null]));
  }
  return readOnlyPart(resource.body, sent);
}

function identityOf(resource: ArmResource, planned: Plain): Plain[] | undefined {
  const identity = block(planned, 'identity');
  if (!identity) return undefined;
  const stored = isJsonObject(resource.body.identity) ? resource.body.identity : {};
  return [{ ...identity, principal_id: stored.principalId ?? '', tenant_id: stored.tenantId ?? '' }];
}

const azapiResource: ResourceHandler = {
  create(ctx, planned) {
    const { id, type } = targetId(ctx, planned);
    const body = requestBody(planned);
    const stored = ctx.cloud.put({ id, type, body });
    return { id: stored.id, output: outputOf(stored, body, planned.response_export_values), identity: identityOf(stored, planned) };
  },
  update(ctx, prior, planned) {
    const { type } = targetId(ctx, planned);
    const body = requestBody(planned);
    const stored = ctx.cloud.put({ id: String(prior.id), type, body });
    return { id: stored.id, output: outputOf(stored, body, planned.response_export_values), identity: identityOf(stored, planned) };
  },
  delete(ctx, prior) {
    ctx.cloud.delete(String(prior.id));
  },
  read(ctx, state) {
    const stored = ctx.cloud.get(String(state.id));
    return stored ? { ...state, output: outputOf(stored, requestBody(state), state.response_export_values) } : undefined;
  },
};

/** PATCHes an existing resource; destroying it changes nothing in Azure. */
const azapiUpdateResource: ResourceHandler = {
  create(ctx, planned) {
    const { id } = targetId(ctx, planned);
    const body = requestBody(planned);
    const stored = ctx.cloud.patch(id, body);
    return { id: stored.id, output: outputOf(stored, body, planned.response_export_values) };
  },
  update(ctx, _prior, planned) {
    return azapiUpdateResource.create(ctx, planned);
  },
  delete() { /* azapi_update_resource: destroy does nothing in Azure */ },
  read(ctx, state) {
    return ctx.cloud.get(String(state.id)) ? state : undefined;
  },
};

function runAction(ctx: HandlerContext, planned: Plain): Plain {
  const resourceId = String(planned.resource_id);
  const action = str(planned, 'action') ?? '';
  const method = (str(planned, 'method') ?? 'POST').toUpperCase();
  const body = json(planned.body);
  const payload = isJsonObject(body) ? body : {};
  let response: JsonObject = {};
  if (method === 'POST') response = ctx.cloud.action(resourceId, action, payload);
  else if (method === 'PATCH') response = ctx.cloud.patch(resourceId, payload).body;
  else if (method === 'DELETE') ctx.cloud.delete(resourceId);
  else if (method === 'GET' || method === 'HEAD') response = ctx.cloud.get(resourceId)?.body ?? {};
  return { id: action ? `${resourceId}/${action}` : resourceId, output: response, exist: true };
}

/** One HTTP action against a resource, at apply (default) or at destroy (`when = "destroy"`). */
const azapiResourceAction: ResourceHandler = {
  create(ctx, planned) {
    if (str(planned, 'when') === 'destroy') return { id: String(planned.resource_id), output: {}, exist: false };
    return runAction(ctx, planned);
  },
  update(ctx, _prior, planned) {
    return azapiResourceAction.create(ctx, planned);
  },
  delete(ctx, prior) {
    if (str(prior, 'when') === 'destroy') runAction(ctx, prior);
  },
};

export const AZAPI_RESOURCES: Record<string, ResourceHandler> = {
  azapi_resource: azapiResource,
  azapi_update_resource: azapiUpdateResource,
  azapi_resource_action: azapiResourceAction,
};

/** `data "azapi_resource"`: reads a resource by id, or type + parent_id + name. */
export const AZAPI_DATA_SOURCES: Record<string, DataSourceHandler> = {
  azapi_resource: {
    read(ctx, config) {
      const { id } = targetId(ctx, config);
      const stored = ctx.cloud.get(id);
      if (!stored) throw new Error(`azapi_resource data source: ${id} was not found`);
      return { id: stored.id, output: outputOf(stored, {}, config.response_export_values), location: stored.body.location ?? '' };
    },
  },
};
