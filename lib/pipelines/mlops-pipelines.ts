import * as fs from 'fs';
import * as path from 'path';
import { Annotations, LocalBackend, TerraformBackend, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzuredevopsBuildDefinition } from '../bindings/azuredevops/build-definition';
import { AzuredevopsCheckApproval } from '../bindings/azuredevops/check-approval';
import { AzuredevopsEnvironment } from '../bindings/azuredevops/environment';
import { AzuredevopsPipelineAuthorization } from '../bindings/azuredevops/pipeline-authorization';
import { AzuredevopsServiceendpointAzurerm } from '../bindings/azuredevops/serviceendpoint-azurerm';
import { AzuredevopsVariableGroup } from '../bindings/azuredevops/variable-group';
import { isToken, Validator } from '../core/validation';
import { IDevOpsProject } from './devops-project';
import { PipelineIdentitiesOptions, StageIdentity, stateContainerId } from './identities';
import { PipelineStackOptions, PipelineStageOptions, ResolvedStack, resolveStacks, resolveStages, scopeIdOf } from './model';
import { azurermBackendOf, checkStackAgainstStage } from './stack-checks';
import { RenderInput, renderAzurePipelines, renderGitHubWorkflow } from './render';
import { checkShape, childId } from '../core/shape';
import { MLOPS_PIPELINES_PROPS, PIPELINE_STAGE, renderedTokenProblems } from './shapes';

/** Props of `MlopsPipelines`: the project, the stages in order, and where the generated pipeline YAML goes. */
export interface MlopsPipelinesProps {
  /** The Azure DevOps project and repository the pipeline is created in. */
  readonly project: IDevOpsProject;
  /** The deployment stages (dev, prod): one service connection, environment and variable group each. */
  readonly stages: PipelineStageOptions[];
  /** The app's stacks the pipeline plans and applies, with the stage each deploys to and their dependencies. */
  readonly stacks: PipelineStackOptions[];
  /**
   * Create each stage's pipeline identities (an apply and a read-only plan identity, user-assigned managed
   * identities federated with the stage's two service connections) and their role assignments, in this stack: it
   * then needs an azurerm provider, and whoever applies it needs Owner (or Role Based Access Control Administrator
   * and Contributor) on the stages' scopes. See the README for the exact roles.
   * @default - none: every stage must bring its own `clientId` and `planClientId`
   */
  readonly identities?: PipelineIdentitiesOptions;
  /** Name of the Azure DevOps pipeline (build definition). @default mlops */
  readonly pipelineName?: string;
  /** Repository-relative path of the generated Azure Pipelines file. @default azure-pipelines.yml */
  readonly azurePipelinesPath?: string;
  /** Repository-relative path of the generated GitHub Actions workflow. @default .github/workflows/mlops.yml */
  readonly gitHubWorkflowPath?: string;
  /**
   * Node.js version the pipelines install (a NodeTool@0 version spec such as `24.x`). 22 and 24 are the LTS lines
   * the library supports; Node 20 is end of life.
   * @default 22.x
   */
  readonly nodeVersion?: string;
  /** Hosted agent image. @default ubuntu-latest */
  readonly vmImage?: string;
  /**
   * Terraform version the pipelines download from releases.hashicorp.com (1.11 or later).
   * @default - the hosted agent's preinstalled Terraform
   */
  readonly terraformVersion?: string;
  /**
   * Fail a run when the committed pipeline files differ from what the app generates (after `cdktf synth`, which runs
   * the app, and the app writes them with `writeFiles`).
   * @default true
   */
  readonly checkGeneratedFiles?: boolean;
}

/** Props of a `PipelineStage`: the stage's options and the project it lives in. */
export interface PipelineStageProps extends PipelineStageOptions {
  /** The Azure DevOps project GUID. */
  readonly projectId: string;
  /** Creates the stage's identities and their roles. @default - the stage brings `clientId` and `planClientId` */
  readonly identities?: PipelineIdentitiesOptions;
  /** Prefix of the identities' names. @default mlops */
  readonly pipelineName?: string;
}

