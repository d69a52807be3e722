import { typeOfId } from '../ids';
import { refuse, type Rule } from './rule';

/**
 * The id of a PUT names the type it is sent with: a child type sits under its parent (`<parent>/<last type
 * segment>/<name>`), a top-level type under `providers/<Namespace>`, an extension resource under its scope.
 * ARM routes by the URL, so a body sent to an id of another type never reaches that type's provider.
 */
export const resourceIdShape: Rule = {
  name: 'resource-id-shape',
  source: 'https://learn.microsoft.com/azure/azure-resource-manager/templates/child-resource-name-type',
  onWrite(_cloud, write) {
    const idType = typeOfId(write.id);
    if (idType.toLowerCase() !== write.type.toLowerCase()) {
      refuse(this, 400, 'InvalidResourceType', `The id '${write.id}' names a resource of type '${idType}', not '${write.type}'.`);
    }
  },
};
