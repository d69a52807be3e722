// The bash the generated pipelines run, shared by the Azure Pipelines and GitHub Actions renderers so both targets
// do exactly the same thing. Every value interpolated here is validated or shell-quoted first.
import { EndpointSmokeTest, shellQuote } from './model';

/** The default review step: synthesize the target branch too and print the difference as Markdown. */
export const DEFAULT_REVIEW_COMMAND = [
  '# Until a dedicated review command is configured (reviewCommand), show what the change does to the',
  '# synthesized Terraform: synth the target branch in a worktree and diff the two cdktf.out/stacks.',
  'base_dir="$(mktemp -d)"',
  'git fetch --no-tags --depth=1 origin "${MLOPS_BASE_REF#refs/heads/}"',
  'git worktree add --detach "$base_dir" FETCH_HEAD >/dev/null',
  '(cd "$base_dir" && npm ci --no-audit --no-fund >/dev/null && npx cdktf synth --output "$base_dir/cdktf.out" >/dev/null)',
  'echo "## Synthesized Terraform: changes against ${MLOPS_BASE_REF#refs/heads/}"',
  'echo \'```diff\'',
  'diff -ru "$base_dir/cdktf.out/stacks" cdktf.out/stacks || [ $? -eq 1 ]',
  'echo \'```\'',
].join('\n');

export function reviewScript(reviewCommand: string, publishLine: string): string {
  return [
    'set -euo pipefail',
    '{',
    reviewCommand,
    '} > mlops-review.md',
    'cat mlops-review.md',
    publishLine,
  ].join('\n');
}

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

/** In an Azure Pipelines AzureCLI@2 step with addSpnToEnvironment: the federated token of the service connection. */
export const AZURE_DEVOPS_OIDC_EXPORTS = [
  'export ARM_USE_OIDC=true ARM_USE_AZUREAD=true',
  'export ARM_CLIENT_ID="$servicePrincipalId" ARM_TENANT_ID="$tenantId" ARM_OIDC_TOKEN="$idToken"',
  'export ARM_SUBSCRIPTION_ID="${ARM_SUBSCRIPTION_ID:-$(az account show --query id --output tsv)}"',
];

export function planScript(authLines: string[]): string {
  return [
    'set -euo pipefail',
    ...authLines,
    'terraform init -input=false',
    'terraform plan -input=false -out=tfplan',
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
