import * as fs from 'fs';
import * as path from 'path';
import { LocalBackend, TerraformBackend, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AzuredevopsBuildDefinition } from '../bindings/azuredevops/build-definition';
import { AzuredevopsCheckApproval } from '../bindings/azuredevops/check-approval';
import { AzuredevopsEnvironment } from '../bindings/azuredevops/environment';
import { AzuredevopsPipelineAuthorization } from '../bindings/azuredevops/pipeline-authorization';
import { AzuredevopsServiceendpointAzurerm } from '../bindings/azuredevops/serviceendpoint-azurerm';
import { AzuredevopsVariableGroup } from '../bindings/azuredevops/variable-group';
import { Validator } from '../core/validation';
import { IDevOpsProject } from './devops-project';
import { PipelineStackOptions, PipelineStageOptions, ResolvedStack, resolveStacks, resolveStages } from './model';
import { RenderInput, renderAzurePipelines, renderGitHubWorkflow } from './render';
import { DEFAULT_REVIEW_COMMAND } from './scripts';

export interface MlopsPipelinesProps {
  /** The Azure DevOps project and repository the pipeline is created in. */
  readonly project: IDevOpsProject;
  /** The deployment stages (dev, prod): one service connection, environment and variable group each. */
  readonly stages: PipelineStageOptions[];
  /** The app's stacks the pipeline plans and applies, with the stage each deploys to and their dependencies. */
  readonly stacks: PipelineStackOptions[];
  /** Name of the Azure DevOps pipeline (build definition). @default mlops */
  readonly pipelineName?: string;
  /** Repository-relative path of the generated Azure Pipelines file. @default azure-pipelines.yml */
  readonly azurePipelinesPath?: string;
  /** Repository-relative path of the generated GitHub Actions workflow. @default .github/workflows/mlops.yml */
  readonly gitHubWorkflowPath?: string;
  /** Node.js version the pipelines install (a NodeTool@0 version spec such as `20.x`). @default 20.x */
  readonly nodeVersion?: string;
  /** Hosted agent image. @default ubuntu-latest */
  readonly vmImage?: string;
  /**
   * Shell commands (bash) that print the pull request's review summary as Markdown to stdout; the pipeline attaches
   * it to the run (Azure Pipelines: build summary tab; GitHub: job summary). `MLOPS_BASE_REF` holds the target
   * branch. Runs after the synth, in the repository root.
   * @default - synthesizes the target branch in a git worktree and prints `diff -ru` of the two `cdktf.out/stacks`
   */
  readonly reviewCommand?: string;
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
}

/** The Azure DevOps resources of one deployment stage. `MlopsPipelines` creates one per stage. */
export class PipelineStage extends Construct {
  public readonly name: string;
  public readonly serviceConnection: AzuredevopsServiceendpointAzurerm;
  public readonly environment: AzuredevopsEnvironment;
  public readonly variableGroup: AzuredevopsVariableGroup;
  /** The approval check on the environment, when the stage has approvers. */
  public readonly approval?: AzuredevopsCheckApproval;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, id);
    const projectId = props.projectId;
    const v = new Validator(this, 'props for PipelineStage');
    const stage = resolveStages(v, [props]).get(props.name)!;
    v.throwIfAny();
    const o = stage.options;
    const a = o.azure;
    this.name = stage.name;
    this.serviceConnection = new AzuredevopsServiceendpointAzurerm(this, 'ServiceConnection', {
      projectId,
      serviceEndpointName: stage.serviceConnectionName,
      description: `Deploys the ${stage.name} stage (managed by cdktf-azure-mlops)`,
      // Workload identity federation: no secret is stored anywhere.
      serviceEndpointAuthenticationScheme: 'WorkloadIdentityFederation',
      azurermSpnTenantid: a.tenantId,
      azurermSubscriptionId: a.subscriptionId,
      azurermSubscriptionName: a.subscriptionId === undefined ? undefined : (a.subscriptionName ?? a.subscriptionId),
      resourceGroup: a.resourceGroupName,
      azurermManagementGroupId: a.managementGroupId,
      azurermManagementGroupName: a.managementGroupId === undefined ? undefined : (a.managementGroupName ?? a.managementGroupId),
      credentials: a.clientId === undefined ? undefined : { serviceprincipalid: a.clientId },
    });
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
    this.variableGroup = new AzuredevopsVariableGroup(this, 'VariableGroup', {
      projectId,
      name: stage.variableGroupName,
      description: `Variables of the ${stage.name} stage (managed by cdktf-azure-mlops)`,
      // Only the pipeline authorised below may read it.
      allowAccess: false,
      variable: Object.entries(stage.variables).map(([name, value]) => ({ name, value })),
    });
  }
}

/**
 * Azure DevOps pipelines for an app's stacks, provisioned as code, and the pipeline YAML generated from the same
 * model: Azure Pipelines (primary) and GitHub Actions.
 *
 * On pull requests: install, test, synth, review summary. On the main branch: for each stack in dependency order
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
    super(scope, id);
    const v = new Validator(this, 'props for MlopsPipelines');
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
    v.throwIfAny();
    this.stackOptions = stacks;

    const projectId = props.project.projectId;
    this.stages = [...stages.values()].map(s => new PipelineStage(this, `Stage-${s.name}`, { ...s.options, projectId }));

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
      authorize('EnvironmentAuthorization', 'environment', stage.environment.id);
      authorize('VariableGroupAuthorization', 'variablegroup', stage.variableGroup.id);
    }

    const checkGenerated = props.checkGeneratedFiles ?? true;
    this.input = {
      constructPath: this.node.path,
      mainBranch: props.project.defaultBranch,
      nodeVersion: props.nodeVersion ?? '20.x',
      vmImage: props.vmImage ?? 'ubuntu-latest',
      reviewCommand: props.reviewCommand ?? DEFAULT_REVIEW_COMMAND,
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
    }
    return v.toMessages();
  }
}

function hasBackend(stack: IConstruct): boolean {
  // cdktf adds a LocalBackend to a stack without a backend while preparing it for synth.
  return stack.node.findAll().some(c => c instanceof TerraformBackend && !(c instanceof LocalBackend));
}
