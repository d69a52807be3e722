/**
 * Uploads a local file or folder into a workspace's artifact store, content-addressed.
 *
 * Blob paths are `<kind>/<asset name>/<sha256[:16]>/<file or folder name>/...`: the same bytes always land on the same
 * path (and are declared once per asset, however many versions use them); changed bytes land on a new path, so a
 * released artifact is never overwritten. The files are copied into the synthesized stack as a `TerraformAsset`
 * (a path relative to the stack folder, identical on every machine), so `source` never changes between a laptop and
 * CI and never forces a blob to be replaced.
 *
 * Not part of the jsii API.
 */
import * as path from 'path';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { dependenciesWithin } from '../core/cross-stack';
import { renderValue } from '../core/errors';
import { Validator } from '../core/validation';
import { ArtifactStoreAttributes, IWorkspace } from '../workspace/workspace-base';
import { HashedPath, hashLocalPath, localPathExists } from './content-hash';

/** What an upload yields. */
export interface UploadedPath {
  readonly hashed: HashedPath;
  /** The blob prefix of the file or folder, e.g. `models/churn/1a2b3c4d5e6f7a8b/model`. */
  readonly blobPath: string;
  /** `azureml://datastores/<datastore>/paths/<blobPath>` */
  readonly datastoreUri: string;
  /** `https://<account>.blob.core.windows.net/<container>/<blobPath>` */
  readonly httpsUri: string;
  readonly blobs: readonly StorageBlob[];
}

/** Number of hex digits of the SHA-256 kept in blob paths: 64 bits, ample against accidental collisions. */
export const CONTENT_HASH_DIGITS = 16;

/**
 * The artifact store a local source uploads to; adds a problem when the workspace has none (`shown` is the source as
 * the user wrote it). Undefined when not in a workspace, or with a problem in `v`.
 */
export function artifactStoreFor(v: Validator, shown: string, workspace: IWorkspace | undefined): ArtifactStoreAttributes | undefined {
  const store = workspace?.artifactStore;
  v.check(workspace === undefined || store !== undefined, () => ({
    subject: 'source', value: shown,
    rule: `needs an artifact store to upload to, and workspace '${workspace!.node.path}' has none`,
    fix: 'use a workspace created by this library, or import it with Workspace.fromWorkspaceAttributes(..., { artifactStore: {...} })',
  }));
  return store;
}

/** Adds a problem when `localPath` does not exist, saying where relative paths resolve from. */
export function checkLocalPathExists(v: Validator, localPath: string, fix: string): void {
  // A relative path resolves from the working directory (the YAML loaders pass absolute paths, resolved from the file).
  const relative = typeof localPath === 'string' && !path.isAbsolute(localPath);
  v.check(localPathExists(localPath), () => ({
    subject: 'source', value: renderValue(localPath), rule: relative ? `does not exist (resolved from ${process.cwd()})` : 'does not exist',
    fix: relative ? `${fix}; relative paths resolve from the working directory` : fix,
  }));
}

const UPLOADS = new WeakMap<Construct, Map<string, UploadedPath>>();

/**
 * Declares the blobs for `localPath` under `host` (once per host and content), and returns where they are.
 * Throws a plain Error when the path does not exist.
 */
export function uploadLocalPath(host: Construct, store: ArtifactStoreAttributes, kind: string, assetName: string,
  localPath: string, honourIgnoreFiles = false): UploadedPath {
  let byPath = UPLOADS.get(host);
  if (!byPath) {
    byPath = new Map();
    UPLOADS.set(host, byPath);
  }
  const hashed = hashLocalPath(localPath, honourIgnoreFiles);
  const short = hashed.sha256.slice(0, CONTENT_HASH_DIGITS);
  const key = `${kind}|${short}|${path.basename(hashed.absolutePath)}`;
  const existing = byPath.get(key);
  if (existing) return existing;

  const leaf = path.basename(hashed.absolutePath);
  const blobPath = `${kind}/${assetName}/${short}/${leaf}`;
  const scope = new Construct(host, `Upload-${short}`);
  const asset = new TerraformAsset(scope, 'Files', {
    path: hashed.absolutePath,
    type: hashed.isDirectory ? AssetType.DIRECTORY : AssetType.FILE,
    // Our own content hash: cdktf would otherwise hash every file a second time.
    assetHash: hashed.sha256.slice(0, 32),
  });
  const ids = new Set<string>();
  const blobs = hashed.files.map((f) => new StorageBlob(scope, blobId(f.relativePath, ids), {
    name: hashed.isDirectory ? `${blobPath}/${f.relativePath}` : blobPath,
    storageAccountName: store.storageAccountName,
    storageContainerName: store.containerName,
    type: 'Block',
    source: hashed.isDirectory ? `${asset.path.replace(/\/$/, '')}/${f.relativePath}` : asset.path,
    // A changed file under the same name would otherwise be overwritten in place; with the hash it is replaced.
    contentMd5: f.md5,
    metadata: { mlops_sha256: f.sha256 },
    // The container is named by its name, not referenced: without this, Terraform writes blobs into a container
    // that the same apply has not created yet (404 ParentResourceNotFound).
    dependsOn: dependenciesWithin(scope, [store.container]),
  }));
  const uploaded: UploadedPath = {
    hashed,
    blobPath,
    datastoreUri: `azureml://datastores/${store.datastoreName}/paths/${blobPath}`,
    httpsUri: `https://${store.storageAccountName}.blob.core.windows.net/${store.containerName}/${blobPath}`,
    blobs,
  };
  byPath.set(key, uploaded);
  return uploaded;
}

function blobId(relativePath: string, taken: Set<string>): string {
  // Construct ids may not contain "/"; keep them readable. The scope is content-addressed, so a suffix added to
  // tell two sanitized names apart is stable too.
  const base = `Blob-${relativePath.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}