/** The Azure DevOps resources of one deployment stage. `MlopsPipelines` creates one per stage. */
export class PipelineStage extends Construct {
  public readonly name: string;
  /** The deploy (apply) service connection. */
  public readonly serviceConnection: AzuredevopsServiceendpointAzurerm;
  /** The read-only service connection of the plan stage. */
  public readonly planServiceConnection: AzuredevopsServiceendpointAzurerm;
  public readonly environment: AzuredevopsEnvironment;
  public readonly variableGroup: AzuredevopsVariableGroup;
  /** The approval check on the environment, when the stage has approvers. */
  public readonly approval?: AzuredevopsCheckApproval;
  /** The identities the library created (with `identities`). */
  public readonly applyIdentity?: StageIdentity;
  public readonly planIdentity?: StageIdentity;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, childId(scope, id, 'PipelineStage'));
    checkShape(this, 'props for PipelineStage', props, PIPELINE_STAGE);
    const projectId = props.projectId;
    const v = new Validator(this, 'props for PipelineStage');
    const stage = resolveStages(v, [props]).get(props.name)!;
    checkIdentityChoice(v, props);
    v.throwIfAny();
    const o = stage.options;
    const a = o.azure;
    this.name = stage.name;

    if (props.identities) {
      const common = {
        identities: props.identities, name: `${props.pipelineName ?? 'mlops'}-${stage.name}`, scopeId: scopeIdOf(a),
        subscriptionId: a.subscriptionId, gitHubEnvironment: stage.environmentName,
        stateContainerId: o.stateContainer ? stateContainerId(o.stateContainer, a.subscriptionId) : undefined,
      };
      this.applyIdentity = new StageIdentity(this, 'ApplyIdentity', { ...common, kind: 'apply' });
      this.planIdentity = new StageIdentity(this, 'PlanIdentity', { ...common, kind: 'plan' });
    }
    const applyClientId = this.applyIdentity?.clientId ?? a.clientId!;
    const planClientId = this.planIdentity?.clientId ?? a.planClientId!;
    const connection = (cid: string, name: string, clientId: string, what: string) => new AzuredevopsServiceendpointAzurerm(this, cid, {
      projectId,
      serviceEndpointName: name,
      description: `${what} the ${stage.name} stage (managed by cdktf-azure-mlops)`,
      // Workload identity federation, manual: no secret is stored anywhere, and the identity is ours (an automatic
      // connection's app registration gets Contributor only, on one scope: it could neither assign roles, nor lock,
      // nor read the state; https://learn.microsoft.com/azure/devops/pipelines/library/connect-to-azure).
      serviceEndpointAuthenticationScheme: 'WorkloadIdentityFederation',
      azurermSpnTenantid: a.tenantId,
      azurermSubscriptionId: a.subscriptionId,
      azurermSubscriptionName: a.subscriptionId === undefined ? undefined : (a.subscriptionName ?? a.subscriptionId),
      azurermManagementGroupId: a.managementGroupId,
      azurermManagementGroupName: a.managementGroupId === undefined ? undefined : (a.managementGroupName ?? a.managementGroupId),
      credentials: { serviceprincipalid: clientId },
    });
    this.serviceConnection = connection('ServiceConnection', stage.serviceConnectionName, applyClientId, 'Deploys');
    this.planServiceConnection = connection('PlanServiceConnection', stage.planServiceConnectionName, planClientId, 'Plans (read-only)');
    if (this.applyIdentity && this.planIdentity) {
      for (const [identity, conn] of [[this.applyIdentity, this.serviceConnection], [this.planIdentity, this.planServiceConnection]] as const) {
        identity.trust('AzureDevOps', { issuer: conn.workloadIdentityFederationIssuer, subject: conn.workloadIdentityFederationSubject });
      }
      const repo = props.identities!.gitHubRepository;
      if (repo) {
        // GitHub's token names the job's environment (repo:<owner>/<repo>:environment:<name>): only jobs in the
        // reviewed environment can become the deploy identity.
        // https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect
        const issuer = 'https://token.actions.githubusercontent.com';
        this.applyIdentity.trust('GitHub', { issuer, subject: `repo:${repo}:environment:${stage.environmentName}` });
        this.planIdentity.trust('GitHub', { issuer, subject: `repo:${repo}:environment:${stage.planEnvironmentName}` });
      }
    } else {
      Annotations.of(this).addWarning(`Stage ${stage.name} uses your own identities (clientId ${a.clientId}, planClientId ${a.planClientId}): ` +
        'the library grants them nothing. Give them the roles listed under "Identities and their rights" in lib/pipelines/README.md ' +
        '(apply: Contributor, a constrained Role Based Access Control Administrator, lock write, blob data on the scope and the state container; ' +
        'plan: Reader and blob/queue data read), and federated credentials for both service connections.');
    }
    this.environment = new AzuredevopsEnvironment(this, 'Environment', {
      projectId, name: stage.environmentName, description: `The ${stage.name} stage (managed by cdktf-azure-mlops)`,
    });
    if ((o.approvers ?? []).length > 0 || Token.isUnresolved(o.approvers)) {
      this.approval = new AzuredevopsCheckApproval(this, 'Approval', {
        projectId,
        targetResourceType: 'environment',
        targetResourceId: this.environment.id,
        approvers: o.approvers!,
        instructions: o.approvalInstructions ?? `Review the plan of ${stage.name} in the Plan stage's log, then approve.`,
        // Whoever queued the run (or merged the change) cannot approve it alone.
        requesterCanApprove: false,
        timeout: o.approvalTimeoutMinutes ?? 1440,
      });
    }
    const ids: { [name: string]: string } = {
      MLOPS_APPLY_CLIENT_ID: applyClientId,
      MLOPS_PLAN_CLIENT_ID: planClientId,
      MLOPS_APPLY_SERVICE_CONNECTION_ID: this.serviceConnection.id,
      MLOPS_PLAN_SERVICE_CONNECTION_ID: this.planServiceConnection.id,
    };
    this.variableGroup = new AzuredevopsVariableGroup(this, 'VariableGroup', {
      projectId,
      name: stage.variableGroupName,
      description: `Variables of the ${stage.name} stage (managed by cdktf-azure-mlops)`,
      // Only the pipeline authorised below may read it.
      allowAccess: false,
      variable: Object.entries({ ...stage.variables, ...ids }).map(([name, value]) => ({ name, value })),
    });
  }
}

