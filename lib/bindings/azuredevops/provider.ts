// Binding for the `azuredevops` provider, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
// Only the arguments this library uses are bound (facts: shared/schemas/terraform/azuredevops.md); no secret-bearing
// arguments (PAT, client secret, certificate): pipelines authenticate with OIDC, people with the Azure CLI.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, simple, withoutUndefined } from './shared';

/** Arguments of the azuredevops provider block. */
export interface AzuredevopsProviderConfig {
  /** Alias for using several configurations of the provider. */
  readonly alias?: string;
  /** Organisation URL, e.g. `https://dev.azure.com/contoso`. @default - from `AZDO_ORG_SERVICE_URL` */
  readonly orgServiceUrl?: string;
  /** Client id of the identity used with OIDC or a managed identity. @default - from `ARM_CLIENT_ID` */
  readonly clientId?: string;
  /** @default - from `ARM_TENANT_ID` */
  readonly tenantId?: string;
  /** Authenticate with OIDC (workload identity federation), as pipelines do. @default false */
  readonly useOidc?: boolean | cdktf.IResolvable;
  /** Azure Pipelines service connection id used for OIDC inside a pipeline. @default - from `ARM_OIDC_AZURE_SERVICE_CONNECTION_ID` */
  readonly oidcAzureServiceConnectionId?: string;
  /** Authenticate with a managed identity. @default false */
  readonly useMsi?: boolean | cdktf.IResolvable;
  /** Authenticate with the Azure CLI. @default true */
  readonly useCli?: boolean | cdktf.IResolvable;
}

/**
 * Represents the {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs azuredevops provider}.
 */
export class AzuredevopsProvider extends cdktf.TerraformProvider {
  public static readonly tfResourceType = 'azuredevops';

  private readonly config: AzuredevopsProviderConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azuredevops',
      terraformGeneratorMetadata: AZUREDEVOPS_GENERATOR_METADATA,
      terraformProviderSource: 'microsoft/azuredevops',
    });
    this.config = config;
    this.alias = config.alias;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      alias: cdktf.stringToTerraform(this.alias),
      org_service_url: cdktf.stringToTerraform(c.orgServiceUrl),
      client_id: cdktf.stringToTerraform(c.clientId),
      tenant_id: cdktf.stringToTerraform(c.tenantId),
      use_oidc: cdktf.booleanToTerraform(c.useOidc),
      oidc_azure_service_connection_id: cdktf.stringToTerraform(c.oidcAzureServiceConnectionId),
      use_msi: cdktf.booleanToTerraform(c.useMsi),
      use_cli: cdktf.booleanToTerraform(c.useCli),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      alias: simple(cdktf.stringToHclTerraform(this.alias), 'string'),
      org_service_url: simple(cdktf.stringToHclTerraform(c.orgServiceUrl), 'string'),
      client_id: simple(cdktf.stringToHclTerraform(c.clientId), 'string'),
      tenant_id: simple(cdktf.stringToHclTerraform(c.tenantId), 'string'),
      use_oidc: simple(cdktf.booleanToHclTerraform(c.useOidc), 'boolean'),
      oidc_azure_service_connection_id: simple(cdktf.stringToHclTerraform(c.oidcAzureServiceConnectionId), 'string'),
      use_msi: simple(cdktf.booleanToHclTerraform(c.useMsi), 'boolean'),
      use_cli: simple(cdktf.booleanToHclTerraform(c.useCli), 'boolean'),
    });
  }
}
