// Binding for `azuredevops_environment`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azuredevops_environment`. */
export interface AzuredevopsEnvironmentConfig extends cdktf.TerraformMetaArguments {
  /** Project GUID; changing it replaces the environment. */
  readonly projectId: string;
  /** The name a YAML deployment job references with `environment: <name>`. */
  readonly name: string;
  /** @default "" */
  readonly description?: string;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/environment azuredevops_environment}.
 */
export class AzuredevopsEnvironment extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_environment';

  private readonly config: AzuredevopsEnvironmentConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsEnvironmentConfig) {
    super(scope, id, resourceConfig('azuredevops_environment', AZUREDEVOPS_GENERATOR_METADATA, config));
    const v = argumentValidator(this, 'azuredevops_environment');
    v.required('name', config.name?.trim(), 'give the environment a name');
    v.throwIfAny();
    this.config = config;
  }

  /** The environment id (an integer as a string): the target of checks and pipeline authorisations. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get nameInput(): string {
    return this.config.name;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      name: cdktf.stringToTerraform(c.name),
      description: cdktf.stringToTerraform(c.description),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      description: simple(cdktf.stringToHclTerraform(c.description), 'string'),
    });
  }
}
