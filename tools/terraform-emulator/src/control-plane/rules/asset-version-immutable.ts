import { canonicalJson } from '../json';
import { assetContent, isAssetVersionType } from './asset-version';
import { refuse, type Rule } from './rule';

/**
 * A model, environment, data or code version cannot change its content once created, in a workspace or a
 * registry; only its description, tags, stage and archive flag can be updated.
 */
export const assetVersionImmutable: Rule = {
  name: 'asset-version-immutable',
  source: 'https://learn.microsoft.com/azure/machine-learning/how-to-manage-models#update-a-model',
  onWrite(_cloud, write) {
    if (!write.prior || !isAssetVersionType(write.type)) return;
    if (canonicalJson(assetContent(write.prior.body)) !== canonicalJson(assetContent(write.body))) {
      refuse(this, 409, 'UserError', `Version '${write.id}' already exists with different content; asset versions are immutable (only description, tags, stage and isArchived can change). Create a new version instead.`);
    }
  },
};
