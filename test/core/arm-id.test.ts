import { TerraformVariable } from 'cdktf';
import { ArmId } from '../../lib/core/arm-id';
import { Template, testStack } from '../support/template';
import { TerraformOutput } from 'cdktf';

const WS = '/subscriptions/1111/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw-prod';

describe('ArmId', () => {
  test('parses a literal id into subscription, group, provider, types and names', () => {
    expect(ArmId.parse(`${WS}/onlineEndpoints/churn`)).toEqual({
      subscriptionId: '1111', resourceGroupName: 'rg-ml', provider: 'Microsoft.MachineLearningServices',
      types: ['workspaces', 'onlineEndpoints'], names: ['mlw-prod', 'churn'],
    });
    expect(ArmId.parse('not-an-id')).toBeUndefined();
  });

  test('checks resource types case-insensitively', () => {
    expect(ArmId.isOfType(WS, 'microsoft.machinelearningservices/workspaces')).toBe(true);
    expect(ArmId.isOfType(WS, 'Microsoft.Storage/storageAccounts')).toBe(false);
  });

  test('returns literals for literal ids', () => {
    expect(ArmId.name(WS)).toBe('mlw-prod');
    expect(ArmId.resourceGroupName(WS)).toBe('rg-ml');
    expect(ArmId.subscriptionId(WS)).toBe('1111');
    expect(ArmId.resourceGroupId(WS)).toBe('/subscriptions/1111/resourceGroups/rg-ml');
    expect(ArmId.child(WS, 'models', 'churn')).toBe(`${WS}/models/churn`);
  });

  test('returns Terraform expressions for ids known only at apply', () => {
    const stack = testStack();
    const id = new TerraformVariable(stack, 'ws', { type: 'string' }).stringValue;
    new TerraformOutput(stack, 'name', { value: ArmId.name(id) });
    new TerraformOutput(stack, 'rg', { value: ArmId.resourceGroupName(id) });
    new TerraformOutput(stack, 'rgid', { value: ArmId.resourceGroupId(id) });
    const out = Template.synth(stack).json.output;
    expect(out.name.value).toBe('${element(reverse(split("/", var.ws)), 0)}');
    expect(out.rg.value).toBe('${element(split("/", var.ws), 4)}');
    expect(out.rgid.value).toBe('${join("/", slice(split("/", var.ws), 0, 5))}');
  });
});
