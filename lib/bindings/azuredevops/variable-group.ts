// Binding for `azuredevops_variable_group`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
// Only plain (non-secret) variables are bound: secrets belong in Key Vault, read by the pipeline's identity.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { isToken } from '../../core/validation';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, list, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** One `variable` block. */
export interface AzuredevopsVariableGroupVariable {
  readonly name: string;
  /** @default "" */
  readonly value?: string;
}

/** Arguments of an `azuredevops_variable_group`. */
export interface AzuredevopsVariableGroupConfig extends cdktf.TerraformMetaArguments {
  /** Project GUID; changing it replaces the group. */
  readonly projectId: string;
  /** The name a YAML pipeline references with `variables: - group: <name>`. */
  readonly name: string;
  /** @default "" */
  readonly description?: string;
  /** Open the group to every pipeline of the project. @default false - pipelines need a pipeline authorisation */
  readonly allowAccess?: boolean | cdktf.IResolvable;
  /** At least one variable. */
  readonly variable: AzuredevopsVariableGroupVariable[];
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/variable_group azuredevops_variable_group}.
 */
export class AzuredevopsVariableGroup extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_variable_group';

  private readonly config: AzuredevopsVariableGroupConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsVariableGroupConfig) {
    super(scope, id, resourceConfig('azuredevops_variable_group', AZUREDEVOPS_GENERATOR_METADATA, config));
    const v = argumentValidator(this, 'azuredevops_variable_group');
    v.required('name', config.name?.trim(), 'give the variable group a name');
    v.check(isToken(config.variable) || config.variable.length > 0, () => ({
      subject: 'variable', value: '[]', rule: 'must hold at least one variable', fix: 'add a variable, e.g. { name: "MLOPS_STAGE", value: "dev" }',
    }));
    v.throwIfAny();
    this.config = config;
  }

  /** The numeric group id (as a string). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      name: cdktf.stringToTerraform(c.name),
      description: cdktf.stringToTerraform(c.description),
      allow_access: cdktf.booleanToTerraform(c.allowAccess),
      variable: c.variable.map(x => ({ name: cdktf.stringToTerraform(x.name), value: cdktf.stringToTerraform(x.value) })),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      description: simple(cdktf.stringToHclTerraform(c.description), 'string'),
      allow_access: simple(cdktf.booleanToHclTerraform(c.allowAccess), 'boolean'),
      variable: list(c.variable.map(x => withoutUndefined({
        name: simple(cdktf.stringToHclTerraform(x.name), 'string'),
        value: simple(cdktf.stringToHclTerraform(x.value), 'string'),
      })), 'AzuredevopsVariableGroupVariableList', true),
    });
  }
}
