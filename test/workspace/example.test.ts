import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { Testing } from 'cdktf';
import { MinimalWorkspaceStack } from '../../examples/workspace-private/minimal';
import { WorkspacePrivateStack } from '../../examples/workspace-private/stack';
import { Template } from '../support/template';

describe('examples/workspace-private', () => {
  test('the private stack synthesizes: managed network with approved outbound only, private endpoints into its VNet, valid bodies', () => {
    const t = Template.synth(new WorkspacePrivateStack(Testing.app(), 'workspace-private'));
    const p = t.resourceAt('azapi_resource', 'ml/Resource').attributes.body.properties;
    expect(p.publicNetworkAccess).toBe('Disabled');
    expect(p.managedNetwork.isolationMode).toBe('AllowOnlyApprovedOutbound');
    expect(Object.keys(p.managedNetwork.outboundRules).sort()).toEqual(['azure-monitor', 'conda-forge', 'pypi', 'pythonhosted']);
    const subnet = t.ref(t.resourceAt('azurerm_subnet', 'endpoints'));
    t.resourceCountIs('azurerm_private_endpoint', 5);
    t.allResources('azurerm_private_endpoint', r => r.attributes.subnet_id === subnet, 'using the example subnet');
    t.allResources('azurerm_private_dns_zone_virtual_network_link',
      r => r.attributes.virtual_network_id === `\${join("/", slice(split("/", ${subnet.slice(2, -1)}), 0, 9))}`, 'linking the example VNet');
    t.resourceAt('azapi_resource', 'ml/cpu/Resource');
  });

  test('the minimal stack (the README\'s first snippet) synthesizes', () => {
    const t = Template.synth(new MinimalWorkspaceStack(Testing.app(), 'workspace-minimal'));
    t.resourceCountIs('azurerm_storage_account', 1);
    expect(t.resourceAt('azapi_resource', 'ml/Resource').attributes.name).toBe('mlw-churn-dev');
  });

  test('main.ts synthesizes both stacks with no inputs', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-private-'));
    try {
      execFileSync(process.execPath, [require.resolve('tsx/cli'), '--tsconfig', path.join(__dirname, '../../tsconfig.dev.json'),
        path.join(__dirname, '../../examples/workspace-private/main.ts')],
        { env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'pipe' });
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/workspace-private/cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.resource.azurerm_private_endpoint)).toHaveLength(5);
      expect(fs.existsSync(path.join(outdir, 'stacks/workspace-minimal/cdk.tf.json'))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  }, 60_000);
});
