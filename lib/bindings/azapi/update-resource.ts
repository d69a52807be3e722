// Binding for `azapi_update_resource`, mirroring Azure/azapi v2.12.0 in the shape cdktf generates.
// It patches a subset of an existing resource's properties; destroying it changes nothing in Azure.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import {
  AzapiRetry, AzapiTimeouts, dynamicToHclTerraform, dynamicToTerraform, simple, validateAzapiArguments,
  withoutUndefined, azapiOperationToTerraform, azapiOperationToHclTerraform,
  AZAPI_GENERATOR_METADATA,
} from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azapi_update_resource`: a PATCH of some properties of an existing Azure resource. */
export interface AzapiUpdateResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource type>@<api-version>` of the resource to patch. */
  readonly type: string;
  /** Id of the existing resource; give this, or `name` and `parentId`. */
  readonly resourceId?: string;
  readonly name?: string;
  readonly parentId?: string;
  /** The properties to set: an object, never a JSON string. A dynamic attribute. */
  readonly body?: { [key: string]: any };
  readonly responseExportValues?: string[];
  /** @default false */
  readonly ignoreCasing?: boolean | cdktf.IResolvable;
  /** @default true */
  readonly ignoreMissingProperty?: boolean | cdktf.IResolvable;
  /** Replace (re-apply) the patch when this value changes. A dynamic attribute. */
  readonly replaceTriggersExternalValues?: { [key: string]: any };
  readonly locks?: string[];
  readonly retry?: AzapiRetry;
  readonly timeouts?: AzapiTimeouts;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/Azure/azapi/2.12.0/docs/resources/update_resource azapi_update_resource}.
 */
export class AzapiUpdateResource extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azapi_update_resource';

  private readonly config: AzapiUpdateResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiUpdateResourceConfig) {
    super(scope, id, resourceConfig('azapi_update_resource', AZAPI_GENERATOR_METADATA, config));
    validateAzapiArguments(this, 'azapi_update_resource', config);
    this.config = config;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  public get type(): string {
    return this.config.type;
  }

  public get bodyInput(): { [key: string]: any } | undefined {
    return this.config.body;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      type: cdktf.stringToTerraform(c.type),
      resource_id: cdktf.stringToTerraform(c.resourceId),
      name: cdktf.stringToTerraform(c.name),
      parent_id: cdktf.stringToTerraform(c.parentId),
      body: dynamicToTerraform(c.body),
      ignore_casing: cdktf.booleanToTerraform(c.ignoreCasing),
      ignore_missing_property: cdktf.booleanToTerraform(c.ignoreMissingProperty),
      replace_triggers_external_values: dynamicToTerraform(c.replaceTriggersExternalValues),
      ...azapiOperationToTerraform(c),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      type: simple(cdktf.stringToHclTerraform(c.type), 'string'),
      resource_id: simple(cdktf.stringToHclTerraform(c.resourceId), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      parent_id: simple(cdktf.stringToHclTerraform(c.parentId), 'string'),
      body: dynamicToHclTerraform(c.body),
      ignore_casing: simple(cdktf.booleanToHclTerraform(c.ignoreCasing), 'boolean'),
      ignore_missing_property: simple(cdktf.booleanToHclTerraform(c.ignoreMissingProperty), 'boolean'),
      replace_triggers_external_values: dynamicToHclTerraform(c.replaceTriggersExternalValues),
      ...azapiOperationToHclTerraform(c),
    });
  }
}
