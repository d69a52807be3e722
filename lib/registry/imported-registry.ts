import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ArmId } from '../core/arm-id';
import { renderValue } from '../core/errors';
import { NamingRules } from '../core/naming';
import { checkShape, childId } from '../core/shape';
import { isToken, Validator } from '../core/validation';
import { RegistryAttributes, RegistryBase } from './registry-base';
import { REGISTRY_ATTRIBUTES } from './shapes';

/** A registry that exists already (created elsewhere), referenced by name. */
export class ImportedRegistry extends RegistryBase {
  public readonly registryId: string;
  public readonly registryName: string;
  public readonly location: string;
  public readonly resourceGroupName: string;
  public readonly principalId?: string;
  public readonly dependable?: ITerraformDependable = undefined;
  public readonly publicNetworkAccessEnabled?: boolean;

  constructor(scope: Construct, id: string, attrs: RegistryAttributes) {
    super(scope, childId(scope, id, 'registry'));
    checkShape(this, 'registry attributes', attrs, REGISTRY_ATTRIBUTES);
    const v = new Validator(this, 'registry attributes');
    v.region('location', attrs.location);
    v.name('registryName', attrs.registryName, NamingRules.ML_REGISTRY);
    v.check(isToken(attrs.resourceGroupId) || ArmId.parse(attrs.resourceGroupId)?.provider === '', () => ({
      subject: 'resourceGroupId', value: renderValue(attrs.resourceGroupId),
      rule: 'must be the ARM id of a resource group', fix: 'use /subscriptions/<sub>/resourceGroups/<name>',
    }));
    v.throwIfAny();
    this.registryName = attrs.registryName;
    this.registryId = `${attrs.resourceGroupId}/providers/Microsoft.MachineLearningServices/registries/${attrs.registryName}`;
    this.location = attrs.location;
    this.resourceGroupName = ArmId.resourceGroupName(attrs.resourceGroupId);
    this.principalId = attrs.principalId;
    this.publicNetworkAccessEnabled = attrs.publicNetworkAccessEnabled;
  }
}
