// Binding for the `azapi` provider, mirroring Azure/azapi v2.12.0 in the shape cdktf generates.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZAPI_GENERATOR_METADATA, map, simple, withoutUndefined } from './shared';

/** Arguments of the azapi provider block. */
export interface AzapiProviderConfig {
  /** Alias for using several configurations of the provider. */
  readonly alias?: string;
  /** @default - from `ARM_SUBSCRIPTION_ID` */
  readonly subscriptionId?: string;
  /** @default - from `ARM_TENANT_ID` */
  readonly tenantId?: string;
  /** @default - from `ARM_CLIENT_ID` */
  readonly clientId?: string;
  /** Authenticate with the Azure CLI. @default true */
  readonly useCli?: boolean | cdktf.IResolvable;
  /** Authenticate with a managed identity. @default false */
  readonly useMsi?: boolean | cdktf.IResolvable;
  /** Authenticate with OIDC (workload identity federation), as pipelines do. @default false */
  readonly useOidc?: boolean | cdktf.IResolvable;
  /** Azure Pipelines service connection id for OIDC. @default - from `ARM_OIDC_AZURE_SERVICE_CONNECTION_ID` */
  readonly oidcAzureServiceConnectionId?: string;
  /** `public`, `usgovernment`, `china` or `custom`. @default public */
  readonly environment?: string;
  /** Location used by resources that leave `location` unset. @default - none */
  readonly defaultLocation?: string;
  /** Tags merged into every resource that supports tags. @default - none */
  readonly defaultTags?: { [key: string]: string };
  /** Do not auto-register resource providers. @default false */
  readonly skipProviderRegistration?: boolean | cdktf.IResolvable;
  /** Run ARM preflight validation before creating. @default false */
  readonly enablePreflight?: boolean | cdktf.IResolvable;
  /** Stop filling `output` with read-only fields by default. @default false */
  readonly disableDefaultOutput?: boolean | cdktf.IResolvable;
}

/**
 * Represents the {@link https://registry.terraform.io/providers/Azure/azapi/2.12.0/docs azapi provider}.
 */
export class AzapiProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azapi',
      terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
      terraformProviderSource: 'Azure/azapi',
    });
    this.config = config;
    this.alias = config.alias;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      alias: cdktf.stringToTerraform(this.alias),
      subscription_id: cdktf.stringToTerraform(c.subscriptionId),
      tenant_id: cdktf.stringToTerraform(c.tenantId),
      client_id: cdktf.stringToTerraform(c.clientId),
      use_cli: cdktf.booleanToTerraform(c.useCli),
      use_msi: cdktf.booleanToTerraform(c.useMsi),
      use_oidc: cdktf.booleanToTerraform(c.useOidc),
      oidc_azure_service_connection_id: cdktf.stringToTerraform(c.oidcAzureServiceConnectionId),
      environment: cdktf.stringToTerraform(c.environment),
      default_location: cdktf.stringToTerraform(c.defaultLocation),
      default_tags: cdktf.hashMapper(cdktf.stringToTerraform)(c.defaultTags),
      skip_provider_registration: cdktf.booleanToTerraform(c.skipProviderRegistration),
      enable_preflight: cdktf.booleanToTerraform(c.enablePreflight),
      disable_default_output: cdktf.booleanToTerraform(c.disableDefaultOutput),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      alias: simple(cdktf.stringToHclTerraform(this.alias), 'string'),
      subscription_id: simple(cdktf.stringToHclTerraform(c.subscriptionId), 'string'),
      tenant_id: simple(cdktf.stringToHclTerraform(c.tenantId), 'string'),
      client_id: simple(cdktf.stringToHclTerraform(c.clientId), 'string'),
      use_cli: simple(cdktf.booleanToHclTerraform(c.useCli), 'boolean'),
      use_msi: simple(cdktf.booleanToHclTerraform(c.useMsi), 'boolean'),
      use_oidc: simple(cdktf.booleanToHclTerraform(c.useOidc), 'boolean'),
      oidc_azure_service_connection_id: simple(cdktf.stringToHclTerraform(c.oidcAzureServiceConnectionId), 'string'),
      environment: simple(cdktf.stringToHclTerraform(c.environment), 'string'),
      default_location: simple(cdktf.stringToHclTerraform(c.defaultLocation), 'string'),
      default_tags: map(cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(c.defaultTags), 'stringMap'),
      skip_provider_registration: simple(cdktf.booleanToHclTerraform(c.skipProviderRegistration), 'boolean'),
      enable_preflight: simple(cdktf.booleanToHclTerraform(c.enablePreflight), 'boolean'),
      disable_default_output: simple(cdktf.booleanToHclTerraform(c.disableDefaultOutput), 'boolean'),
    });
  }
}
