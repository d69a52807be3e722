import { endpointIdentityGrants } from './endpoint-identity-grants';
import { idKey, isAtOrUnder, nameOfId, parentIdOf, typeOfId } from './ids';
import { deepCopy, isJsonObject, mergePatch } from './json';
import { AzureRefusal, type ArmResource, type JsonObject } from './model';
import { withManagedNetworkActive, withReadOnlyFields } from './read-only-fields';
import { isRegistryAssetVersionType } from './rules/asset-version';
import { ALL_RULES, type CloudView, type Rule, type Write } from './rules';
import { hasManagedNetwork } from './rules/managed-network';
import { isType, ML, ONLINE_DEPLOYMENT, ONLINE_ENDPOINT, ROLE_ASSIGNMENT, stringAt, WORKSPACE } from './rules/rule';
import { emptyCloudState, type CloudState } from './state';
import { deterministicUuid } from './uuid';

export interface PutRequest {
  /** The full ARM id (see `armId` in ./ids). */
  readonly id: string;
  /** The resource type without api-version, e.g. `Microsoft.MachineLearningServices/workspaces`. */
  readonly type: string;
  /** Request body: properties, sku, kind, location, tags, identity. */
  readonly body: JsonObject;
}

export interface CloudOptions {
  /** Tenant of the identities Azure creates. Default: a fixed, deterministic tenant. */
  readonly tenantId?: string;
  /** The rules applied to every request. Default: every rule in ./rules. */
  readonly rules?: readonly Rule[];
}

const NOT_FOUND_SOURCE = 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-not-found';
export const DEFAULT_TENANT_ID = deterministicUuid('tenant');

/**
 * The emulated Azure Resource Manager over a serialisable state: ARM's PUT / PATCH / GET / DELETE / POST-action
 * semantics, each request checked by the rules first (a refused request changes nothing), then the side effects
 * Azure itself performs (read-only fields, role assignments for endpoint identities, registry versions on publish).
 */
export class Cloud implements CloudView {
  private readonly tenantId: string;
  private readonly rules: readonly Rule[];

  constructor(public readonly state: CloudState = emptyCloudState(), options: CloudOptions = {}) {
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
    this.rules = options.rules ?? ALL_RULES;
  }

  get(id: string): ArmResource | undefined {
    const stored = this.state.resources[idKey(id)];
    return stored ? deepCopy(stored as unknown as JsonObject) as unknown as ArmResource : undefined;
  }

  list(): ArmResource[] {
    return Object.values(this.state.resources);
  }

  children(id: string): ArmResource[] {
    const prefix = `${idKey(id)}/`;
    return this.list().filter((r) => idKey(r.id).startsWith(prefix) && !idKey(r.id).slice(prefix.length).includes('providers/'));
  }

  isRetired(id: string): boolean {
    return this.state.retired[idKey(id)] === true;
  }

  /** ARM PUT: creates the resource, or replaces its body (read-only fields are Azure's, not the caller's). */
  put(request: PutRequest): ArmResource {
    const prior = this.get(request.id);
    this.check({ verb: 'PUT', id: request.id, type: request.type, body: request.body, prior });
    const stored = this.store(request.id, request.type, request.body, prior);
    if (!prior) this.afterCreate(stored);
    return stored;
  }

  /** ARM PATCH (and azapi_update_resource): merges `partial` into the stored body. */
  patch(id: string, partial: JsonObject): ArmResource {
    const prior = this.mustGet(id);
    const body = mergePatch(prior.body, partial);
    this.check({ verb: 'PATCH', id: prior.id, type: prior.type, body, prior });
    return this.store(prior.id, prior.type, body, prior);
  }

  /**
   * ARM DELETE: removes the resource with everything under it (children and extension resources such as role
   * assignments and locks at its scope). Deleting what does not exist succeeds, as in ARM (204).
   */
  delete(id: string): void {
    const target = this.get(id);
    if (!target) return;
    for (const rule of this.rules) rule.onDelete?.(this, target);
    const removed = this.list().filter((r) => isAtOrUnder(r.id, target.id));
    const principals = new Set(removed.map((r) => stringAt(r.body, 'identity', 'principalId')).filter((p): p is string => !!p));
    for (const r of removed) {
      delete this.state.resources[idKey(r.id)];
      if (isRegistryAssetVersionType(r.type)) this.state.retired[idKey(r.id)] = true;
    }
    if (isType(target, ONLINE_DEPLOYMENT)) this.dropFromTraffic(target);
    // Assignments to a deleted system-assigned identity go with it (Azure leaves them orphaned, unusable).
    for (const r of this.list()) {
      if (isType(r, ROLE_ASSIGNMENT) && principals.has(stringAt(r.body, 'properties', 'principalId') ?? '')) delete this.state.resources[idKey(r.id)];
    }
  }

