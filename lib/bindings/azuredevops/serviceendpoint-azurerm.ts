// Binding for `azuredevops_serviceendpoint_azurerm`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf
// generates. Only the arguments this library uses are bound: workload identity federation needs no secret, so
// `serviceprincipalkey` and `serviceprincipalcertificate` are deliberately absent.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { isToken } from '../../core/validation';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, checkUuid, list, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** The `credentials` block: present for a *manual* connection that uses your own identity. */
export interface AzuredevopsServiceendpointAzurermCredentials {
  /** Client id of the app registration or user-assigned managed identity. */
  readonly serviceprincipalid: string;
}

/** Arguments of an `azuredevops_serviceendpoint_azurerm`: an Azure Resource Manager service connection. */
export interface AzuredevopsServiceendpointAzurermConfig extends cdktf.TerraformMetaArguments {
  /** Project GUID; changing it replaces the connection. */
  readonly projectId: string;
  /** The name pipelines use in `azureSubscription:`. */
  readonly serviceEndpointName: string;
  /** @default "Managed by Terraform" */
  readonly description?: string;
  /** Entra tenant id. */
  readonly azurermSpnTenantid: string;
  /** `ServicePrincipal`, `WorkloadIdentityFederation` or `ManagedServiceIdentity`. @default ServicePrincipal */
  readonly serviceEndpointAuthenticationScheme?: string;
  /** Subscription scope; conflicts with the management-group pair. */
  readonly azurermSubscriptionId?: string;
  readonly azurermSubscriptionName?: string;
  /** Management-group scope; conflicts with the subscription and the resource group. */
  readonly azurermManagementGroupId?: string;
  readonly azurermManagementGroupName?: string;
  /** Resource-group scope of an *automatic* connection; conflicts with `credentials`. */
  readonly resourceGroup?: string;
  /** @default - an automatic connection: Azure DevOps creates the identity */
  readonly credentials?: AzuredevopsServiceendpointAzurermCredentials;
  /** `AzureCloud`, `AzureChinaCloud`, `AzureUSGovernment`, `AzureGermanCloud` or `AzureStack`. @default AzureCloud */
  readonly environment?: string;
}

const SCHEMES = ['ServicePrincipal', 'WorkloadIdentityFederation', 'ManagedServiceIdentity'];

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/serviceendpoint_azurerm azuredevops_serviceendpoint_azurerm}.
 */
