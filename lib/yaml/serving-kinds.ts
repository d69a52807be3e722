/**
 * The serving kinds of `yaml check` / `yaml convert`: online endpoints (managed and Kubernetes), managed and
 * Kubernetes online deployments, batch endpoints and batch deployments (model and pipeline component). A deployment
 * file checked on its own is added to a scratch endpoint named by its `endpoint_name` (Kubernetes: on a scratch
 * attached compute). Not part of the jsii API.
 */
import { BatchEndpoint } from '../serving/batch-endpoint';
import { OnlineEndpoint } from '../serving/online-endpoint';
import { BatchEndpointYaml } from './batch-endpoint-yaml';
import { YamlDocument } from './document';
import { ScratchContext, YamlKind } from './kinds';
import { OnlineEndpointYaml } from './online-endpoint-yaml';
import { YamlLoadOptions } from './options';
import { convertServing } from './serving-convert';

type Data = { [key: string]: unknown };

const BATCH_DEPLOYMENT_KEYS = ['compute', 'component', 'settings', 'mini_batch_size', 'max_concurrency_per_instance', 'output_action', 'retry_settings', 'job_definition'];
const isDeployment = (d: Data) => d.endpoint_name !== undefined;
const isBatchDeployment = (d: Data) => isDeployment(d) && (d.type === 'model' || d.type === 'pipeline' || BATCH_DEPLOYMENT_KEYS.some((k) => d[k] !== undefined));
const isKubernetesDeployment = (d: Data) => isDeployment(d) && !isBatchDeployment(d)
  && (d.type === 'kubernetes' || (d.resources as Data | undefined)?.requests !== undefined || (d.resources as Data | undefined)?.limits !== undefined);

/** The endpoint a deployment file names, after `--set endpoint_name=…`. */
function endpointNameOf(file: string, options: YamlLoadOptions): string {
  return options.set?.endpoint_name ?? String(YamlDocument.load(file).data.endpoint_name ?? 'scratch-endpoint');
}

function scratchOnline(ctx: ScratchContext, file: string, options: YamlLoadOptions, kubernetes: boolean): OnlineEndpoint {
  return new OnlineEndpoint(ctx.stack, 'ScratchEndpoint', {
    workspace: ctx.workspace(), endpointName: endpointNameOf(file, options),
    kubernetesComputeId: kubernetes ? ctx.computeId('k8s-compute') : undefined,
  });
}

/** Serving kinds, checked after the asset kinds (whose files have no `endpoint_name`). */
export const SERVING_YAML_KINDS: YamlKind[] = [
  {
    kind: 'batchEndpoint', schemaFiles: ['batchEndpoint.schema.json'],
    detect: (d) => !isDeployment(d) && d.defaults !== undefined,
    load: (ctx, file, o) => { BatchEndpointYaml.load(ctx.stack, 'Endpoint', { ...o, workspace: ctx.workspace(), file }); },
    convert: (file, o) => convertServing('batchEndpoint', file, o),
  },
  {
    kind: 'onlineEndpoint', schemaFiles: ['managedOnlineEndpoint.schema.json', 'kubernetesOnlineEndpoint.schema.json'],
    detect: (d) => !isDeployment(d) && ['auth_mode', 'traffic', 'mirror_traffic', 'public_network_access', 'compute', 'identity'].some((k) => d[k] !== undefined),
    // Checked alone, the endpoint has none of the deployments its traffic names (they are other files): the traffic is
    // checked for its own shape by the schema, not against deployments. In an app, it is checked against them.
    load: (ctx, file, o) => { OnlineEndpointYaml.load(ctx.stack, 'Endpoint', { ...o, set: { ...o.set, traffic: '{}', mirror_traffic: '{}' }, workspace: ctx.workspace(), file }); },
    convert: (file, o) => convertServing('onlineEndpoint', file, o),
  },
  {
    kind: 'batchDeployment',
    schemaFiles: ['batchDeployment.schema.json', 'modelBatchDeployment.schema.json', 'pipelineComponentBatchDeployment.schema.json', 'BatchDeployment.json'],
    detect: isBatchDeployment,
    load: (ctx, file, o) => {
      const endpoint = new BatchEndpoint(ctx.stack, 'ScratchEndpoint', { workspace: ctx.workspace(), endpointName: endpointNameOf(file, o) });
      BatchEndpointYaml.addDeployment(endpoint, file, o);
    },
    convert: (file, o) => convertServing('batchDeployment', file, o),
  },
  {
    kind: 'kubernetesOnlineDeployment', schemaFiles: ['kubernetesOnlineDeployment.schema.json'],
    detect: isKubernetesDeployment,
    load: (ctx, file, o) => { OnlineEndpointYaml.addDeployment(scratchOnline(ctx, file, o, true), file, o); },
    convert: (file, o) => convertServing('kubernetesOnlineDeployment', file, o),
  },
  {
    kind: 'managedOnlineDeployment', schemaFiles: ['managedOnlineDeployment.schema.json'],
    detect: (d) => isDeployment(d) && !isBatchDeployment(d) && !isKubernetesDeployment(d),
    load: (ctx, file, o) => { OnlineEndpointYaml.addDeployment(scratchOnline(ctx, file, o, false), file, o); },
    convert: (file, o) => convertServing('managedOnlineDeployment', file, o),
  },
];
