import { AzurermBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../bindings/azapi/provider';
import { ReviewManifest } from '../review/writer';
import { checkOneDeclarationPerResource } from './uniqueness';
import { Validator } from './validation';

/** Where Terraform keeps state: an azurerm backend (a blob with lease-based locking). */
export interface RemoteStateOptions {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  /** @default tfstate */
  readonly containerName?: string;
  /** The state blob name. @default - `<stack name>.tfstate` */
  readonly key?: string;
  /** @default - the provider's subscription */
  readonly subscriptionId?: string;
  /**
   * Authenticate to the state blob with Entra ID rather than account keys (which this library disables).
   * @default true
   */
  readonly useAzureAdAuth?: boolean;
  /** Authenticate with OIDC (workload identity federation), as the generated pipelines do. @default false */
  readonly useOidc?: boolean;
}

/** Options of `MlopsProviders.configure`: provider features, authentication and remote state. */
export interface MlopsProvidersProps {
  /** @default - from `ARM_SUBSCRIPTION_ID` or the Azure CLI */
  readonly subscriptionId?: string;
  /** @default - from `ARM_TENANT_ID` or the Azure CLI */
  readonly tenantId?: string;
  /** Authenticate both providers with OIDC (workload identity federation), for pipelines. @default false */
  readonly useOidc?: boolean;
  /** Tags azapi merges into every resource it creates. @default - none */
  readonly defaultTags?: { [key: string]: string };
  /** Remote state. @default - local state (fine for trying things, not for a team) */
  readonly remoteState?: RemoteStateOptions;
  /**
   * Let `terraform destroy` purge soft-deleted Key Vaults and ML workspaces and delete non-empty resource groups.
   * Only for throw-away environments.
   * @default false - destroy leaves soft-deleted vaults and workspaces recoverable and refuses to empty resource groups
   */
  readonly allowDataLossOnDestroy?: boolean;
  /**
   * Whether Terraform may call storage data-plane endpoints (blob, queue). Storage accounts this library creates
   * refuse public network access, so from a runner outside their network every data-plane call fails with 403:
   * turn this off there, and azurerm manages storage through ARM only. Uploading local model and code files
   * (`ModelSource.fromLocalPath`) is a data-plane call and needs a runner that can reach the account.
   * @see https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs#data_plane_available
   * @default true - azurerm's default: a runner with network access to the storage accounts
   */
  readonly storageDataPlaneAvailable?: boolean;
}

/** The Terraform version this library's output needs: `sensitive_body` and write-only arguments came in 1.11. */
export const TERRAFORM_REQUIRED_VERSION = '>= 1.11';

/** azurerm 4.x, from the release the prebuilt bindings were generated from. */
export const AZURERM_VERSION_CONSTRAINT = '~> 4.55';

/**
 * cdktf 0.21's HCL renderer prints extra `terraform` attributes as `0 = "required_version"` (it renders the list of
 * keys, not the values), which Terraform cannot parse; mend that one line so `cdktf synth --hcl` stays valid.
 */
function fixRequiredVersionInHcl(stack: TerraformStack): void {
  const render = stack.toHclTerraform.bind(stack);
  stack.toHclTerraform = () => {
    const out = render();
    out.hcl = String(out.hcl).replace(/^\s*\d+ = "required_version"$/m, `  required_version = "${TERRAFORM_REQUIRED_VERSION}"`);
    return out;
  };
}

/**
 * Configures Terraform and the providers for a stack of this library: call once per stack.
 *
 * - `required_version >= 1.11`;
 * - azurerm 4.x with `storage_use_azuread` (this library turns shared keys off) and data-safe `features`;
 * - azapi `~> 2.12` (the first releases embedding the ML 2026-05-01 schema);
 * - optionally an azurerm remote-state backend.
 *
 * ```ts
 * const providers = MlopsProviders.configure(this, { remoteState: { resourceGroupName: 'rg-tfstate', storageAccountName: 'sttfstate' } });
 * ```
 */
export class MlopsProviders extends Construct {
  /** The construct id the helper uses in a stack. */
  public static readonly ID = 'MlopsProviders';

  /** Configures `stack`; throws if it is already configured. */
  public static configure(stack: TerraformStack, props: MlopsProvidersProps = {}): MlopsProviders {
    if (TerraformStack.isStack(stack) && stack.node.tryFindChild(MlopsProviders.ID)) {
      new Validator(stack, 'call of MlopsProviders.configure').add({
        subject: 'stack', value: stack.node.path, rule: 'already has its providers configured',
        fix: 'call MlopsProviders.configure once per stack and reuse the returned object (MlopsProviders.of(scope) finds it)',
      }).throwIfAny();
    }
    return new MlopsProviders(stack, MlopsProviders.ID, props);
  }

  /** The providers of the stack that `scope` is in, if `configure` was called for it. */
  public static of(scope: Construct): MlopsProviders | undefined {
    const stack = TerraformStack.of(scope);
    return stack.node.tryFindChild(MlopsProviders.ID) as MlopsProviders | undefined;
  }

  public readonly azurerm: AzurermProvider;
  public readonly azapi: AzapiProvider;

  constructor(scope: TerraformStack, id: string, props: MlopsProvidersProps = {}) {
    super(scope, id);
    const v = new Validator(this, 'props for MlopsProviders');
    v.check(TerraformStack.isStack(scope), () => ({
      subject: 'scope', value: scope.node.path, rule: 'must be a TerraformStack',
      fix: 'call MlopsProviders.configure(stack) with the stack itself, once per stack',
    }));
    v.throwIfAny();
    checkOneDeclarationPerResource(this);
    // Every synth writes the stack's mlops-manifest.json beside cdk.tf.json, for the review (lib/review).
    ReviewManifest.writeOnSynth(scope);

    const allowLoss = props.allowDataLossOnDestroy ?? false;
    scope.addOverride('terraform.required_version', TERRAFORM_REQUIRED_VERSION);
    // The prebuilt azurerm binding pins its exact build (4.55.0); any 4.x from 4.55 on has every argument we emit.
    scope.addOverride('terraform.required_providers.azurerm', { source: 'hashicorp/azurerm', version: AZURERM_VERSION_CONSTRAINT });
    fixRequiredVersionInHcl(scope);

    this.azurerm = new AzurermProvider(scope, 'azurerm', {
      subscriptionId: props.subscriptionId,
      tenantId: props.tenantId,
      useOidc: props.useOidc,
      // The library disables shared-key access on storage, so the provider must use Entra ID for data-plane calls.
      storageUseAzuread: true,
      features: [{
        keyVault: [{
          purgeSoftDeleteOnDestroy: allowLoss,
          purgeSoftDeletedKeysOnDestroy: allowLoss,
          purgeSoftDeletedSecretsOnDestroy: allowLoss,
          recoverSoftDeletedKeyVaults: true,
          recoverSoftDeletedKeys: true,
          recoverSoftDeletedSecrets: true,
        }],
        machineLearning: [{ purgeSoftDeletedWorkspaceOnDestroy: allowLoss }],
        resourceGroup: [{ preventDeletionIfContainsResources: !allowLoss }],
        logAnalyticsWorkspace: [{ permanentlyDeleteOnDestroy: allowLoss }],
        applicationInsights: [{ disableGeneratedRule: false }],
        storage: props.storageDataPlaneAvailable === undefined ? undefined : [{ dataPlaneAvailable: props.storageDataPlaneAvailable }],
      }],
    });

    this.azapi = new AzapiProvider(scope, 'azapi', {
      subscriptionId: props.subscriptionId,
      tenantId: props.tenantId,
      useOidc: props.useOidc,
      defaultTags: props.defaultTags,
    });

    if (props.remoteState) {
      const rs = props.remoteState;
      new AzurermBackend(scope, {
        resourceGroupName: rs.resourceGroupName,
        storageAccountName: rs.storageAccountName,
        containerName: rs.containerName ?? 'tfstate',
        key: rs.key ?? `${scope.node.id}.tfstate`,
        subscriptionId: rs.subscriptionId,
        useAzureadAuth: rs.useAzureAdAuth ?? true,
        useOidc: rs.useOidc,
      });
    }
  }
}
