// The structs of the azapi bindings (the public part of what the resource bindings share; the mappers stay in
// shared.ts). Mirrors Azure/azapi v2.12.0 (facts: shared/schemas/terraform/azapi.md), in the shape cdktf generates.

/** The `identity` block of `azapi_resource`. */
export interface AzapiIdentity {
  /** `SystemAssigned`, `UserAssigned`, `SystemAssigned, UserAssigned` or `None`. */
  readonly type: string;
  /** Ids of user-assigned identities, required when `type` includes `UserAssigned`. */
  readonly identityIds?: string[];
}

/** The `retry` attribute: retries a request whose error message matches one of the regular expressions. */
export interface AzapiRetry {
  /** Regular expressions matched against the error message. */
  readonly errorMessageRegex: string[];
  /** First wait between attempts, 1-120 seconds. @default 10 */
  readonly intervalSeconds?: number;
  /** Longest wait between attempts, 1-300 seconds. @default 180 */
  readonly maxIntervalSeconds?: number;
}

/** The `timeouts` block: Go duration strings such as `30m`. */
export interface AzapiTimeouts {
  readonly create?: string;
  readonly read?: string;
  readonly update?: string;
  readonly delete?: string;
}

/** The arguments every azapi resource type shares: what to export from the response, mutexes, retry, timeouts. */
export interface AzapiOperationArguments {
  readonly responseExportValues?: string[];
  readonly locks?: string[];
  readonly retry?: AzapiRetry;
  readonly timeouts?: AzapiTimeouts;
}
