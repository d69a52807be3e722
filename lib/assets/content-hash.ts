/**
 * Content addressing for local files and folders: the SHA-256 that names an uploaded artifact's blob path, and the
 * per-file MD5 that `azurerm_storage_blob` checks.
 *
 * Not part of the jsii API. Hashes are cached per absolute path for the life of the process, keyed by size and
 * modification time, so a stack that points 1,000 versions at shared files reads each file once.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import ignore from 'ignore';

/** One file of a hashed local path. */
export interface HashedFile {
  /** Path relative to the hashed root, with `/` separators (for a single file: its base name). */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly sha256: string;
  /** Hex MD5, the form `azurerm_storage_blob.content_md5` takes. */
  readonly md5: string;
  readonly size: number;
}

/** A hashed local file or folder. */
export interface HashedPath {
  readonly absolutePath: string;
  readonly isDirectory: boolean;
  /** SHA-256 over the relative paths and contents of every file (so renames count as changes). */
  readonly sha256: string;
  /** The files, sorted by relative path. */
  readonly files: readonly HashedFile[];
}

interface CachedFile { readonly mtimeMs: number; readonly size: number; readonly sha256: string; readonly md5: string }

const fileCache = new Map<string, CachedFile>();

function hashFile(absolutePath: string, stat: fs.Stats): CachedFile {
  const cached = fileCache.get(absolutePath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  // One read feeds both digests.
  const bytes = fs.readFileSync(absolutePath);
  const entry = {
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    md5: crypto.createHash('md5').update(bytes).digest('hex'),
  };
  fileCache.set(absolutePath, entry);
  return entry;
}

/**
 * The ignore file the Azure ML CLI honours for a folder it uploads: `.amlignore` at the folder's root, else
 * `.gitignore` there; same syntax as git's (when both exist, `.amlignore` wins and `.gitignore` is not read)
 * (https://learn.microsoft.com/azure/machine-learning/how-to-save-write-experiment-files#storage-limits-of-experiment-snapshots).
 */
export function ignoreFileOf(root: string): string | undefined {
  for (const name of ['.amlignore', '.gitignore']) {
    const file = path.join(root, name);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

function listFiles(root: string, honourIgnoreFiles: boolean): string[] {
  const out: string[] = [];
  const ignoreFile = honourIgnoreFiles ? ignoreFileOf(root) : undefined;
  const ig = ignoreFile ? ignore().add(fs.readFileSync(ignoreFile, 'utf8')) : undefined;
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(dir, entry.name);
      // A directory is tested with a trailing slash, so `build/` patterns match it and its files are never read.
      if (ig?.ignores(entry.isDirectory() ? `${childRel}/` : childRel)) continue;
      if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile()) out.push(childRel);
      // Symlinks and special files are skipped: what is uploaded must be what is hashed.
    }
  };
  walk(root, '');
  return out.sort();
}

/**
 * Hashes a local file or folder. Throws a plain Error when the path does not exist: callers turn that into a
 * validation problem naming the path. With `honourIgnoreFiles`, a folder's files matched by its ignore file (see
 * {@link ignoreFileOf}) are left out, as the CLI leaves them out of an upload.
 */
export function hashLocalPath(localPath: string, honourIgnoreFiles = false): HashedPath {
  const absolutePath = path.resolve(localPath);
  const stat = fs.statSync(absolutePath);
  if (stat.isFile()) {
    const h = hashFile(absolutePath, stat);
    const relativePath = path.basename(absolutePath);
    const sha256 = crypto.createHash('sha256').update(`${relativePath}\0${h.sha256}\n`).digest('hex');
    return { absolutePath, isDirectory: false, sha256, files: [{ relativePath, absolutePath, sha256: h.sha256, md5: h.md5, size: h.size }] };
  }
  const files: HashedFile[] = listFiles(absolutePath, honourIgnoreFiles).map((relativePath) => {
    const abs = path.join(absolutePath, ...relativePath.split('/'));
    const h = hashFile(abs, fs.statSync(abs));
    return { relativePath, absolutePath: abs, sha256: h.sha256, md5: h.md5, size: h.size };
  });
  const digest = crypto.createHash('sha256');
  for (const f of files) digest.update(`${f.relativePath}\0${f.sha256}\n`);
  return { absolutePath, isDirectory: true, sha256: digest.digest('hex'), files };
}

/** Whether a local path exists (file or folder). */
export function localPathExists(localPath: string): boolean {
  return fs.existsSync(path.resolve(localPath));
}