/** The "whose identity" table of `AzureScope`. */
function checkIdentityChoice(v: Validator, props: PipelineStageProps): void {
  const a = props.azure;
  const at = `stages.${props.name}.azure`;
  if (props.identities) {
    v.check(a.clientId === undefined && a.planClientId === undefined, () => ({
      subject: `${at}.clientId`, value: String(a.clientId ?? a.planClientId), rule: 'conflicts with MlopsPipelines.identities, which creates the stage\'s identities',
      fix: 'drop clientId and planClientId, or drop identities and grant your identities their roles yourself',
    }));
    v.check(props.stateContainer !== undefined, () => ({
      subject: `stages.${props.name}.stateContainer`, value: '(not set)',
      rule: 'is required with MlopsPipelines.identities: the identities need a data role on the state blob, which the control-plane roles do not give',
      fix: 'set the container of this stage\'s state, e.g. { resourceGroupName: "rg-tfstate", storageAccountName: "sttfstate", containerName: "tfstate-prod" }',
    }));
    return;
  }
  v.check(a.clientId !== undefined, () => ({
    subject: `${at}.clientId`, value: '(not set)',
    rule: 'must be set without MlopsPipelines.identities: an automatic service connection gets Contributor only, so it can neither ' +
      'create the stacks\' role assignments and locks nor read the Terraform state',
    fix: 'set MlopsPipelines.identities (the library creates the identities and their roles), or bring clientId and planClientId',
  }));
  v.check(a.clientId === undefined || a.planClientId !== undefined, () => ({
    subject: `${at}.planClientId`, value: '(not set)', rule: 'must be set with clientId: the plan stage runs with its own read-only identity',
    fix: 'give the client id of an identity with Reader (and blob/queue data read) on the stage scope and blob read on the state container',
  }));
}

/**
 * Azure DevOps pipelines for an app's stacks, provisioned as code, and the pipeline YAML generated from the same
 * model: Azure Pipelines (primary) and GitHub Actions.
 *
 * On pull requests: install, test, synth, then `cdktf-azure-mlops review` against the target branch, posted on the
 * PR, failing the run on blocking hazards. On the main branch: for each stack in dependency order
 * (independent stacks in parallel), plan, then (after the stage's approval, if any) apply the saved plan, then
 * smoke-test its endpoints.
 *
 * The YAML is not written at synth by the construct: call `writeFiles(repoRoot)` from the app (see the README).
 */
