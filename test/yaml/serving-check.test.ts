// `yaml check` and `yaml convert` end to end on the serving kinds: real command output, each line asserted.
import { main } from '../../lib/yaml/cli';
import { ref } from './serving-support';

function run(args: string[]): { status: number; out: string } {
  let out = '';
  const status = main(args, (s) => { out += s; }, (s) => { out += s; });
  return { status, out };
}

describe('yaml check on serving files', () => {
  test('every kind loads alone into the scratch app: endpoints, managed and Kubernetes deployments, batch model and pipeline deployments', () => {
    const files = ['online/endpoint.yml', 'online/endpoint-full.yml', 'online/blue-deployment.yml', 'online/blue-deployment-for-full.yml',
      'kubernetes/endpoint.yml', 'kubernetes/blue-deployment.yml', 'batch/endpoint.yml', 'batch/model-deployment.yml',
      'batch/model-deployment-legacy.yml', 'batch/pipeline-deployment.yml'].map(ref);
    const { status, out } = run(['yaml', 'check', ...files]);
    expect(out.trim().split('\n')).toEqual([...files.map(f => `ok ${f}`), '10 ok, 0 failed']);
    expect(status).toBe(0);
  });

  test('bad files: one error line each (file, line, key, fix), the count, exit 1', () => {
    const files = ['bad/unknown-key.yml', 'bad/unresolvable.yml', 'online/endpoint.yml'].map(ref);
    const { status, out } = run(['yaml', 'check', ...files]);
    const lines = out.trim().split('\n').filter(l => !l.startsWith('  '));
    expect(lines[0]).toMatch(new RegExp(`^error ${files[0]}: Invalid managed online deployment YAML in '.*unknown-key\\.yml': line 4, instance_typ .*did you mean \`instance_type\``));
    expect(lines[1]).toMatch(new RegExp(`^error ${files[1]}: .*\\(3 problems\\)`));
    expect(lines.slice(2)).toEqual([`ok ${files[2]}`, '1 ok, 2 failed']);
    expect(status).toBe(1);
  });

  test('--set passes what the scripts pass on the command line (a deployment checked against another endpoint name)', () => {
    const { status, out } = run(['yaml', 'check', ref('online/blue-deployment.yml'), '--set', 'endpoint_name=churn-ci-1234', '--set', 'instance_count=1']);
    expect(out).toContain(`ok ${ref('online/blue-deployment.yml')}`);
    expect(status).toBe(0);
  });
});

describe('yaml convert on serving files', () => {
  test('a managed deployment becomes addDeployment with its inline versions, units as the props take them, and the defaults said', () => {
    const { status, out } = run(['yaml', 'convert', ref('online/blue-deployment.yml')]);
    expect(status).toBe(0);
    expect(out).toContain("export function declare(endpoint: OnlineEndpoint) {");
    expect(out).toMatch(/Model\.inWorkspace\(endpoint\.workspace, 'churn-online-blue-model', \{ name: 'churn-online-blue' \}\)\n\s+\.addVersion\('[0-9a-f]{12}'/);
    expect(out).toContain("instanceType: InstanceType.of('Standard_NC4as_T4_v3')");
    expect(out).toContain('requestSettings: { requestTimeoutMs: 90000, maxConcurrentRequestsPerInstance: 4 }');
    expect(out).toContain('// No app_insights_enabled: the CLI would leave Application Insights off; it is on here.');
  });

  test('a Kubernetes endpoint, and a pipeline deployment with its component id', () => {
    expect(run(['yaml', 'convert', ref('kubernetes/endpoint.yml')]).out)
      .toContain("new OnlineEndpoint(scope, 'churn-k8s', { workspace: workspace, endpointName: 'churn-k8s', authMode: EndpointAuthMode.AML_TOKEN, kubernetesComputeId: `${workspace.workspaceId}/computes/k8s-compute` })");
    expect(run(['yaml', 'convert', ref('batch/pipeline-deployment.yml')]).out)
      .toContain("endpoint.addPipelineComponentDeployment('pipeline-dpl', { componentId: `${endpoint.workspace.workspaceId}/components/hello_batch/versions/1`, settings: { default_compute: 'batch-cluster', continue_on_step_failure: 'false' } })");
  });
});
