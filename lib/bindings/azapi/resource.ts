// Binding for `azapi_resource`, mirroring Azure/azapi v2.12.0 in the shape cdktf generates.
// Only the arguments this library uses are bound (facts: shared/schemas/terraform/azapi.md).
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import {
  AzapiIdentity, AzapiRetry, AzapiTimeouts, azapiIdentityToHclTerraform, azapiIdentityToTerraform,
  dynamicToHclTerraform, dynamicToTerraform, list, map, simple, validateAzapiArguments, withoutUndefined,
  azapiOperationToTerraform, azapiOperationToHclTerraform,
  AZAPI_GENERATOR_METADATA,
} from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azapi_resource`: an Azure resource by type, parent and body. */
export interface AzapiResourceConfig extends cdktf.TerraformMetaArguments {
  /** `<resource type>@<api-version>`, e.g. `Microsoft.MachineLearningServices/workspaces@2026-05-01`. */
  readonly type: string;
  /** The resource name (last segment of its id). Changing it replaces the resource. */
  readonly name?: string;
  /** Id of the parent: a resource group id for top-level types, the parent resource's id for child types. */
  readonly parentId?: string;
  readonly location?: string;
  /**
   * The request body without name, location, tags and identity: an object (azapi v2), never a JSON string.
   *
   * A dynamic attribute: generated cdktf bindings type it as a map of any, and so does this one.
   */
  readonly body?: { [key: string]: any };
  readonly identity?: AzapiIdentity;
  readonly tags?: { [key: string]: string };
  /** Response paths exported into `output`, e.g. `["properties.scoringUri"]`; `["*"]` for everything. */
  readonly responseExportValues?: string[];
  /** Validate `type` and `body` against azapi's embedded Azure schema at plan time. @default true */
  readonly schemaValidationEnabled?: boolean | cdktf.IResolvable;
  /** Ignore casing differences in response property names. @default false */
  readonly ignoreCasing?: boolean | cdktf.IResolvable;
  /** Do not diff properties that Azure does not echo back. @default true */
  readonly ignoreMissingProperty?: boolean | cdktf.IResolvable;
  /** Drop null properties from the request and the diff. @default false */
  readonly ignoreNullProperty?: boolean | cdktf.IResolvable;
  /**
   * Body paths (dot notation) whose changes azapi ignores: on update it sends Azure's current value for them.
   * Write-only (azapi 2.12+, Terraform 1.11+).
   */
  readonly ignoreBodyChanges?: string[];
  /** Replace the resource when this value changes (null never triggers). A dynamic attribute. */
  readonly replaceTriggersExternalValues?: { [key: string]: any };
  /** Paths in `body` whose changes force replacement, e.g. `["properties.modelUri"]`. */
  readonly replaceTriggersRefs?: string[];
  /** Resource ids used as mutexes between azapi resources. */
  readonly locks?: string[];
  readonly retry?: AzapiRetry;
  readonly timeouts?: AzapiTimeouts;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/Azure/azapi/2.12.0/docs/resources/resource azapi_resource}.
 */
export class AzapiResource extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azapi_resource';

  private readonly config: AzapiResourceConfig;
  private _ignoreBodyChanges?: string[];

  constructor(scope: Construct, id: string, config: AzapiResourceConfig) {
    super(scope, id, resourceConfig('azapi_resource', AZAPI_GENERATOR_METADATA, config));
    validateAzapiArguments(this, 'azapi_resource', config);
    this.config = config;
    this._ignoreBodyChanges = config.ignoreBodyChanges;
  }

  /** Body paths whose changes azapi ignores; settable after construction, as in generated bindings. */
  public get ignoreBodyChanges(): string[] | undefined {
    return this._ignoreBodyChanges;
  }

  public set ignoreBodyChanges(paths: string[] | undefined) {
    this._ignoreBodyChanges = paths;
  }

  /** The ARM resource id. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The exported response values (`response_export_values`); a dynamic object. */
  public get output(): cdktf.IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** One exported response value, e.g. `outputString('properties.scoringUri')`. */
  public outputString(path: string): string {
    return cdktf.Token.asString(this.interpolationForAttribute(`output.${path}`));
  }

  /** The principal id of the system-assigned identity, when `identity` includes it. */
  public get identityPrincipalId(): string {
    return this.getStringAttribute('identity[0].principal_id');
  }

  /** The tenant id of the system-assigned identity. */
  public get identityTenantId(): string {
    return this.getStringAttribute('identity[0].tenant_id');
  }

  public get type(): string {
    return this.config.type;
  }

  public get nameInput(): string | undefined {
    return this.config.name;
  }

  public get parentIdInput(): string | undefined {
    return this.config.parentId;
  }

  public get bodyInput(): { [key: string]: any } | undefined {
    return this.config.body;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      type: cdktf.stringToTerraform(c.type),
      name: cdktf.stringToTerraform(c.name),
      parent_id: cdktf.stringToTerraform(c.parentId),
      location: cdktf.stringToTerraform(c.location),
      body: dynamicToTerraform(c.body),
      identity: azapiIdentityToTerraform(c.identity),
      tags: cdktf.hashMapper(cdktf.stringToTerraform)(c.tags),
      schema_validation_enabled: cdktf.booleanToTerraform(c.schemaValidationEnabled),
      ignore_casing: cdktf.booleanToTerraform(c.ignoreCasing),
      ignore_missing_property: cdktf.booleanToTerraform(c.ignoreMissingProperty),
      ignore_null_property: cdktf.booleanToTerraform(c.ignoreNullProperty),
      ignore_body_changes: cdktf.listMapper(cdktf.stringToTerraform, false)(this._ignoreBodyChanges),
      replace_triggers_external_values: dynamicToTerraform(c.replaceTriggersExternalValues),
      replace_triggers_refs: cdktf.listMapper(cdktf.stringToTerraform, false)(c.replaceTriggersRefs),
      ...azapiOperationToTerraform(c),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      type: simple(cdktf.stringToHclTerraform(c.type), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      parent_id: simple(cdktf.stringToHclTerraform(c.parentId), 'string'),
      location: simple(cdktf.stringToHclTerraform(c.location), 'string'),
      body: dynamicToHclTerraform(c.body),
      identity: list(azapiIdentityToHclTerraform(c.identity), 'AzapiIdentityList', true),
      tags: map(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(c.tags), 'stringMap'),
      schema_validation_enabled: simple(cdktf.booleanToHclTerraform(c.schemaValidationEnabled), 'boolean'),
      ignore_casing: simple(cdktf.booleanToHclTerraform(c.ignoreCasing), 'boolean'),
      ignore_missing_property: simple(cdktf.booleanToHclTerraform(c.ignoreMissingProperty), 'boolean'),
      ignore_null_property: simple(cdktf.booleanToHclTerraform(c.ignoreNullProperty), 'boolean'),
      ignore_body_changes: list(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._ignoreBodyChanges), 'stringList'),
      replace_triggers_external_values: dynamicToHclTerraform(c.replaceTriggersExternalValues),
      replace_triggers_refs: list(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.replaceTriggersRefs), 'stringList'),
      ...azapiOperationToHclTerraform(c),
    });
  }
}