export class MlopsPipelines extends Construct {
  /** The stages' resources, in declaration order. */
  public readonly stages: PipelineStage[];
  public readonly buildDefinition: AzuredevopsBuildDefinition;
  public readonly azurePipelinesPath: string;
  public readonly gitHubWorkflowPath: string;

  private readonly input: RenderInput;
  private readonly stackOptions: ResolvedStack[];

  constructor(scope: Construct, id: string, props: MlopsPipelinesProps) {
    super(scope, childId(scope, id, 'MlopsPipelines'));
    checkShape(this, 'props for MlopsPipelines', props, MLOPS_PIPELINES_PROPS);
    const v = new Validator(this, 'props for MlopsPipelines');
    renderedTokenProblems(props).forEach(p => v.add(p));
    const stages = resolveStages(v, props.stages ?? []);
    const stacks = resolveStacks(v, props.stacks ?? [], stages);
    this.azurePipelinesPath = props.azurePipelinesPath ?? 'azure-pipelines.yml';
    this.gitHubWorkflowPath = props.gitHubWorkflowPath ?? '.github/workflows/mlops.yml';
    for (const [subject, p] of [['azurePipelinesPath', this.azurePipelinesPath], ['gitHubWorkflowPath', this.gitHubWorkflowPath]]) {
      v.matches(subject, p, /^(?!\/)(?!.*\.\.)(?!.*\\).*\.ya?ml$/, 'must be a repository-relative path to a .yml file, with "/" separators',
        'write it as e.g. "pipelines/azure-pipelines.yml"');
    }
    v.matches('terraformVersion', props.terraformVersion, /^1\.(1[1-9]|[2-9]\d)\.\d+$/, 'must be an exact Terraform version, 1.11.0 or later',
      'use e.g. "1.11.4" (this library needs Terraform 1.11 or later)');
    for (const stage of stages.values()) checkIdentityChoice(v, { ...stage.options, projectId: '', identities: props.identities });
    checkOneContainerPerStage(v, props.stages ?? []);
    v.throwIfAny();
    this.stackOptions = stacks;

    const projectId = props.project.projectId;
    this.stages = [...stages.values()].map(s => new PipelineStage(this, `Stage-${s.name}`, {
      ...s.options, projectId, identities: props.identities, pipelineName: props.pipelineName,
    }));

    this.buildDefinition = new AzuredevopsBuildDefinition(this, 'Pipeline', {
      projectId,
      name: props.pipelineName ?? 'mlops',
      repository: {
        repoType: 'TfsGit',
        repoId: props.project.repositoryId,
        ymlPath: this.azurePipelinesPath,
        branchName: props.project.defaultBranch,
      },
      ciTrigger: { useYaml: true },
    });
    // Authorise the pipeline on what it uses, so its first run does not pause on a "needs permission" prompt.
    for (const stage of this.stages) {
      const authorize = (id: string, type: string, resourceId: string) => new AzuredevopsPipelineAuthorization(stage, id, {
        projectId, type, resourceId, pipelineId: this.buildDefinition.pipelineId,
      });
      authorize('ServiceConnectionAuthorization', 'endpoint', stage.serviceConnection.id);
      authorize('PlanServiceConnectionAuthorization', 'endpoint', stage.planServiceConnection.id);
      authorize('EnvironmentAuthorization', 'environment', stage.environment.id);
      authorize('VariableGroupAuthorization', 'variablegroup', stage.variableGroup.id);
    }

    const checkGenerated = props.checkGeneratedFiles ?? true;
    this.input = {
      constructPath: this.node.path,
      mainBranch: props.project.defaultBranch,
      nodeVersion: props.nodeVersion ?? '22.x',
      vmImage: props.vmImage ?? 'ubuntu-latest',
      terraformVersion: props.terraformVersion,
      generatedFilesCheck: checkGenerated ? [this.azurePipelinesPath, this.gitHubWorkflowPath] : [],
      stacks,
    };

    this.node.addValidation({ validate: () => this.validateAppStacks() });
  }

