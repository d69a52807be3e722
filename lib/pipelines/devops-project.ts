import { IConstruct, Construct } from 'constructs';
import { AzuredevopsGitRepository } from '../bindings/azuredevops/git-repository';
import { AzuredevopsProject, DataAzuredevopsProject } from '../bindings/azuredevops/project';
import { Validator } from '../core/validation';
import { checkShape, childId } from '../core/shape';
import { DEVOPS_PROJECT_PROPS } from './shapes';

/** An Azure DevOps project and the Azure Repos Git repository that holds the app, created or existing. */
export interface IDevOpsProject extends IConstruct {
  /** The project GUID (a token when the project is created or looked up). */
  readonly projectId: string;
  readonly projectName: string;
  /** The repository GUID. */
  readonly repositoryId: string;
  /** The branch that deploys, without `refs/heads/`, e.g. `main`. */
  readonly defaultBranch: string;
}

/** Props of a `DevOpsProject`: the Azure DevOps project and the repository that holds the pipelines. */
export interface DevOpsProjectProps {
  /** Name of the Azure DevOps project. */
  readonly projectName: string;
  /**
   * Use the existing project of this name (looked up with `data.azuredevops_project`) rather than creating one.
   * @default false - the project is created, private, with Git version control
   */
  readonly existingProject?: boolean;
  /** Description of a created project. @default - none */
  readonly description?: string;
  /** Name of the repository to create. @default - the project name */
  readonly repositoryName?: string;
  /**
   * GUID of an existing Azure Repos Git repository to use rather than creating one.
   * @default - a repository is created, initialised empty with `defaultBranch`
   */
  readonly existingRepositoryId?: string;
  /** The branch that deploys, without `refs/heads/`. @default main */
  readonly defaultBranch?: string;
}

/**
 * The Azure DevOps project and repository an app's pipelines live in.
 *
 * ```ts
 * const project = new DevOpsProject(stack, 'Project', { projectName: 'mlops' });
 * ```
 */
export class DevOpsProject extends Construct implements IDevOpsProject {
  public readonly projectId: string;
  public readonly projectName: string;
  public readonly repositoryId: string;
  public readonly defaultBranch: string;

  constructor(scope: Construct, id: string, props: DevOpsProjectProps) {
    super(scope, childId(scope, id, 'DevOpsProject'));
    checkShape(this, 'props for DevOpsProject', props, DEVOPS_PROJECT_PROPS);
    const v = new Validator(this, 'props for DevOpsProject');
    v.required('projectName', props.projectName?.trim(), 'give the Azure DevOps project name');
    v.check(!(props.repositoryName !== undefined && props.existingRepositoryId !== undefined), () => ({
      subject: 'repositoryName', value: JSON.stringify(props.repositoryName),
      rule: 'conflicts with existingRepositoryId', fix: 'give repositoryName to create a repository, or existingRepositoryId to use one',
    }));
    v.matches('defaultBranch', props.defaultBranch, /^(?!refs\/)[^\s~^:?*[\\]+$/, 'must be a branch name without refs/heads/',
      `write it as ${JSON.stringify(props.defaultBranch?.replace(/^refs\/heads\//, ''))}`);
    v.throwIfAny();

    this.projectName = props.projectName;
    this.defaultBranch = props.defaultBranch ?? 'main';
    this.projectId = props.existingProject
      ? new DataAzuredevopsProject(this, 'Project', { name: props.projectName }).id
      : new AzuredevopsProject(this, 'Project', {
        name: props.projectName, description: props.description, visibility: 'private', versionControl: 'Git',
      }).id;
    this.repositoryId = props.existingRepositoryId ?? new AzuredevopsGitRepository(this, 'Repository', {
      projectId: this.projectId,
      name: props.repositoryName ?? props.projectName,
      defaultBranch: `refs/heads/${this.defaultBranch}`,
      initialization: { initType: 'Clean' },
    }).id;
  }
}
