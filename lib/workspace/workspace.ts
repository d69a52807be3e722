import { Construct } from 'constructs';
import { ImportedWorkspace } from './imported-workspace';
import { IWorkspace, WorkspaceAttributes } from './workspace-base';

/**
 * An Azure ML workspace. (The creating construct is being built in the workspace issue; importers work now.)
 */
export class Workspace {
  /** References an existing workspace by ARM id. */
  public static fromWorkspaceId(scope: Construct, id: string, workspaceId: string, location: string): IWorkspace {
    return new ImportedWorkspace(scope, id, { workspaceId, location });
  }

  /** References an existing workspace with everything known about it. */
  public static fromWorkspaceAttributes(scope: Construct, id: string, attrs: WorkspaceAttributes): IWorkspace {
    return new ImportedWorkspace(scope, id, attrs);
  }
}
