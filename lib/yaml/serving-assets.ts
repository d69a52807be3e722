/**
 * A deployment file's `model`, `environment`, `code_configuration.code`, `compute` and `component`, as the serving
 * constructs take them. References and inline definitions are the framework's (inline-assets.ts, pinning.ts: pinned
 * versions, inline definitions named after their owner and versioned by content); this module turns what they give
 * into `DeploymentModel`, environment and code versions, and collects every problem of a file before throwing once.
 *
 * | Written | Becomes |
 * |---|---|
 * | a version declared in this app (inline, or referenced) | that version, with its stage, metrics and dependencies |
 * | a pinned reference to a version not declared here | `DeploymentModel.fromUri`, `EnvironmentReference`, `CodeReference` |
 * | `compute: azureml:<name>` (or a name, or an ARM id) | the compute's ARM id in the workspace |
 * | `component: azureml:<name>:<version>` | the component version's ARM id (components are not constructs: `@latest` cannot be pinned) |
 *
 * Not part of the jsii API.
 */
import { Construct } from 'constructs';
import { ICodeVersion, IEnvironmentVersion, IModelVersion, ModelType } from '../assets/asset-refs';
import { ModelVersion } from '../assets/model';
import { CodeReference, EnvironmentReference } from '../serving/asset-references';
import { DeploymentModel } from '../serving/deployment-model';
import { IWorkspace } from '../workspace/workspace-base';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError, YamlProblem } from './errors';
import { inlineCode, inlineEnvironment, InlineResult, inlineModel } from './inline-assets';
import { parseAssetReference } from './references';

/** Where a deployment's assets are declared, how they are named, and where its problems are collected. */
export interface AssetScope {
  readonly doc: YamlDocument;
  readonly scope: Construct;
  readonly workspace: IWorkspace;
  /** `<endpoint>-<deployment>`: the owner inline assets are named after. */
  readonly ownerName: string;
  /** What the file is, for messages (`managed online deployment`). */
  readonly what: string;
  readonly problems: YamlProblem[];
}

/** Runs a framework resolver, collecting its problems instead of stopping at the first. */
function collect(a: AssetScope, resolve: () => InlineResult): InlineResult | undefined {
  try {
    return resolve();
  } catch (e) {
    if (!(e instanceof YamlLoadError)) throw e;
    a.problems.push(...e.yamlProblems);
    return undefined;
  }
}

/**
 * The deployment's model. A model not declared here says nothing of its type; a deployment without environment and
 * code is a no-code one (MLflow, or Triton), the only way Azure serves a model without a scoring script.
 */
export function deploymentModel(a: AssetScope, keyPath: KeyPath, noRuntime: boolean): DeploymentModel | undefined {
  if (a.doc.get(keyPath) === undefined) return undefined;
  const r = collect(a, () => inlineModel(a.doc, keyPath, a.workspace, a.ownerName, a.what));
  if (!r) return undefined;
  if (r.declared instanceof ModelVersion) return DeploymentModel.fromModelVersion(r.declared as IModelVersion);
  return DeploymentModel.fromUri(r.assetId, { modelType: noRuntime ? ModelType.MLFLOW : ModelType.CUSTOM });
}

/** The deployment's environment: declared here, or an existing version by its pinned id. */
export function deploymentEnvironment(a: AssetScope, keyPath: KeyPath): IEnvironmentVersion | undefined {
  if (a.doc.get(keyPath) === undefined) return undefined;
  const r = collect(a, () => inlineEnvironment(a.doc, keyPath, a.workspace, a.ownerName, a.what));
  if (!r) return undefined;
  return (r.declared as IEnvironmentVersion | undefined) ?? EnvironmentReference.fromAssetId(a.scope, 'EnvironmentReference', r.assetId);
}

/** `code_configuration.code`: declared here (a local folder or URI), or an existing version by its pinned id. */
export function deploymentCode(a: AssetScope, keyPath: KeyPath): ICodeVersion | undefined {
  if (a.doc.get(keyPath) === undefined) return undefined;
  const r = collect(a, () => inlineCode(a.doc, keyPath, a.workspace, a.ownerName, a.what));
  if (!r) return undefined;
  return (r.declared as ICodeVersion | undefined) ?? CodeReference.fromAssetId(a.scope, 'CodeReference', r.assetId);
}

/** `compute: azureml:<name>` (or a bare name, or an ARM id) as the compute's ARM id in the workspace. */
export function computeIdOf(workspace: IWorkspace, value: string): string {
  if (/^\/subscriptions\//i.test(value)) return value;
  return `${workspace.workspaceId}/computes/${value.replace(/^azureml:/, '')}`;
}

const ARM_COMPONENT = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/(workspaces|registries)\/[^/]+\/components\/[^/]+\/versions\/[^/]+$/i;

/**
 * A pipeline component reference as its id. Components are not constructs of this library, so nothing declares
 * them here: a version must be named (or an ARM id / registry URI given).
 */
export function componentIdOf(a: AssetScope, keyPath: KeyPath): string | undefined {
  const { doc } = a;
  const value = doc.get(keyPath);
  if (typeof value !== 'string' || !/^(azureml:|\/subscriptions\/)/.test(value)) {
    a.problems.push(doc.problem(keyPath, 'defines the pipeline component inline (or by a local file), which this library cannot register yet',
      'register the component (az ml component create -f …) and reference its version: component: azureml:<name>:<version>'));
    return undefined;
  }
  if (ARM_COMPONENT.test(value)) return value;
  const ref = parseAssetReference(value);
  if (!ref || (ref.kind !== undefined && ref.kind !== 'components')) {
    a.problems.push(doc.problem(keyPath, 'is not a component reference', 'write azureml:<name>:<version> or azureml://registries/<r>/components/<name>/versions/<v>'));
    return undefined;
  }
  if (ref.version === undefined) {
    a.problems.push(doc.problem(keyPath, `cannot be pinned: "${ref.label ?? '(no version)'}" is resolved by Azure when the CLI runs`,
      `name the component version, e.g. azureml:${ref.name}:<version>, or pass it as an override (--set component=azureml:${ref.name}:<version>)`));
    return undefined;
  }
  if (ref.form === 'workspace') return `${a.workspace.workspaceId}/components/${ref.name}/versions/${ref.version}`;
  if (ref.form === 'other-workspace') {
    return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ref.workspace}/components/${ref.name}/versions/${ref.version}`;
  }
  return ref.text;
}
