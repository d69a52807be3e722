// Binding for `azuredevops_project` and `data.azuredevops_project`, mirroring microsoft/azuredevops v1.16.0 in the
// shape cdktf generates. Only the arguments this library uses are bound.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azuredevops_project`. */
export interface AzuredevopsProjectConfig extends cdktf.TerraformMetaArguments {
  /** Project name (not blank). */
  readonly name: string;
  /** @default "" */
  readonly description?: string;
  /** `private` or `public`. @default private */
  readonly visibility?: string;
  /** `Git` or `Tfvc`; changing it replaces the project. @default Git */
  readonly versionControl?: string;
  /** `Agile`, `Basic`, `CMMI`, `Scrum` or a custom process; changing it replaces the project. @default Agile */
  readonly workItemTemplate?: string;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/project azuredevops_project}.
 */
export class AzuredevopsProject extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_project';

  private readonly config: AzuredevopsProjectConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsProjectConfig) {
    super(scope, id, resourceConfig('azuredevops_project', AZUREDEVOPS_GENERATOR_METADATA, config));
    const v = argumentValidator(this, 'azuredevops_project');
    v.required('name', config.name?.trim(), 'give the project a name');
    v.oneOf('visibility', config.visibility, ['private', 'public']);
    v.oneOf('versionControl', config.versionControl, ['Git', 'Tfvc']);
    v.throwIfAny();
    this.config = config;
  }

  /** The project GUID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: cdktf.stringToTerraform(c.name),
      description: cdktf.stringToTerraform(c.description),
      visibility: cdktf.stringToTerraform(c.visibility),
      version_control: cdktf.stringToTerraform(c.versionControl),
      work_item_template: cdktf.stringToTerraform(c.workItemTemplate),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      description: simple(cdktf.stringToHclTerraform(c.description), 'string'),
      visibility: simple(cdktf.stringToHclTerraform(c.visibility), 'string'),
      version_control: simple(cdktf.stringToHclTerraform(c.versionControl), 'string'),
      work_item_template: simple(cdktf.stringToHclTerraform(c.workItemTemplate), 'string'),
    });
  }
}

/** Arguments of the `azuredevops_project` data source: an existing project by name. */
export interface DataAzuredevopsProjectConfig extends cdktf.TerraformMetaArguments {
  /** Name of the existing project. */
  readonly name: string;
}

/**
 * Represents a {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/data-sources/project data.azuredevops_project}.
 */
export class DataAzuredevopsProject extends cdktf.TerraformDataSource {
  public static readonly tfResourceType = 'azuredevops_project';

  private readonly config: DataAzuredevopsProjectConfig;

  constructor(scope: Construct, id: string, config: DataAzuredevopsProjectConfig) {
    super(scope, id, {
      terraformResourceType: 'azuredevops_project',
      terraformGeneratorMetadata: AZUREDEVOPS_GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
    const v = argumentValidator(this, 'data.azuredevops_project');
    v.required('name', config.name?.trim(), 'give the name of the existing project');
    v.throwIfAny();
    this.config = config;
  }

  /** The project GUID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { name: cdktf.stringToTerraform(this.config.name) };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return withoutUndefined({ name: simple(cdktf.stringToHclTerraform(this.config.name), 'string') });
  }
}
