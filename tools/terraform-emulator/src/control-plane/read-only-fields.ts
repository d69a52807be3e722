import { idKey, nameOfId } from './ids';
import { isJsonObject } from './json';
import type { ArmResource, JsonObject } from './model';
import { isType, ONLINE_ENDPOINT, stringAt, WORKSPACE } from './rules/rule';
import { deterministicUuid } from './uuid';

/** The principal id Azure would give the system-assigned identity of the resource `id`. */
export function systemPrincipalId(id: string): string {
  return deterministicUuid(`principal:${idKey(id)}`);
}

/**
 * The body Azure stores and returns for a write: the request body plus the read-only fields Azure fills in
 * (provisioning state, identity principal, endpoint URIs, managed network status). `prior` keeps what only an
 * action changes, such as a provisioned managed network.
 */
export function withReadOnlyFields(id: string, type: string, body: JsonObject, tenantId: string, prior?: ArmResource): JsonObject {
  const properties: JsonObject = { ...(isJsonObject(body.properties) ? body.properties : {}), provisioningState: 'Succeeded' };
  const result: JsonObject = { ...body, properties };
  const identity = isJsonObject(body.identity) ? body.identity : undefined;
  if (identity && /systemassigned/i.test(String(identity.type ?? ''))) {
    result.identity = { ...identity, principalId: systemPrincipalId(id), tenantId };
  }
  const location = (stringAt(body, 'location') ?? 'westeurope').toLowerCase().replace(/\s/g, '');
  if (isType(type, ONLINE_ENDPOINT)) {
    const host = `${nameOfId(id)}.${location}.inference.ml.azure.com`;
    properties.scoringUri = `https://${host}/score`;
    properties.swaggerUri = `https://${host}/swagger.json`;
  }
  if (isType(type, WORKSPACE)) {
    properties.workspaceId = deterministicUuid(`workspace:${idKey(id)}`);
    properties.mlFlowTrackingUri = `azureml://${location}.api.azureml.ms/mlflow/v1.0${id}`;
    const network = isJsonObject(properties.managedNetwork) ? properties.managedNetwork : undefined;
    if (network) {
      const wasActive = prior !== undefined && stringAt(prior.body, 'properties', 'managedNetwork', 'status', 'status') === 'Active';
      const active = wasActive || properties.provisionNetworkNow === true;
      properties.managedNetwork = { ...network, status: { status: active ? 'Active' : 'Inactive', sparkReady: false } };
    }
  }
  return result;
}

/** The workspace body with its managed network marked provisioned. */
export function withManagedNetworkActive(workspace: JsonObject): JsonObject {
  const properties = isJsonObject(workspace.properties) ? workspace.properties : {};
  const network = isJsonObject(properties.managedNetwork) ? properties.managedNetwork : {};
  return { ...workspace, properties: { ...properties, managedNetwork: { ...network, status: { status: 'Active', sparkReady: false } } } };
}
