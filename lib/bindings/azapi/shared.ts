// Structs and mappers shared by the azapi resource bindings.
// Mirrors Azure/azapi v2.12.0 (facts: shared/schemas/terraform/azapi.md), in the shape cdktf generates.
import * as cdktf from 'cdktf';
import { IConstruct } from 'constructs';
import { Problems, renderValue } from '../../core/errors';
import { isToken, Validator } from '../../core/validation';
import { AzapiIdentity, AzapiOperationArguments, AzapiRetry, AzapiTimeouts } from './structs';

export { AzapiIdentity, AzapiOperationArguments, AzapiRetry, AzapiTimeouts };

/** The provider version constraint every azapi binding here declares: 2.11 is the first release that embeds the
 * Microsoft.MachineLearningServices 2026-05-01 schema, and azapi rejects api-versions it does not embed. */
export const AZAPI_VERSION_CONSTRAINT = '~> 2.12';

/** Generator metadata shared by the azapi bindings (what cdktf writes into required_providers). */
export const AZAPI_GENERATOR_METADATA = {
  providerName: 'azapi',
  // No exact providerVersion: cdktf would pin it in required_providers instead of the constraint.
  providerVersionConstraint: AZAPI_VERSION_CONSTRAINT,
};

export function azapiIdentityToTerraform(struct?: AzapiIdentity | cdktf.IResolvable): any {
  if (struct === undefined) return undefined;
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;
  const s = struct as AzapiIdentity;
  return [{ type: cdktf.stringToTerraform(s.type), identity_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(s.identityIds) }];
}

export function azapiIdentityToHclTerraform(struct?: AzapiIdentity | cdktf.IResolvable): any {
  if (struct === undefined) return undefined;
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;
  const s = struct as AzapiIdentity;
  return [withoutUndefined({
    type: simple(cdktf.stringToHclTerraform(s.type), 'string'),
    identity_ids: list(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(s.identityIds), 'stringList'),
  })];
}

export function azapiRetryToTerraform(struct?: AzapiRetry | cdktf.IResolvable): any {
  if (struct === undefined) return undefined;
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;
  const s = struct as AzapiRetry;
  return {
    error_message_regex: cdktf.listMapper(cdktf.stringToTerraform, false)(s.errorMessageRegex),
    interval_seconds: cdktf.numberToTerraform(s.intervalSeconds),
    max_interval_seconds: cdktf.numberToTerraform(s.maxIntervalSeconds),
  };
}

/** `retry` is an object attribute (`retry = {...}`), not a block, so HCL renders it as an expression. */
export function azapiRetryToHclTerraform(struct?: AzapiRetry | cdktf.IResolvable): any {
  const value = azapiRetryToTerraform(struct);
  if (value === undefined) return undefined;
  return { value: cdktf.Tokenization.isResolvable(value) ? value : withoutUndefinedValues(value), isBlock: false, type: 'any', storageClassType: 'AzapiRetry' };
}

export function azapiTimeoutsToTerraform(struct?: AzapiTimeouts | cdktf.IResolvable): any {
  if (struct === undefined) return undefined;
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;
  const s = struct as AzapiTimeouts;
  return {
    create: cdktf.stringToTerraform(s.create),
    read: cdktf.stringToTerraform(s.read),
    update: cdktf.stringToTerraform(s.update),
    delete: cdktf.stringToTerraform(s.delete),
  };
}

export function azapiTimeoutsToHclTerraform(struct?: AzapiTimeouts | cdktf.IResolvable): any {
  if (struct === undefined) return undefined;
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) return struct;
  const s = struct as AzapiTimeouts;
  return withoutUndefined({
    create: simple(cdktf.stringToHclTerraform(s.create), 'string'),
    read: simple(cdktf.stringToHclTerraform(s.read), 'string'),
    update: simple(cdktf.stringToHclTerraform(s.update), 'string'),
    delete: simple(cdktf.stringToHclTerraform(s.delete), 'string'),
  });
}

/** A dynamic (any-typed) attribute such as `body`: emitted as a JSON object, never a string (azapi v2). */
export function dynamicToTerraform(value: any): any {
  return value;
}

