// Binding for `azuredevops_check_approval`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { isToken } from '../../core/validation';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, list, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** Arguments of an `azuredevops_check_approval`: the approvers of a protected resource such as an environment. */
export interface AzuredevopsCheckApprovalConfig extends cdktf.TerraformMetaArguments {
  /** Project GUID; changing it replaces the check. */
  readonly projectId: string;
  /** Id of the protected resource, e.g. an environment's id. */
  readonly targetResourceId: string;
  /** `endpoint`, `environment`, `queue`, `repository`, `securefile` or `variablegroup`. */
  readonly targetResourceType: string;
  /** Approver ids (user or group origin ids); at least one. */
  readonly approvers: string[];
  /** Text shown to approvers. @default - none */
  readonly instructions?: string;
  /** Only meaningful with more than one approver. @default - all approvers must approve */
  readonly minimumRequiredApprovers?: number;
  /** @default false */
  readonly requesterCanApprove?: boolean | cdktf.IResolvable;
  /** Minutes before the approval times out, 1-43200. @default 43200 */
  readonly timeout?: number;
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/check_approval azuredevops_check_approval}.
 */
export class AzuredevopsCheckApproval extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_check_approval';

  private readonly config: AzuredevopsCheckApprovalConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsCheckApprovalConfig) {
    super(scope, id, resourceConfig('azuredevops_check_approval', AZUREDEVOPS_GENERATOR_METADATA, config));
    const c = config;
    const v = argumentValidator(this, 'azuredevops_check_approval');
    v.oneOf('targetResourceType', c.targetResourceType, ['endpoint', 'environment', 'queue', 'repository', 'securefile', 'variablegroup']);
    v.check(isToken(c.approvers) || c.approvers.length > 0, () => ({
      subject: 'approvers', value: '[]', rule: 'must name at least one approver', fix: 'add the origin id of a user or group',
    }));
    v.integer('timeout', c.timeout, { min: 1, max: 43200 });
    v.integer('minimumRequiredApprovers', c.minimumRequiredApprovers, { min: 1 });
    v.throwIfAny();
    this.config = config;
  }

  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      target_resource_id: cdktf.stringToTerraform(c.targetResourceId),
      target_resource_type: cdktf.stringToTerraform(c.targetResourceType),
      approvers: cdktf.listMapper(cdktf.stringToTerraform, false)(c.approvers),
      instructions: cdktf.stringToTerraform(c.instructions),
      minimum_required_approvers: cdktf.numberToTerraform(c.minimumRequiredApprovers),
      requester_can_approve: cdktf.booleanToTerraform(c.requesterCanApprove),
      timeout: cdktf.numberToTerraform(c.timeout),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      target_resource_id: simple(cdktf.stringToHclTerraform(c.targetResourceId), 'string'),
      target_resource_type: simple(cdktf.stringToHclTerraform(c.targetResourceType), 'string'),
      approvers: list(cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(c.approvers), 'stringList'),
      instructions: simple(cdktf.stringToHclTerraform(c.instructions), 'string'),
      minimum_required_approvers: simple(cdktf.numberToHclTerraform(c.minimumRequiredApprovers), 'number'),
      requester_can_approve: simple(cdktf.booleanToHclTerraform(c.requesterCanApprove), 'boolean'),
      timeout: simple(cdktf.numberToHclTerraform(c.timeout), 'number'),
    });
  }
}
