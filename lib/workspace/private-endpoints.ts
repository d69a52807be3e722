import { Construct } from 'constructs';
import { Fn, Token } from 'cdktf';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZoneIds, PrivateEndpointsOptions } from './network';

/** The public-cloud private link zones, by the key `PrivateDnsZoneIds` uses. */
const ZONES: { [key in keyof Required<PrivateDnsZoneIds>]: string } = {
  workspaceApi: 'privatelink.api.azureml.ms',
  workspaceNotebooks: 'privatelink.notebooks.azure.net',
  blob: 'privatelink.blob.core.windows.net',
  file: 'privatelink.file.core.windows.net',
  vault: 'privatelink.vaultcore.azure.net',
  registry: 'privatelink.azurecr.io',
};

type ZoneKey = keyof PrivateDnsZoneIds;

interface Placement {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: { [key: string]: string };
}

/**
 * Private endpoints for one workspace and its dependencies, with the DNS zones they register in: brought zones by id,
 * the rest created once and linked to the VNet of the endpoints' subnet.
 */
export class PrivateEndpoints extends Construct {
  public readonly endpoints: PrivateEndpoint[] = [];
  private readonly zoneIds = new Map<ZoneKey, string>();

  constructor(scope: Construct, id: string, private readonly options: PrivateEndpointsOptions, private readonly placement: Placement) {
    super(scope, id);
  }

  /**
   * An endpoint to `targetId` for the private link group `groupId`, registered in `zones`.
   * @param name the endpoint's short name, used in construct ids and the Azure name
   */
  public add(name: string, azureName: string, targetId: string, groupId: string, zones: ZoneKey[]): PrivateEndpoint {
    const endpoint = new PrivateEndpoint(this, name, {
      name: `pe-${azureName}-${groupId}`,
      resourceGroupName: this.placement.resourceGroupName,
      location: this.placement.location,
      subnetId: this.options.subnetId,
      tags: this.placement.tags,
      privateServiceConnection: {
        name: `psc-${azureName}-${groupId}`,
        privateConnectionResourceId: targetId,
        subresourceNames: [groupId],
        isManualConnection: false,
      },
      privateDnsZoneGroup: {
        name: 'default',
        privateDnsZoneIds: zones.map(z => this.zone(z)),
      },
    });
    this.endpoints.push(endpoint);
    return endpoint;
  }

  private zone(key: ZoneKey): string {
    const known = this.zoneIds.get(key) ?? this.options.privateDnsZoneIds?.[key];
    if (known) return known;
    const zone = new PrivateDnsZone(this, `Zone-${key}`, {
      name: ZONES[key],
      resourceGroupName: this.placement.resourceGroupName,
      tags: this.placement.tags,
    });
    new PrivateDnsZoneVirtualNetworkLink(this, `ZoneLink-${key}`, {
      name: 'vnet-link',
      privateDnsZoneName: zone.name,
      resourceGroupName: this.placement.resourceGroupName,
      virtualNetworkId: virtualNetworkIdOf(this.options.subnetId),
      // Name resolution only; VMs in the VNet do not register their own records in a private link zone.
      registrationEnabled: false,
      tags: this.placement.tags,
    });
    this.zoneIds.set(key, zone.id);
    return zone.id;
  }
}

/** The VNet id of a subnet id (drops `/subnets/<name>`), for literal ids and tokens alike. */
export function virtualNetworkIdOf(subnetId: string): string {
  if (!Token.isUnresolved(subnetId)) return subnetId.replace(/\/subnets\/[^/]+\/?$/i, '');
  return Token.asString(Fn.join('/', Fn.slice(Fn.split('/', subnetId), 0, 9)));
}
