// The runtime shapes of the registry layer's props (see lib/core/shape.ts).
import { S } from '../core/shape';
import { RegistryStorageAccountType } from './registry';

const ARM_ID = S.string('"/subscriptions/<sub>/resourceGroups/<rg>"');
const REGION = S.string('"westeurope"');

export const REGISTRY_PROPS = S.struct('RegistryProps', {
  name: S.string('"mlr-shared"').req,
  resourceGroupId: ARM_ID.req,
  location: REGION.req,
  replicationLocations: S.list(REGION, '["northeurope"]'),
  storageAccountType: S.enumLike(() => RegistryStorageAccountType),
  publicNetworkAccessEnabled: S.boolean(),
  privateEndpoint: S.struct('RegistryPrivateEndpointOptions', {
    subnetId: ARM_ID.req, privateDnsZoneIds: S.list(ARM_ID).req, location: REGION, name: S.string(),
  }),
  tags: S.map(S.string(), '{ team: "ml" }'),
  preventDestroy: S.boolean(),
  deleteLock: S.boolean(),
  logAnalyticsWorkspaceId: S.string('"/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>"'),
});

export const REGISTRY_ATTRIBUTES = S.struct('RegistryAttributes', {
  registryName: S.string('"mlr-shared"').req, resourceGroupId: ARM_ID.req, location: REGION.req,
  principalId: S.string(), publicNetworkAccessEnabled: S.boolean(),
});
