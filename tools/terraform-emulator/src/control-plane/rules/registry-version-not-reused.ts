import { isRegistryAssetVersionType } from './asset-version';
import { refuse, type Rule } from './rule';

/**
 * In an Azure ML registry, a version number once deleted can never be created again (registries replicate
 * assets across regions and keep the name/version pair reserved).
 */
export const registryVersionNotReused: Rule = {
  name: 'registry-version-not-reused',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-share-models-pipelines-across-workspaces-with-registries',
  onWrite(cloud, write) {
    if (write.prior || !isRegistryAssetVersionType(write.type)) return;
    if (cloud.isRetired(write.id)) {
      refuse(this, 409, 'UserError', `Version '${write.id}' was deleted from the registry; a deleted registry version can never be created again. Use a new version number.`);
    }
  },
};
