// Azure ML serving quirks, encoded once. Each entry says why.
import { AzapiResource, AzapiRetry } from '../bindings/azapi';

/**
 * Sets azapi's `ignore_body_changes` (v2.12+, write-only, Terraform 1.11+): on update, azapi sends Azure's current
 * value for each listed body path instead of the configured one, and never plans a diff for them.
 */
export function ignoreBodyChanges(resource: AzapiResource, paths: string[]): void {
  resource.ignoreBodyChanges = [...new Set([...(resource.ignoreBodyChanges ?? []), ...paths])];
}

/**
 * Body paths of an online endpoint that its traffic patch owns. Without this, any later PUT of the endpoint (a new
 * description, a changed auth mode) would send a body without `traffic` and could reset it to nothing — an outage.
 */
export const ENDPOINT_TRAFFIC_PATHS = ['properties.traffic', 'properties.mirrorTraffic'];

/** The batch endpoint body path that its defaults patch owns (same reason as for online traffic). */
export const BATCH_ENDPOINT_DEFAULTS_PATHS = ['properties.defaults'];

/** The deployment body path that Azure Monitor autoscale owns once the deployment exists. */
export const AUTOSCALED_CAPACITY_PATHS = ['sku.capacity'];

/**
 * Retry for the traffic patch: right after a deployment is created, the endpoint may not see it yet, or may still be
 * busy applying the deployment (409 conflicts). Both clear within minutes.
 */
export const TRAFFIC_RETRY: AzapiRetry = {
  errorMessageRegex: [
    '(?i)deployment.*(not found|does not exist|doesn\'t exist)',
    '(?i)conflict',
    '(?i)(operation|update).*in progress',
  ],
  intervalSeconds: 15,
  maxIntervalSeconds: 120,
};

/**
 * Retry for deployments: role assignments made for the endpoint identity in the same apply take minutes to
 * propagate, so the first image pull or model read can be refused.
 */
export const DEPLOYMENT_RETRY: AzapiRetry = {
  errorMessageRegex: [
    '(?i)AuthorizationFailed',
    '(?i)(does not have|doesn\'t have) (authorization|permission)',
    '(?i)(unauthorized|forbidden).*(pull|acr|registry|storage|blob)',
  ],
  intervalSeconds: 30,
  maxIntervalSeconds: 180,
};
