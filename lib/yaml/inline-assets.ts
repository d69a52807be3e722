/**
 * A deployment's `model:`, `environment:` and `code_configuration.code:` — a reference to a version, or an inline
 * (anonymous) definition — as pinned versions. The CLI registers an inline definition as an anonymous asset with a
 * generated name and version; this library names it after its owner (`<owner>-model`, `<owner>-environment`,
 * `<owner>-code`, or the inline `name:` when given) and versions it by content (the first 12 hex digits of the
 * SHA-256 of what it is), so the same content is the same version in every plan and changed content is a new version
 * (never a changed released one). Not part of the jsii API.
 */
import * as crypto from 'crypto';
import { IConstruct } from 'constructs';
import { stringify as toYaml } from 'yaml';
import { hashLocalPath, localPathExists } from '../assets/content-hash';
import { IWorkspace } from '../workspace/workspace-base';
import { buildCodeVersion, buildEnvironmentVersion, buildModelVersion } from './asset-loaders';
import { KeyPath, YamlDocument } from './document';
import { YamlLoadError } from './errors';
import { pinReference, PinnedReference } from './pinning';
import { isLocalPath, text } from './prepare';
import { checkAgainstSchema, inlineSchema, kindSchema } from './schema-check';

/** What a deployment points at: a pinned version, declared in this app or not. */
export interface InlineResult {
  /** What the deployment body takes: ARM id (workspace) or `azureml://registries/...` URI. */
  readonly assetId: string;
  /** The construct when this app declares the version (inline, or referenced and declared). */
  readonly declared?: IConstruct;
  /** How a reference was pinned, when the value was a reference. */
  readonly pinned?: PinnedReference;
}

/** The version of an inline definition: its own `version:`, else its content's hash (12 hex digits). */
export function contentVersion(parts: readonly string[]): string {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(`${p}\0`);
  return h.digest('hex').slice(0, 12);
}

/** `<owner>-<kind>` as an asset name (letters, digits, `-`, `_`, starting with a letter or digit). */
export function anonymousName(owner: string, kind: string): string {
  return `${owner}-${kind}`.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 255);
}

function localIdentity(doc: YamlDocument, p: string): string {
  if (!isLocalPath(p)) return p;
  const abs = doc.resolvePath(p);
  return localPathExists(abs) ? hashLocalPath(abs, true).sha256 : abs; // a missing path is reported by the source
}

function checkInline(doc: YamlDocument, at: KeyPath, kind: string, data: unknown, what: string): void {
  const problems = checkAgainstSchema(doc, inlineSchema(kindSchema(kind)), data, at);
  if (problems.length > 0) throw new YamlLoadError(doc.file, what, problems);
}

/** The deployment's `model:` at `at`: a reference, or an inline model (versioned by content). */
export function inlineModel(doc: YamlDocument, at: KeyPath, workspace: IWorkspace, owner: string, what: string): InlineResult {
  const v = doc.get(at);
  if (typeof v === 'string') {
    const pinned = pinReference(doc, at, v, 'models', workspace, what);
    return { assetId: pinned.assetId, declared: pinned.declared, pinned };
  }
  checkInline(doc, at, 'model', v, what);
  const d = v as { [k: string]: unknown };
  const name = text(d.name) ?? anonymousName(owner, 'model');
  const version = text(d.version) ?? contentVersion(['model', String(d.type ?? 'custom_model'), localIdentity(doc, String(d.path))]);
  const mv = buildModelVersion(doc, at, d, what, { workspace }, name, () => version);
  return { assetId: mv.assetId, declared: mv };
}

/** The deployment's `environment:` at `at`: a reference, or an inline environment (versioned by content). */
export function inlineEnvironment(doc: YamlDocument, at: KeyPath, workspace: IWorkspace, owner: string, what: string): InlineResult {
  const v = doc.get(at);
  if (typeof v === 'string') {
    const pinned = pinReference(doc, at, v, 'environments', workspace, what);
    return { assetId: pinned.assetId, declared: pinned.declared, pinned };
  }
  checkInline(doc, at, 'environment', v, what);
  const d = v as { [k: string]: unknown };
  const build = d.build as { path?: string; dockerfile_path?: string } | undefined;
  const conda = d.conda_file;
  const name = text(d.name) ?? anonymousName(owner, 'environment');
  const version = text(d.version) ?? contentVersion(['environment', String(d.image ?? ''),
    typeof conda === 'string' ? localIdentity(doc, conda) : conda !== undefined ? toYaml(conda) : '',
    build?.path !== undefined ? localIdentity(doc, build.path) : '', build?.dockerfile_path ?? '',
    JSON.stringify(d.inference_config ?? null), String(d.os_type ?? 'linux')]);
  const ev = buildEnvironmentVersion(doc, at, d, what, { workspace }, name, () => version);
  return { assetId: ev.assetId, declared: ev };
}

/** The deployment's code at `at` (`code_configuration.code`): a reference, or a local folder / URI (versioned by content). */
export function inlineCode(doc: YamlDocument, at: KeyPath, workspace: IWorkspace, owner: string, what: string): InlineResult {
  const v = doc.get(at);
  if (typeof v !== 'string') {
    throw new YamlLoadError(doc.file, what, [doc.problem(at, 'must be a folder, a URI or an azureml: reference', 'write the folder holding the scoring script, e.g. `code: ../onlinescoring`')]);
  }
  if (/^azureml:(?!\/\/datastores)/.test(v)) {
    const pinned = pinReference(doc, at, v, 'codes', workspace, what);
    return { assetId: pinned.assetId, declared: pinned.declared, pinned };
  }
  const cv = buildCodeVersion(doc, at, { path: v }, what, workspace, anonymousName(owner, 'code'), () => contentVersion(['code', localIdentity(doc, v)]));
  return { assetId: cv.assetId, declared: cv };
}