/**
 * A dynamic attribute for `cdktf synth --hcl`. cdktf's HCL renderer prints strings that look like integers or start
 * with `[`, `{` or `"` unquoted; pre-quoting them keeps "3" a string, as in the JSON output.
 */
export function dynamicToHclTerraform(value: any): any {
  if (value === undefined) return undefined;
  return { value: quoteAmbiguousStrings(value), isBlock: false, type: 'any', storageClassType: 'any' };
}

function quoteAmbiguousStrings(value: any): any {
  if (typeof value === 'string') {
    if (value.includes('${')) return value;
    const ambiguous = parseInt(value, 10).toString() === value || /^[[{"]/.test(value);
    return ambiguous ? JSON.stringify(value) : value;
  }
  if (Array.isArray(value)) return value.map(quoteAmbiguousStrings);
  if (value !== null && typeof value === 'object' && !cdktf.Tokenization.isResolvable(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quoteAmbiguousStrings(v)]));
  }
  return value;
}

export function simple(value: any, storageClassType: 'string' | 'number' | 'boolean'): any {
  return { value, isBlock: false, type: 'simple', storageClassType };
}

export function list(value: any, storageClassType: string, isBlock = false): any {
  return { value, isBlock, type: 'list', storageClassType };
}

export function map(value: any, storageClassType: string): any {
  return { value, isBlock: false, type: 'map', storageClassType };
}

export function block(value: any, storageClassType: string): any {
  return { value, isBlock: true, type: 'struct', storageClassType };
}

/** Drops attributes with no value, as generated bindings do. */
export function withoutUndefined(attrs: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined && v.value !== undefined));
}

function withoutUndefinedValues(obj: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/**
 * Checks the arguments whose wrong shape azapi would only report at plan time (or not at all): a `type` without an
 * api-version, a v1-style JSON-string `body`, retry intervals out of range. Throws one error listing every problem.
 */
export function validateAzapiArguments(scope: IConstruct, resourceType: string,
  args: { type: string; body?: unknown; retry?: AzapiRetry }): void {
  const v = new Validator(scope, `arguments for ${resourceType}`);
  v.matches('type', args.type, /^[A-Za-z][A-Za-z0-9.]*\/[A-Za-z0-9/]+@\d{4}-\d{2}-\d{2}(-preview)?$/,
    'must be "<resource type>@<api-version>"',
    'write it as e.g. "Microsoft.MachineLearningServices/workspaces@2026-05-01"');
  const body = args.body;
  if (body !== undefined && !isToken(body)) {
    v.check(typeof body === 'object' && body !== null && !Array.isArray(body), () => ({
      subject: 'body', value: renderValue(body),
      rule: 'must be an object (azapi v2 takes a dynamic object, not a JSON string)',
      fix: 'pass the object itself, e.g. { properties: { ... } }, without JSON.stringify or jsonencode',
    }));
  }
  if (args.retry && !isToken(args.retry)) {
    v.check(Array.isArray(args.retry.errorMessageRegex) && args.retry.errorMessageRegex.length > 0,
      () => Problems.required('retry.errorMessageRegex', 'give at least one regular expression to match retryable errors'));
    v.integer('retry.intervalSeconds', args.retry.intervalSeconds, { min: 1, max: 120 });
    v.integer('retry.maxIntervalSeconds', args.retry.maxIntervalSeconds, { min: 1, max: 300 });
  }
  v.throwIfAny();
}

export function azapiOperationToTerraform(c: AzapiOperationArguments): { [name: string]: any } {
  return {
    response_export_values: cdktf.listMapper(cdktf.stringToTerraform, false)(c.responseExportValues),
    locks: cdktf.listMapper(cdktf.stringToTerraform, false)(c.locks),
    retry: azapiRetryToTerraform(c.retry),
    timeouts: azapiTimeoutsToTerraform(c.timeouts),
  };
}

export function azapiOperationToHclTerraform(c: AzapiOperationArguments): { [name: string]: any } {
  return {
    response_export_values: dynamicToHclTerraform(c.responseExportValues),
    locks: list(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.locks), 'stringList'),
    retry: azapiRetryToHclTerraform(c.retry),
    timeouts: block(azapiTimeoutsToHclTerraform(c.timeouts), 'AzapiTimeouts'),
  };
}