  /** The Azure Pipelines YAML (deterministic: the same app gives the same bytes). */
  public renderAzurePipelines(): string {
    return renderAzurePipelines(this.input);
  }

  /** The GitHub Actions workflow YAML (deterministic). */
  public renderGitHubWorkflow(): string {
    return renderGitHubWorkflow(this.input);
  }

  /**
   * Writes both files under `repoRoot` at `azurePipelinesPath` and `gitHubWorkflowPath`, creating folders, and
   * returns the paths written. Files whose content is unchanged are not rewritten.
   */
  public writeFiles(repoRoot: string): string[] {
    const files: Array<[string, string]> = [
      [this.azurePipelinesPath, this.renderAzurePipelines()],
      [this.gitHubWorkflowPath, this.renderGitHubWorkflow()],
    ];
    return files.map(([rel, text]) => {
      const file = path.join(repoRoot, ...rel.split('/'));
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (current !== text) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
      return file;
    });
  }

  /**
   * When the app defines the stacks the pipeline deploys, each must exist and keep remote state: plan and apply run
   * on different agents, so local state would be lost between them.
   */
  private validateAppStacks(): string[] {
    const root = this.node.root;
    const mine = TerraformStack.of(this);
    const appStacks = root.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c) && c !== mine);
    if (appStacks.length === 0) return [];
    const v = new Validator(this, 'stacks for MlopsPipelines');
    const names = appStacks.map(s => s.node.id);
    for (const s of this.stackOptions) {
      const stack = appStacks.find(x => x.node.id === s.name);
      if (!stack) {
        v.add({
          subject: `stacks.${s.name}`, value: JSON.stringify(s.name), rule: 'is not a stack of this app',
          fix: `use one of ${names.map(n => JSON.stringify(n)).join(', ')}`,
        });
        continue;
      }
      v.check(hasBackend(stack), () => ({
        subject: `stacks.${s.name}`, value: JSON.stringify(s.name),
        rule: 'keeps local state: the pipeline plans and applies on different agents, so its state would be lost',
        fix: 'configure remote state: MlopsProviders.configure(stack, { remoteState: { resourceGroupName, storageAccountName } })',
      }));
      checkStackAgainstStage(v, stack, s);
    }
    // Stacks of different stages in one container would put prod's state where dev's identities can write.
    const byContainer = new Map<string, ResolvedStack>();
    for (const s of this.stackOptions) {
      const stack = appStacks.find(x => x.node.id === s.name);
      const b = stack && azurermBackendOf(stack);
      if (!b) continue;
      const key = `${b.storage_account_name}/${b.container_name}`;
      const other = byContainer.get(key);
      v.check(!other || other.stage.name === s.stage.name, () => ({
        subject: `stacks.${s.name}`, value: key,
        rule: `shares its state container with stack ${other!.name} of stage ${other!.stage.name}, so the identities of either stage can rewrite the other's state`,
        fix: 'give each stage its own container (RemoteStateOptions.containerName, e.g. "tfstate-<stage>") and set it as stages.<stage>.stateContainer',
      }));
      if (!other) byContainer.set(key, s);
    }
    return v.toMessages();
  }
}

/** Two stages naming the same state container: their state would share one RBAC boundary. */
function checkOneContainerPerStage(v: Validator, stages: PipelineStageOptions[]): void {
  const seen = new Map<string, string>();
  for (const s of stages) {
    const c = s.stateContainer;
    if (!c || isToken(c.storageAccountName) || isToken(c.containerName)) continue;
    const key = `${c.storageAccountName}/${c.containerName}`;
    const other = seen.get(key);
    v.check(other === undefined, () => ({
      subject: `stages.${s.name}.stateContainer`, value: key, rule: `is also the state container of stage ${other}`,
      fix: 'give each stage its own container, so each stage\'s identities can touch that stage\'s state only',
    }));
    seen.set(key, s.name);
  }
}

function hasBackend(stack: IConstruct): boolean {
  // cdktf adds a LocalBackend to a stack without a backend while preparing it for synth.
  return stack.node.findAll().some(c => c instanceof TerraformBackend && !(c instanceof LocalBackend));
}
