import { parentIdOf, typeOfId } from '../ids';
import { refuse, type Rule } from './rule';

/** Singleton children azurerm addresses but never creates itself (`…/blobServices/default`): they always exist. */
const IMPLICIT_SINGLETONS = ['blobservices', 'fileservices', 'queueservices', 'tableservices'];

/**
 * A resource can only be created in a resource group that exists (404 ResourceGroupNotFound), and a child or
 * extension resource only under a parent that exists (404 ParentResourceNotFound). Subscriptions always exist.
 */
export const parentExists: Rule = {
  name: 'parent-exists',
  source: 'https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-not-found',
  onWrite(cloud, write) {
    if (write.prior) return;
    let parent = parentIdOf(write.id);
    while (IMPLICIT_SINGLETONS.includes(parent.split('/').slice(-2)[0]?.toLowerCase() ?? '')) parent = parentIdOf(parent);
    const parentType = typeOfId(parent);
    if (parentType === 'Microsoft.Resources/subscriptions' || parent === '') return;
    if (cloud.get(parent)) return;
    if (parentType === 'Microsoft.Resources/resourceGroups') {
      refuse(this, 404, 'ResourceGroupNotFound', `Resource group '${parent.split('/')[4]}' could not be found.`);
    }
    refuse(this, 404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parent}' not found.`);
  },
};
