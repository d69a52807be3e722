// Binding for `azapi_resource_action`, mirroring Azure/azapi v2.12.0 in the shape cdktf generates.
// It performs one HTTP action (POST by default) against an existing resource, at apply or at destroy.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import {
  AzapiRetry, AzapiTimeouts, dynamicToHclTerraform, dynamicToTerraform, map, simple, validateAzapiArguments,
  withoutUndefined, azapiOperationToTerraform, azapiOperationToHclTerraform,
  AZAPI_GENERATOR_METADATA,
} from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azapi_resource_action`: one call of an Azure resource action (e.g. provisionManagedNetwork). */
export interface AzapiResourceActionConfig extends cdktf.TerraformMetaArguments {
  /** `<resource type>@<api-version>` of the target resource. */
  readonly type: string;
  /** Id of the target resource. */
  readonly resourceId: string;
  /** Action appended to the id (`listKeys`, `start`, ...); empty calls the resource URL itself. @default - the resource URL */
  readonly action?: string;
  /** `POST`, `PATCH`, `PUT`, `DELETE`, `GET` or `HEAD`. @default POST */
  readonly method?: string;
  /** Request body. A dynamic attribute. */
  readonly body?: { [key: string]: any };
  /** Extra request headers. */
  readonly headers?: { [key: string]: string };
  /** `apply` or `destroy`. @default apply */
  readonly when?: string;
  /** Treat a 404 as success. @default false */
  readonly ignoreNotFound?: boolean | cdktf.IResolvable;
  readonly responseExportValues?: string[];
  readonly locks?: string[];
  readonly retry?: AzapiRetry;
  readonly timeouts?: AzapiTimeouts;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/Azure/azapi/2.12.0/docs/resources/resource_action azapi_resource_action}.
 */
export class AzapiResourceAction extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azapi_resource_action';

  private readonly config: AzapiResourceActionConfig;

  constructor(scope: Construct, id: string, config: AzapiResourceActionConfig) {
    super(scope, id, resourceConfig('azapi_resource_action', AZAPI_GENERATOR_METADATA, config));
    validateAzapiArguments(this, 'azapi_resource_action', config);
    this.config = config;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** Whether the action was performed. */
  public get exist(): cdktf.IResolvable {
    return this.getBooleanAttribute('exist');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      type: cdktf.stringToTerraform(c.type),
      resource_id: cdktf.stringToTerraform(c.resourceId),
      action: cdktf.stringToTerraform(c.action),
      method: cdktf.stringToTerraform(c.method),
      body: dynamicToTerraform(c.body),
      headers: cdktf.hashMapper(cdktf.stringToTerraform)(c.headers),
      when: cdktf.stringToTerraform(c.when),
      ignore_not_found: cdktf.booleanToTerraform(c.ignoreNotFound),
      ...azapiOperationToTerraform(c),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      type: simple(cdktf.stringToHclTerraform(c.type), 'string'),
      resource_id: simple(cdktf.stringToHclTerraform(c.resourceId), 'string'),
      action: simple(cdktf.stringToHclTerraform(c.action), 'string'),
      method: simple(cdktf.stringToHclTerraform(c.method), 'string'),
      body: dynamicToHclTerraform(c.body),
      headers: map(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(c.headers), 'stringMap'),
      when: simple(cdktf.stringToHclTerraform(c.when), 'string'),
      ignore_not_found: simple(cdktf.booleanToHclTerraform(c.ignoreNotFound), 'boolean'),
      ...azapiOperationToHclTerraform(c),
    });
  }
}
