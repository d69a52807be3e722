// Binding for `azuredevops_pipeline_authorization`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azuredevops_pipeline_authorization`: lets a pipeline use a protected resource. */
export interface AzuredevopsPipelineAuthorizationConfig extends cdktf.TerraformMetaArguments {
  /** Project that owns the protected resource; changing it replaces the authorisation. */
  readonly projectId: string;
  /** Id of the resource authorised: a service connection, queue, variable group, environment or repository. */
  readonly resourceId: string;
  /** `endpoint`, `queue`, `variablegroup`, `environment` or `repository`. */
  readonly type: string;
  /** The build definition id. @default - every pipeline of the project is authorised */
  readonly pipelineId?: number;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/pipeline_authorization azuredevops_pipeline_authorization}.
 */
export class AzuredevopsPipelineAuthorization extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_pipeline_authorization';

  private readonly config: AzuredevopsPipelineAuthorizationConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsPipelineAuthorizationConfig) {
    super(scope, id, resourceConfig('azuredevops_pipeline_authorization', AZUREDEVOPS_GENERATOR_METADATA, config));
    const v = argumentValidator(this, 'azuredevops_pipeline_authorization');
    v.oneOf('type', config.type, ['endpoint', 'queue', 'variablegroup', 'environment', 'repository']);
    v.integer('pipelineId', config.pipelineId, { min: 1 });
    v.throwIfAny();
    this.config = config;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      resource_id: cdktf.stringToTerraform(c.resourceId),
      type: cdktf.stringToTerraform(c.type),
      pipeline_id: cdktf.numberToTerraform(c.pipelineId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      resource_id: simple(cdktf.stringToHclTerraform(c.resourceId), 'string'),
      type: simple(cdktf.stringToHclTerraform(c.type), 'string'),
      pipeline_id: simple(cdktf.numberToHclTerraform(c.pipelineId), 'number'),
    });
  }
}
