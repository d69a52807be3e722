// Helpers shared by the azuredevops bindings: the HCL attribute wrappers are the ones the azapi bindings use, so
// both binding sets render `cdktf synth --hcl` the same way; the validation is azuredevops-specific.
import { IConstruct } from 'constructs';
import { renderValue } from '../../core/errors';
import { isToken, Validator } from '../../core/validation';

export { block, list, map, simple, withoutUndefined } from '../azapi/shared';

/** The provider version constraint every azuredevops binding here declares (the bindings mirror v1.16.0). */
export const AZUREDEVOPS_VERSION_CONSTRAINT = '~> 1.16';

/** Generator metadata shared by the azuredevops bindings (what cdktf writes into required_providers). */
export const AZUREDEVOPS_GENERATOR_METADATA = {
  providerName: 'azuredevops',
  // No exact providerVersion: cdktf would pin it in required_providers instead of the constraint.
  providerVersionConstraint: AZUREDEVOPS_VERSION_CONSTRAINT,
};

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Adds a problem when a literal (not a token) that the provider parses as a GUID is not one. */
export function checkUuid(v: Validator, subject: string, value: string | undefined, fix: string): void {
  if (value === undefined || isToken(value)) return;
  v.check(UUID.test(value), () => ({ subject, value: renderValue(value), rule: 'must be a GUID', fix }));
}

/** A new validator for the arguments of an azuredevops resource, named like the azapi ones. */
export function argumentValidator(scope: IConstruct, resourceType: string): Validator {
  return new Validator(scope, `arguments for ${resourceType}`);
}
