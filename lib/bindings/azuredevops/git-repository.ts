// Binding for `azuredevops_git_repository`, mirroring microsoft/azuredevops v1.16.0 in the shape cdktf generates.
// Only the arguments this library uses are bound: no import credentials.
import { Construct } from 'constructs';
import * as cdktf from 'cdktf';
import { AZUREDEVOPS_GENERATOR_METADATA, argumentValidator, list, simple, withoutUndefined } from './shared';
import { resourceConfig } from '../meta-arguments';

/** The `initialization` block (exactly one). */
export interface AzuredevopsGitRepositoryInitialization {
  /** `Uninitialized`, `Clean` or `Import`. */
  readonly initType: string;
  /** `Git`; only with `Import`, paired with `sourceUrl`. */
  readonly sourceType?: string;
  /** An http(s) URL to import from; only with `Import`. */
  readonly sourceUrl?: string;
}

/** Arguments of an `azuredevops_git_repository`. */
export interface AzuredevopsGitRepositoryConfig extends cdktf.TerraformMetaArguments {
  /** Project id (or name); changing it replaces the repository. */
  readonly projectId: string;
  readonly name: string;
  readonly initialization: AzuredevopsGitRepositoryInitialization;
  /** Default branch ref, e.g. `refs/heads/main`. @default - chosen by Azure DevOps */
  readonly defaultBranch?: string;
}

function initializationToTerraform(s: AzuredevopsGitRepositoryInitialization): any {
  return {
    init_type: cdktf.stringToTerraform(s.initType),
    source_type: cdktf.stringToTerraform(s.sourceType),
    source_url: cdktf.stringToTerraform(s.sourceUrl),
  };
}

function initializationToHclTerraform(s: AzuredevopsGitRepositoryInitialization): any {
  return withoutUndefined({
    init_type: simple(cdktf.stringToHclTerraform(s.initType), 'string'),
    source_type: simple(cdktf.stringToHclTerraform(s.sourceType), 'string'),
    source_url: simple(cdktf.stringToHclTerraform(s.sourceUrl), 'string'),
  });
}

/**
 * Represents an {@link https://registry.terraform.io/providers/microsoft/azuredevops/1.16.0/docs/resources/git_repository azuredevops_git_repository}.
 */
export class AzuredevopsGitRepository extends cdktf.TerraformResource {
  public static readonly tfResourceType = 'azuredevops_git_repository';

  private readonly config: AzuredevopsGitRepositoryConfig;

  constructor(scope: Construct, id: string, config: AzuredevopsGitRepositoryConfig) {
    super(scope, id, resourceConfig('azuredevops_git_repository', AZUREDEVOPS_GENERATOR_METADATA, config));
    const v = argumentValidator(this, 'azuredevops_git_repository');
    const init = config.initialization;
    v.oneOf('initialization.initType', init.initType, ['Uninitialized', 'Clean', 'Import']);
    v.check((init.sourceType === undefined) === (init.sourceUrl === undefined), () => ({
      subject: 'initialization.sourceUrl', value: String(init.sourceUrl ?? '(not set)'),
      rule: 'must be set together with sourceType', fix: 'set both sourceType: "Git" and sourceUrl, or neither',
    }));
    v.check(init.sourceUrl === undefined || init.initType === 'Import', () => ({
      subject: 'initialization.initType', value: init.initType, rule: 'must be "Import" when sourceUrl is set',
      fix: 'use initType "Import" to import from sourceUrl, or drop sourceUrl',
    }));
    v.throwIfAny();
    this.config = config;
  }

  /** The repository GUID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  public get remoteUrl(): string {
    return this.getStringAttribute('remote_url');
  }

  public get webUrl(): string {
    return this.getStringAttribute('web_url');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      project_id: cdktf.stringToTerraform(c.projectId),
      name: cdktf.stringToTerraform(c.name),
      default_branch: cdktf.stringToTerraform(c.defaultBranch),
      initialization: initializationToTerraform(c.initialization),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const c = this.config;
    return withoutUndefined({
      project_id: simple(cdktf.stringToHclTerraform(c.projectId), 'string'),
      name: simple(cdktf.stringToHclTerraform(c.name), 'string'),
      default_branch: simple(cdktf.stringToHclTerraform(c.defaultBranch), 'string'),
      initialization: list([initializationToHclTerraform(c.initialization)], 'AzuredevopsGitRepositoryInitializationList', true),
    });
  }
}
