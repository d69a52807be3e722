/**
 * What exists in Azure before an app's first apply: the resources an example brings by id instead of creating
 * (examples/model-registry imports its dev workspace and that workspace's artifact storage). The emulated Azure is
 * seeded with them, so that the apply meets them as it would in a subscription that has them.
 */
const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mlops';

export const EXISTING_RESOURCES: Record<string, ReadonlyArray<{ id: string; body?: Record<string, any> }>> = {
  'examples/model-registry/main.ts': [
    { id: RG, body: { location: 'westeurope' } },
    { id: `${RG}/providers/Microsoft.Storage/storageAccounts/stmlwdev`, body: { location: 'westeurope', kind: 'StorageV2', properties: {} } },
    { id: `${RG}/providers/Microsoft.Storage/storageAccounts/stmlwdev/blobServices/default`, body: { properties: {} } },
    { id: `${RG}/providers/Microsoft.Storage/storageAccounts/stmlwdev/blobServices/default/containers/model-artifacts`, body: { properties: {} } },
    {
      id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev`,
      body: { location: 'westeurope', identity: { type: 'SystemAssigned' }, properties: { storageAccount: `${RG}/providers/Microsoft.Storage/storageAccounts/stmlwdev` } },
    },
    {
      id: `${RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-dev/datastores/model_artifacts`,
      body: { properties: { datastoreType: 'AzureBlob', accountName: 'stmlwdev', containerName: 'model-artifacts' } },
    },
  ],
};
