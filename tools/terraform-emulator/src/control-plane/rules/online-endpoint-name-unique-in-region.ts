import { nameOfId, sameId } from '../ids';
import { isType, ONLINE_ENDPOINT, refuse, stringAt, type Rule } from './rule';

/**
 * An online endpoint's name is unique in its Azure region (the scoring URI is `<name>.<region>.inference.ml…`).
 * Emulated across the whole emulated cloud, which stands for every subscription here. The error code Azure
 * returns is not documented; `Conflict` stands in for it.
 */
export const onlineEndpointNameUniqueInRegion: Rule = {
  name: 'online-endpoint-name-unique-in-region',
  source: 'https://learn.microsoft.com/azure/machine-learning/reference-yaml-endpoint-online',
  onWrite(cloud, write) {
    if (write.prior || !isType(write.type, ONLINE_ENDPOINT)) return;
    const name = nameOfId(write.id).toLowerCase();
    const region = (stringAt(write.body, 'location') ?? '').toLowerCase().replace(/\s/g, '');
    const clash = cloud.list().find((r) => isType(r, ONLINE_ENDPOINT) && !sameId(r.id, write.id)
      && r.name.toLowerCase() === name && (stringAt(r.body, 'location') ?? '').toLowerCase().replace(/\s/g, '') === region);
    if (clash) {
      refuse(this, 409, 'Conflict', `An online endpoint named '${name}' already exists in region '${region}' (${clash.id}); endpoint names are unique per region.`);
    }
  },
};