export class AzuredevopsServiceendpointAzurerm extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_serviceendpoint_azurerm';

  private readonly config: AzuredevopsServiceendpointAzurermConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsServiceendpointAzurermConfig) {
    super(scope, id, resourceConfig('azuredevops_serviceendpoint_azurerm', AZUREDEVOPS_GENERATOR_METADATA, config));
    const c = config;
    const v = argumentValidator(this, 'azuredevops_serviceendpoint_azurerm');
    v.oneOf('serviceEndpointAuthenticationScheme', c.serviceEndpointAuthenticationScheme, SCHEMES);
    checkUuid(v, 'azurermSpnTenantid', c.azurermSpnTenantid, 'use the tenant GUID (az account show --query tenantId)');
    checkUuid(v, 'azurermSubscriptionId', c.azurermSubscriptionId, 'use the subscription GUID');
    checkUuid(v, 'credentials.serviceprincipalid', c.credentials?.serviceprincipalid, 'use the client (application) id of the identity');
    const hasSubscription = c.azurermSubscriptionId !== undefined;
    const hasManagementGroup = c.azurermManagementGroupId !== undefined;
    v.check(hasSubscription || hasManagementGroup, () => ({
      subject: 'azurermSubscriptionId', value: '(not set)', rule: 'or azurermManagementGroupId must be set: the connection has no scope',
      fix: 'scope the connection to a subscription (and optionally a resource group) or to a management group',
    }));
    v.check(!(hasSubscription && hasManagementGroup), () => ({
      subject: 'azurermManagementGroupId', value: String(c.azurermManagementGroupId),
      rule: 'conflicts with azurermSubscriptionId', fix: 'scope the connection to a subscription or to a management group, not both',
    }));
    v.check(c.resourceGroup === undefined || c.credentials === undefined || isToken(c.resourceGroup), () => ({
      subject: 'resourceGroup', value: String(c.resourceGroup),
      rule: 'conflicts with credentials (only automatic connections are scoped to a resource group)',
      fix: 'drop resourceGroup and grant your identity a role on the resource group instead, or drop credentials',
    }));
    v.check(c.resourceGroup === undefined || hasSubscription, () => ({
      subject: 'resourceGroup', value: String(c.resourceGroup), rule: 'needs azurermSubscriptionId',
      fix: 'set the subscription that holds the resource group',
    }));
    v.throwIfAny();
    this.config = config;
  }

  /** The service connection id. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The client id in use (the one Azure DevOps created, for automatic connections). */
  public get servicePrincipalId(): string {
    return this.getStringAttribute('service_principal_id');
  }

  /** For workload identity federation: the issuer of the federated credential, `https://vstoken.dev.azure.com/<org GUID>`. */
  public get workloadIdentityFederationIssuer(): string {
    return this.getStringAttribute('workload_identity_federation_issuer');
  }

  /** For workload identity federation: the subject, `sc://<org>/<project>/<connection name>`. */
  public get workloadIdentityFederationSubject(): string {
    return this.getStringAttribute('workload_identity_federation_subject');
  }

  public get serviceEndpointNameInput(): string {
    return this.config.serviceEndpointName;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      service_endpoint_name: cdktf.stringToTerraform(c.serviceEndpointName),
      description: cdktf.stringToTerraform(c.description),
      azurerm_spn_tenantid: cdktf.stringToTerraform(c.azurermSpnTenantid),
      service_endpoint_authentication_scheme: cdktf.stringToTerraform(c.serviceEndpointAuthenticationScheme),
      azurerm_subscription_id: cdktf.stringToTerraform(c.azurermSubscriptionId),
      azurerm_subscription_name: cdktf.stringToTerraform(c.azurermSubscriptionName),
      azurerm_management_group_id: cdktf.stringToTerraform(c.azurermManagementGroupId),
      azurerm_management_group_name: cdktf.stringToTerraform(c.azurermManagementGroupName),
      resource_group: cdktf.stringToTerraform(c.resourceGroup),
      credentials: c.credentials === undefined ? undefined
        : { serviceprincipalid: cdktf.stringToTerraform(c.credentials.serviceprincipalid) },
      environment: cdktf.stringToTerraform(c.environment),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      service_endpoint_name: simple(cdktf.stringToHclTerraform(c.serviceEndpointName), 'string'),
      description: simple(cdktf.stringToHclTerraform(c.description), 'string'),
      azurerm_spn_tenantid: simple(cdktf.stringToHclTerraform(c.azurermSpnTenantid), 'string'),
      service_endpoint_authentication_scheme: simple(cdktf.stringToHclTerraform(c.serviceEndpointAuthenticationScheme), 'string'),
      azurerm_subscription_id: simple(cdktf.stringToHclTerraform(c.azurermSubscriptionId), 'string'),
      azurerm_subscription_name: simple(cdktf.stringToHclTerraform(c.azurermSubscriptionName), 'string'),
      azurerm_management_group_id: simple(cdktf.stringToHclTerraform(c.azurermManagementGroupId), 'string'),
      azurerm_management_group_name: simple(cdktf.stringToHclTerraform(c.azurermManagementGroupName), 'string'),
      resource_group: simple(cdktf.stringToHclTerraform(c.resourceGroup), 'string'),
      credentials: c.credentials === undefined ? undefined : list([withoutUndefined({
        serviceprincipalid: simple(cdktf.stringToHclTerraform(c.credentials.serviceprincipalid), 'string'),
      })], 'AzuredevopsServiceendpointAzurermCredentialsList', true),
      environment: simple(cdktf.stringToHclTerraform(c.environment), 'string'),
    });
  }
}
