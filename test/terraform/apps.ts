import { App, TerraformStack } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { ModelType } from '../../lib/assets/asset-refs';
import { Model, ModelVersion } from '../../lib/assets/model';
import { ModelSource } from '../../lib/assets/model-source';
import { VersionLock, VersionLockMode } from '../../lib/assets/version-lock';
import { MlopsProviders } from '../../lib/core';
import { DeploymentModel, OnlineDeployment, OnlineEndpoint, Traffic } from '../../lib/serving';
import { Protection, Workspace } from '../../lib/workspace';

/**
 * Test apps for the scenario tests: small, parameterised serving estates built with the library, so that each step of
 * a scenario is "change one prop, re-synthesize, plan and apply against the same state".
 */

/** One model version of the `churn` model, from a training job's output. */
export interface VersionSpec {
  readonly version: string;
  /** The job whose output holds the model; changing it changes the version's content. @default `train-churn-<version>` */
  readonly job?: string;
  /** The path inside the job output. @default 'model' */
  readonly path?: string;
}

/** One online deployment, serving one of the versions. */
export interface DeploymentSpec {
  readonly name: string;
  readonly version: string;
  readonly retired?: boolean;
}

export interface ServingAppOptions {
  /** The stack name (the emulator's stack working directory is named after it). @default 'serving' */
  readonly stackName?: string;
  /** The workspace construct's id: renaming it is scenario 7. @default 'Workspace' */
  readonly workspaceId?: string;
  readonly versions: VersionSpec[];
  readonly deployments: DeploymentSpec[];
  /** Live traffic by deployment name. @default - none */
  readonly traffic?: { [deployment: string]: number };
  /** Mirror traffic: one deployment and a percentage. @default - none */
  readonly mirror?: { readonly to: string; readonly percent: number };
  /** @default Protection.DEVELOPMENT - so that a scenario can also destroy */
  readonly protection?: Protection;
  /** A production endpoint protects live deployments and the versions they serve with prevent_destroy. @default false */
  readonly production?: boolean;
  /** A version lock file (UPDATE mode: new versions are recorded, changed ones fail synth). @default - no lock */
  readonly versionLockFile?: string;
}

/**
 * A resource group, a workspace (with its storage, Key Vault, ACR, Log Analytics and App Insights), the `churn` model
 * with the given versions, and the online endpoint `churn-scn` with the given deployments, traffic and mirror.
 * The workspace keeps the library's defaults (managed network, provisioned before the first deployment; private
 * registry), with `imageBuildCompute` named because these apps have no compute cluster of their own.
 */
export function buildServingApp(options: ServingAppOptions): (app: App) => void {
  return app => {
    const stack = new TerraformStack(app, options.stackName ?? 'serving');
    MlopsProviders.configure(stack);
    if (options.versionLockFile) VersionLock.configure(stack, { path: options.versionLockFile, mode: VersionLockMode.UPDATE });
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-churn-scn', location: 'westeurope' });
    const workspace = new Workspace(stack, options.workspaceId ?? 'Workspace', {
      resourceGroup: rg,
      prefix: 'churn',
      environment: 'scn',
      protection: options.protection ?? Protection.DEVELOPMENT,
      // The container registry is private, so Azure builds deployment images on a compute; the emulator checks only
      // that one is named (the cluster itself is not part of these apps).
      imageBuildCompute: 'image-builder',
    });

    const churn = Model.inWorkspace(workspace, 'churn');
    const versions = new Map<string, ModelVersion>();
    for (const v of options.versions) {
      versions.set(v.version, churn.addVersion(v.version, {
        source: ModelSource.fromJobOutput(v.job ?? `train-churn-${v.version}`, { path: v.path ?? 'model' }),
        modelType: ModelType.MLFLOW,
      }));
    }

    const endpoint = new OnlineEndpoint(stack, 'Endpoint', {
      workspace,
      endpointName: 'churn-scn',
      production: options.production ?? false,
    });
    const deployments = new Map<string, OnlineDeployment>();
    for (const d of options.deployments) {
      const version = versions.get(d.version);
      if (!version) throw new Error(`test app: deployment ${d.name} serves version ${d.version}, which the app does not declare`);
      deployments.set(d.name, endpoint.addDeployment(d.name, {
        model: DeploymentModel.fromModelVersion(version),
        instanceCount: options.production ? 3 : 1,
        retired: d.retired,
      }));
    }
    if (options.traffic) endpoint.routeTraffic(Traffic.split(options.traffic));
    if (options.mirror) endpoint.mirror(deployments.get(options.mirror.to)!, options.mirror.percent);
  };
}

/** The base estate of the scenarios: versions 3, 4 and 5; blue (v3) and green (v4) at 90/10; shadow (v5) mirrored 20 %. */
export const BASE: ServingAppOptions = {
  versions: [{ version: '3' }, { version: '4' }, { version: '5' }],
  deployments: [{ name: 'blue', version: '3' }, { name: 'green', version: '4' }, { name: 'shadow', version: '5' }],
  traffic: { blue: 90, green: 10, shadow: 0 },
  mirror: { to: 'shadow', percent: 20 },
};