  /**
   * A deleted deployment leaves its endpoint's traffic and mirror maps: the rules only let a deployment go once its
   * weight is 0, and the endpoint then no longer lists it (what `az ml online-endpoint show` shows after
   * `az ml online-deployment delete`; not stated as a rule in the docs).
   * @see https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints#remove-the-old-deployment
   */
  private dropFromTraffic(deployment: ArmResource): void {
    const endpoint = this.state.resources[idKey(parentIdOf(deployment.id))];
    const properties = endpoint?.body.properties;
    if (!endpoint || !isJsonObject(properties)) return;
    for (const map of ['traffic', 'mirrorTraffic']) {
      const weights = properties[map];
      if (!isJsonObject(weights)) continue;
      for (const name of Object.keys(weights)) if (name.toLowerCase() === deployment.name.toLowerCase()) delete weights[name];
    }
  }

  /** ARM POST `<id>/<action>`. Known actions have their effect; any other is accepted and does nothing. */
  action(id: string, action: string, body: JsonObject = {}): JsonObject {
    const target = this.mustGet(id);
    for (const rule of this.rules) rule.onAction?.(this, target, action, body);
    switch (action) {
      case 'publish': return this.publish(target, body);
      case 'provisionManagedNetwork': return this.provisionManagedNetwork(target);
      default: return {};
    }
  }

  private check(write: Write): void {
    for (const rule of this.rules) rule.onWrite?.(this, write);
  }

  private mustGet(id: string): ArmResource {
    const found = this.get(id);
    if (!found) throw new AzureRefusal(404, 'ResourceNotFound', `The Resource '${id}' was not found.`, NOT_FOUND_SOURCE);
    return found;
  }

  private store(id: string, type: string, body: JsonObject, prior?: ArmResource): ArmResource {
    const resource: ArmResource = {
      id: prior?.id ?? id,
      type: prior?.type ?? type,
      name: nameOfId(id),
      body: withReadOnlyFields(id, type, deepCopy(body), this.tenantId, prior),
    };
    this.state.resources[idKey(id)] = resource;
    return this.get(id)!;
  }

  /** What Azure does on its own after a resource is created. */
  private afterCreate(created: ArmResource): void {
    if (isType(created, ONLINE_ENDPOINT)) {
      for (const grant of endpointIdentityGrants(created, this.get(parentIdOf(created.id)))) {
        this.state.resources[idKey(grant.id)] = grant;
      }
    }
    // The managed network is created with the workspace's first compute.
    if (isType(created, `${WORKSPACE}/computes`)) {
      const workspace = this.get(parentIdOf(created.id));
      if (workspace && hasManagedNetwork(workspace)) this.provisionManagedNetwork(workspace);
    }
  }

  private provisionManagedNetwork(workspace: ArmResource): JsonObject {
    if (!isType(workspace, WORKSPACE)) return {};
    this.state.resources[idKey(workspace.id)] = { ...workspace, body: withManagedNetworkActive(workspace.body) };
    return {};
  }

  /**
   * Shares a workspace asset version into a registry (`…/workspaces/<ws>/<assets>/<name>/versions/<v>/publish`
   * with `{ registryName, destinationName, destinationVersion }`): creates the registry container if needed and
   * the registry version with the same content, through the same rules as a PUT.
   */
  private publish(source: ArmResource, body: JsonObject): JsonObject {
    const match = new RegExp(`^${ML}/workspaces/(\\w+)/versions$`, 'i').exec(source.type);
    const registryName = typeof body.registryName === 'string' ? body.registryName : undefined;
    if (!match || !registryName) return {};
    const registry = this.list().find((r) => isType(r, `${ML}/registries`) && r.name.toLowerCase() === registryName.toLowerCase());
    if (!registry) throw new AzureRefusal(404, 'ResourceNotFound', `Registry '${registryName}' was not found.`, NOT_FOUND_SOURCE);
    const assets = match[1];
    const containerName = typeof body.destinationName === 'string' ? body.destinationName : nameOfId(parentIdOf(parentIdOf(source.id)));
    const version = typeof body.destinationVersion === 'string' ? body.destinationVersion : source.name;
    const containerId = `${registry.id}/${assets}/${containerName}`;
    if (!this.get(containerId)) {
      const sourceContainer = this.get(parentIdOf(parentIdOf(source.id)));
      this.put({ id: containerId, type: `${ML}/registries/${assets}`, body: { properties: { ...(isJsonObject(sourceContainer?.body.properties) ? sourceContainer!.body.properties : {}) } } });
    }
    const versionId = `${containerId}/versions/${version}`;
    const existing = this.get(versionId);
    const content = isJsonObject(source.body.properties) ? source.body.properties : {};
    // Publishing again what is already there is a no-op; anything else goes through the version rules.
    this.put({ id: versionId, type: typeOfId(versionId), body: existing ? mergePatch(existing.body, { properties: content }) : { properties: content } });
    return {};
  }
}

