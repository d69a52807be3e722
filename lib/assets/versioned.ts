/**
 * The azapi resources behind every asset container and version, built one way: pinned api-version, explicit values,
 * content identity as a replace trigger, `prevent_destroy` where a deletion cannot be undone. Not part of the jsii API.
 */
import { ITerraformDependable, TerraformResourceLifecycle } from 'cdktf';
import { Construct } from 'constructs';
import { mlType } from '../core/api-versions';
import { AzapiResource } from '../bindings/azapi/resource';
import { AssetTarget } from './asset-target';
import { VersionLock } from './version-lock';

/** ML asset kinds, as they appear in resource types and `azureml://` URIs. */
export type AssetKind = 'models' | 'environments' | 'data' | 'codes';

export function lifecycleFor(preventDestroy: boolean): TerraformResourceLifecycle | undefined {
  return preventDestroy ? { preventDestroy: true } : undefined;
}

/** Declares a container (`<workspaces|registries>/<kind>`). */
export function createContainer(scope: Construct, target: AssetTarget, kind: AssetKind, name: string,
  properties: { [key: string]: any }, preventDestroy: boolean): AzapiResource {
  return new AzapiResource(scope, 'Resource', {
    type: mlType(`${target.typePrefix}/${kind}`),
    name,
    parentId: target.parentId,
    body: { properties },
    lifecycle: lifecycleFor(preventDestroy),
    dependsOn: target.dependable ? [target.dependable] : undefined,
  });
}

export interface VersionResourceSpec {
  readonly target: AssetTarget;
  readonly kind: AssetKind;
  readonly name: string;
  readonly version: string;
  readonly containerId: string;
  readonly properties: { [key: string]: any };
  /** What makes the version what it is (content hash or URI, type): a replace trigger and the lock-file entry. */
  readonly identity: { [key: string]: string };
  readonly preventDestroy: boolean;
  readonly dependsOn: ITerraformDependable[];
}

/** The lock-file key of a version: `<workspace|registry>:<name>/<kind>/<asset>/<version>`. */
export function versionKey(target: AssetTarget, kind: AssetKind, name: string, version: string): string {
  return `${target.key}/${kind}/${name}/${version}`;
}

/** Declares a version (`<workspaces|registries>/<kind>/versions`) and records its identity in the stack's lock. */
export function createVersion(scope: Construct, spec: VersionResourceSpec): AzapiResource {
  VersionLock.of(scope)?.record(scope, versionKey(spec.target, spec.kind, spec.name, spec.version), spec.identity);
  return new AzapiResource(scope, 'Resource', {
    type: mlType(`${spec.target.typePrefix}/${spec.kind}/versions`),
    name: spec.version,
    parentId: spec.containerId,
    body: { properties: spec.properties },
    // A version is immutable in Azure: a change of identity must show as a replacement in the plan (and fail it
    // where prevent_destroy holds), never as an in-place update.
    replaceTriggersExternalValues: { identity: spec.identity },
    lifecycle: lifecycleFor(spec.preventDestroy),
    dependsOn: spec.dependsOn.length > 0 ? spec.dependsOn : undefined,
  });
}

/** The `properties` keys shared by every version: description, tags, property bag, archive state. */
export function baseVersionProperties(description: string | undefined, tags: { [key: string]: string },
  properties: { [key: string]: string }, archived: boolean): { [key: string]: any } {
  return {
    ...(description !== undefined ? { description } : {}),
    tags,
    properties,
    isArchived: archived,
    isAnonymous: false,
  };
}
