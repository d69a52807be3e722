// Environments and code versions that exist already (registered by the CLI, another app, or Azure's curated ones),
// referenced by ARM id or azureml:// URI so a deployment can run in them. Models have DeploymentModel.fromUri.
import { Construct } from 'constructs';
import { ICodeVersion, IEnvironmentVersion } from '../assets/asset-refs';
import { isToken, Validator } from '../core/validation';

/** What is known about a referenced environment beyond its id. */
export interface EnvironmentReferenceOptions {
  /**
   * The ARM id of the registry the URI points into, so the endpoint identity is granted AzureML Registry User on it.
   * @default - none granted (Azure's curated `azureml` registry needs none)
   */
  readonly registryId?: string;
  /**
   * Whether the image runs its own inference server (a custom container with inference routes).
   * @default false
   */
  readonly customInferenceServer?: boolean;
}

// ARM: .../workspaces/<ws>/environments/<name>/versions/<v>; URI: azureml://registries/<r>/environments/<name>/versions/<v>
// or azureml://locations/<region>/workspaces/<id>/environments/<name>/versions/<v> (reference-yaml-core-syntax).
const VERSIONED = (kind: string) => new RegExp(`/${kind}/([^/]+)/versions/([^/]+)$`, 'i');
const FORMS = (kind: string) => `an ARM id .../workspaces/<ws>/${kind}/<name>/versions/<v>, or azureml://registries/<r>/${kind}/<name>/versions/<v>`;

function parseVersioned(scope: Construct, what: string, kind: string, assetId: string): { name: string; version: string } {
  if (isToken(assetId)) return { name: assetId, version: assetId };
  const m = VERSIONED(kind).exec(assetId);
  const v = new Validator(scope, what);
  v.check(m !== null && (/^\/subscriptions\//i.test(assetId) || /^azureml:\/\//.test(assetId)), () => ({
    subject: 'assetId', value: JSON.stringify(assetId), rule: `must name one version of ${kind === 'codes' ? 'a code asset' : 'an environment'}`,
    fix: `use ${FORMS(kind)}; a label such as labels/latest is not a pinned version`,
  }));
  v.throwIfAny();
  return { name: m![1], version: m![2] };
}

/**
 * An environment version that exists already, by ARM id or `azureml://` URI.
 *
 * ```ts
 * const env = EnvironmentReference.fromAssetId(this, 'Sklearn', 'azureml://registries/azureml/environments/sklearn-1.5/versions/21');
 * endpoint.addDeployment('blue', { model, environment: env, code, scoringScript: 'score.py' });
 * ```
 */
export class EnvironmentReference extends Construct implements IEnvironmentVersion {
  /** The environment version at `assetId`. */
  public static fromAssetId(scope: Construct, id: string, assetId: string, options: EnvironmentReferenceOptions = {}): IEnvironmentVersion {
    return new EnvironmentReference(scope, id, assetId, options);
  }

  public readonly environmentName: string;
  public readonly version: string;
  public readonly assetId: string;
  public readonly registryId?: string;
  public readonly customInferenceServer?: boolean;

  private constructor(scope: Construct, id: string, assetId: string, options: EnvironmentReferenceOptions) {
    super(scope, id);
    const parsed = parseVersioned(this, 'environment reference', 'environments', assetId);
    this.environmentName = parsed.name;
    this.version = parsed.version;
    this.assetId = assetId;
    this.registryId = options.registryId;
    this.customInferenceServer = options.customInferenceServer ?? false;
  }
}

/** A code version that exists already, by ARM id or `azureml://` URI. */
export class CodeReference extends Construct implements ICodeVersion {
  /** The code version at `assetId`. */
  public static fromAssetId(scope: Construct, id: string, assetId: string): ICodeVersion {
    return new CodeReference(scope, id, assetId);
  }

  public readonly codeName: string;
  public readonly version: string;
  public readonly assetId: string;

  private constructor(scope: Construct, id: string, assetId: string) {
    super(scope, id);
    const parsed = parseVersioned(this, 'code reference', 'codes', assetId);
    this.codeName = parsed.name;
    this.version = parsed.version;
    this.assetId = assetId;
  }
}
