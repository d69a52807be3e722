// The bash the generated pipelines run, shared by the Azure Pipelines and GitHub Actions renderers so both targets
// do exactly the same thing. Every value interpolated here is validated or shell-quoted first.
import { EndpointSmokeTest, shellQuote } from './model';

export function generatedFilesCheckScript(paths: string[]): string {
  const quoted = paths.map(shellQuote).join(' ');
  return [
    'set -euo pipefail',
    `changed="$(git status --porcelain -- ${quoted})"`,
    'if [ -n "$changed" ]; then',
    '  echo "The generated pipeline files differ from what the app generates. Run the app and commit them:"',
    '  echo "$changed"',
    `  git --no-pager diff -- ${quoted}`,
    '  exit 1',
    'fi',
  ].join('\n');
}

export function installTerraformScript(version: string, binDir: string, addToPathLine: string): string {
  const v = shellQuote(version);
  return [
    'set -euo pipefail',
    `curl -fsSL -o "${binDir}/terraform.zip" "https://releases.hashicorp.com/terraform/${v}/terraform_${v}_linux_amd64.zip"`,
    `unzip -o -q "${binDir}/terraform.zip" -d "${binDir}/terraform"`,
    addToPathLine,
  ].join('\n');
}

/**
 * In an Azure Pipelines step: let azurerm, azapi and the azurerm backend fetch fresh ID tokens from the service
 * connection themselves, whenever their access token needs renewing. The job's `idToken` (`addSpnToEnvironment`)
 * lives about ten minutes, and an online deployment takes longer; a provider holding a fixed `ARM_OIDC_TOKEN`
 * cannot refresh it ("AADSTS700024: Client assertion is not within its valid time range").
 *
 * - azurerm (4.x): `ado_pipeline_service_connection_id` / `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`, with
 *   `oidc_request_token` (`ARM_OIDC_REQUEST_TOKEN` or `SYSTEM_ACCESSTOKEN`) and `oidc_request_url`
 *   (`ARM_OIDC_REQUEST_URL` or `SYSTEM_OIDCREQUESTURI`): hashicorp/terraform-provider-azurerm#28674 (docs/index).
 * - azapi (2.x): `oidc_azure_service_connection_id` / `ARM_OIDC_AZURE_SERVICE_CONNECTION_ID` (also
 *   `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`), request token and URL from the same variables:
 *   Azure/terraform-provider-azapi#784 and #852.
 * - the azurerm backend: `ado_pipeline_service_connection_id` / `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID` and
 *   `use_oidc` / `ARM_USE_OIDC` (https://developer.hashicorp.com/terraform/language/backend/azurerm; its Azure
 *   DevOps example wrongly says `oidc_azure_service_connection_id`: hashicorp/web-unified-docs#2881).
 *
 * `SYSTEM_ACCESSTOKEN` is a secret, so the step maps it into its environment (`AZURE_DEVOPS_OIDC_ENV`).
 * `kind` chooses the stage's identity: the deploy identity for apply, the read-only one for plan.
 */
export function azureDevOpsOidcExports(kind: 'apply' | 'plan'): string[] {
  const k = kind.toUpperCase();
  return [
    'export ARM_USE_OIDC=true ARM_USE_AZUREAD=true',
    `export ARM_CLIENT_ID="$MLOPS_${k}_CLIENT_ID" ARM_TENANT_ID="$ARM_TENANT_ID"`,
    `export ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID="$MLOPS_${k}_SERVICE_CONNECTION_ID" ARM_OIDC_AZURE_SERVICE_CONNECTION_ID="$MLOPS_${k}_SERVICE_CONNECTION_ID"`,
    'export ARM_OIDC_REQUEST_TOKEN="$SYSTEM_ACCESSTOKEN" ARM_OIDC_REQUEST_URL="$SYSTEM_OIDCREQUESTURI"',
    'export ARM_SUBSCRIPTION_ID="${ARM_SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"',
  ];
}

/** The step environment the exports read: the system access token is secret, so it must be mapped explicitly. */
export const AZURE_DEVOPS_OIDC_ENV: { [name: string]: string } = {
  SYSTEM_ACCESSTOKEN: '$(System.AccessToken)',
  SYSTEM_OIDCREQUESTURI: '$(System.OidcRequestUri)',
};

export function planScript(authLines: string[]): string {
  return [
    'set -euo pipefail',
    ...authLines,
    'terraform init -input=false',
    // The plan identity has blob read, not write, on the state container: a lease (the state lock) is a write, so
    // plan runs unlocked. Safe: apply takes the lock, and refuses a saved plan whose state has changed since
    // ("Saved plan is stale"). https://developer.hashicorp.com/terraform/cli/commands/plan#lock-false
    '# Unlocked: the plan identity may read the state, not lease it; apply locks and refuses a stale saved plan.',
    'terraform plan -input=false -lock=false -out=tfplan',
    'terraform show -no-color tfplan > tfplan.txt',
    '# Providers are re-installed from .terraform.lock.hcl by the apply job; do not ship them with the plan.',
    'rm -rf .terraform',
  ].join('\n');
}

export function applyScript(authLines: string[]): string {
  return [
    'set -euo pipefail',
    ...authLines,
    'terraform init -input=false',
    'terraform apply -input=false tfplan',
  ].join('\n');
}

export function smokeTestScript(t: EndpointSmokeTest): string {
  const where = `--name ${shellQuote(t.endpointName)} --resource-group ${shellQuote(t.resourceGroupName)} --workspace-name ${shellQuote(t.workspaceName)}`;
  const check = t.requestFile !== undefined
    ? [`az ml online-endpoint invoke ${where} --request-file ${shellQuote(t.requestFile)}`]
    : [
      `state="$(az ml online-endpoint show ${where} --query provisioning_state --output tsv)"`,
      `if [ "$state" != "Succeeded" ]; then echo "online endpoint ${t.endpointName} is $state"; exit 1; fi`,
    ];
  return ['set -euo pipefail', 'az extension add --name ml --upgrade --only-show-errors', ...check].join('\n');
}
