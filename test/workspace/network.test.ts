import { IsolationMode, OutboundRule, FirewallSku } from '../../lib/workspace';
import { mlStack, SUB, SUBNET_ID, synth, workspaceIn } from './support';

const STORAGE_ID = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stlake`;

describe('Workspace network modes', () => {
  test('isolation Disabled writes isolationMode Disabled and no rules', () => {
    const stack = mlStack();
    workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.DISABLED } });
    const p = synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties;
    expect(p.managedNetwork).toEqual({ isolationMode: 'Disabled' });
  });

  test('AllowInternetOutbound with a private-endpoint and a service-tag rule', () => {
    const stack = mlStack();
    workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.ALLOW_INTERNET_OUTBOUND, outboundRules: [
      OutboundRule.privateEndpoint('lake', STORAGE_ID, 'dfs'),
      OutboundRule.serviceTag('monitor', { serviceTag: 'AzureMonitor' }),
    ] } });
    const mn = synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.managedNetwork;
    expect(mn).toEqual({
      isolationMode: 'AllowInternetOutbound',
      outboundRules: {
        lake: { type: 'PrivateEndpoint', category: 'UserDefined', destination: { serviceResourceId: STORAGE_ID, subresourceTarget: 'dfs', sparkEnabled: false } },
        monitor: { type: 'ServiceTag', category: 'UserDefined', destination: { serviceTag: 'AzureMonitor', protocol: 'TCP', portRanges: '443', action: 'Allow' } },
      },
    });
  });

  test('AllowOnlyApprovedOutbound with FQDN rules writes the firewall SKU', () => {
    const stack = mlStack();
    workspaceIn(stack, { managedNetwork: { isolationMode: IsolationMode.ALLOW_ONLY_APPROVED_OUTBOUND, outboundRules: [
      OutboundRule.fqdn('pypi', 'pypi.org'), OutboundRule.fqdn('pythonhosted', 'files.pythonhosted.org'),
    ], firewallSku: FirewallSku.BASIC } });
    const mn = synth(stack).resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.managedNetwork;
    expect(mn.isolationMode).toBe('AllowOnlyApprovedOutbound');
    expect(mn.firewallSku).toBe('Basic');
    expect(mn.outboundRules.pypi).toEqual({ type: 'FQDN', category: 'UserDefined', destination: 'pypi.org' });
  });

  test('publicNetworkAccess: true enables public access on the workspace only', () => {
    const stack = mlStack();
    workspaceIn(stack, { publicNetworkAccess: true });
    const t = synth(stack);
    expect(t.resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties.publicNetworkAccess).toBe('Enabled');
    expect(t.resourceAt('azurerm_storage_account', 'ml/Storage').attributes.public_network_access_enabled).toBe(false);
  });
});

describe('Private endpoints', () => {
  test('one endpoint per created resource and group, each registered in its zone, zones created and linked to the subnet\'s VNet', () => {
    const stack = mlStack();
    workspaceIn(stack, { privateEndpoints: { subnetId: SUBNET_ID } });
    const t = synth(stack);
    t.resourceCountIs('azurerm_private_endpoint', 5);
    const zones = Object.fromEntries(t.resources('azurerm_private_dns_zone').map(z => [z.attributes.name, t.ref(z)]));
    expect(Object.keys(zones).sort()).toEqual(['privatelink.api.azureml.ms', 'privatelink.azurecr.io', 'privatelink.blob.core.windows.net',
      'privatelink.file.core.windows.net', 'privatelink.notebooks.azure.net', 'privatelink.vaultcore.azure.net']);
    const expected: [string, string, string, string[]][] = [
      ['PrivateEndpoints/Workspace', 'ml/Resource', 'amlworkspace', ['privatelink.api.azureml.ms', 'privatelink.notebooks.azure.net']],
      ['PrivateEndpoints/StorageBlob', 'ml/Storage', 'blob', ['privatelink.blob.core.windows.net']],
      ['PrivateEndpoints/StorageFile', 'ml/Storage', 'file', ['privatelink.file.core.windows.net']],
      ['PrivateEndpoints/KeyVault', 'ml/KeyVault', 'vault', ['privatelink.vaultcore.azure.net']],
      ['PrivateEndpoints/ContainerRegistry', 'ml/ContainerRegistry', 'registry', ['privatelink.azurecr.io']],
    ];
    for (const [path, target, group, zoneNames] of expected) {
      const pe = t.resourceAt('azurerm_private_endpoint', path).attributes;
      const targetType = target === 'ml/Resource' ? 'azapi_resource' : target === 'ml/Storage' ? 'azurerm_storage_account'
        : target === 'ml/KeyVault' ? 'azurerm_key_vault' : 'azurerm_container_registry';
      expect(pe.subnet_id).toBe(SUBNET_ID);
      expect(pe.private_service_connection).toMatchObject({ subresource_names: [group], is_manual_connection: false,
        private_connection_resource_id: t.ref(t.resourceAt(targetType, target)) });
      expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual(zoneNames.map(z => zones[z]));
    }
    t.resourceCountIs('azurerm_private_dns_zone_virtual_network_link', 6);
    t.allResources('azurerm_private_dns_zone_virtual_network_link',
      r => r.attributes.virtual_network_id === SUBNET_ID.replace(/\/subnets\/.*$/, '') && r.attributes.registration_enabled === false,
      'a link to the subnet\'s VNet without registration');
  });

  test('brought zones are used by id and not created', () => {
    const stack = mlStack();
    const zone = (n: string) => `/subscriptions/${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${n}`;
    workspaceIn(stack, { privateEndpoints: { subnetId: SUBNET_ID, privateDnsZoneIds: {
      workspaceApi: zone('privatelink.api.azureml.ms'), workspaceNotebooks: zone('privatelink.notebooks.azure.net'),
      blob: zone('privatelink.blob.core.windows.net'), file: zone('privatelink.file.core.windows.net'),
      vault: zone('privatelink.vaultcore.azure.net'), registry: zone('privatelink.azurecr.io'),
    } } });
    const t = synth(stack);
    t.resourceCountIs('azurerm_private_dns_zone', 0);
    t.resourceCountIs('azurerm_private_dns_zone_virtual_network_link', 0);
    expect(t.resourceAt('azurerm_private_endpoint', 'PrivateEndpoints/KeyVault').attributes.private_dns_zone_group.private_dns_zone_ids)
      .toEqual([zone('privatelink.vaultcore.azure.net')]);
  });
});

describe('Network bad input', () => {
  test('when outbound rules are given with isolation Disabled, FQDN rules with AllowInternetOutbound, or private endpoints lack a subnet, one error lists all', () => {
    expect(() => workspaceIn(mlStack(), {
      managedNetwork: { isolationMode: IsolationMode.DISABLED, outboundRules: [OutboundRule.fqdn('pypi', 'pypi.org'), OutboundRule.fqdn('pypi', 'x.org')] },
      privateEndpoints: {} as any,
    })).toThrow(expect.objectContaining({ message: expect.stringMatching(
      /Invalid props for Workspace for 'test\/ml' \(3 problems\):\n.*managedNetwork\.outboundRules \(value: \["pypi","pypi"\]\) only apply to a managed network.*Fix: set managedNetwork\.isolationMode[\s\S]*names a rule more than once[\s\S]*privateEndpoints\.subnetId \(value: \(not set\)\) is required: private endpoints need a subnet/) }));
    expect(() => workspaceIn(mlStack(), { managedNetwork: { outboundRules: [OutboundRule.fqdn('pypi', 'pypi.org')] } }))
      .toThrow(/managedNetwork\.outboundRules \(value: \["pypi"\]\) are FQDN rules, which only AllowOnlyApprovedOutbound applies/);
  });

  test('when the subnet id is not a subnet, synth fails naming it', () => {
    expect(() => workspaceIn(mlStack(), { privateEndpoints: { subnetId: '/subscriptions/x/resourceGroups/y' } }))
      .toThrow(/privateEndpoints\.subnetId \(value: "\/subscriptions\/x\/resourceGroups\/y"\) must be the ARM id of a subnet/);
  });
});
