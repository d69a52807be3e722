/**
 * `yaml convert`: the TypeScript a file means, written with the constructs' public API, as a user would write it.
 * Each kind's emitter reads the same prepared document the loader reads. Not part of the jsii API.
 */
import * as path from 'path';
import { stringify as toYaml } from 'yaml';
import { YamlDocument } from './document';
import { YamlLoadOptions } from './options';
import { isLocalPath, prepare, stringMap, text } from './prepare';
import { parseDatastorePath } from './references';
import { kindSchema } from './schema-check';

/** A TypeScript literal for a JSON-like value. */
export function lit(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(value)) return `[${value.map(lit).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : lit(k)}: ${v instanceof Code ? v.text : lit(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** Code inside an object literal (not quoted). */
export class Code {
  constructor(public readonly text: string) {}
}

export function props(entries: { [k: string]: unknown }): string {
  return lit(Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)));
}

/** A local path as the converted program should write it: relative to the working directory it runs from. */
export function localPath(doc: YamlDocument, p: string): string {
  return path.relative(process.cwd(), doc.resolvePath(p)) || '.';
}

export function header(file: string, imports: string[], param: string, body: string[]): string {
  return [
    `// Converted from ${file} by \`cdktf-azure-mlops yaml convert\`.`,
    `import { ${[...new Set(imports)].sort().join(', ')} } from 'cdktf-azure-mlops';`,
    '',
    `export function declare(${param}) {`,
    ...body.map((l) => `  ${l}`),
    '}',
    '',
  ].join('\n');
}

function sourceOf(doc: YamlDocument, kind: 'Model' | 'Data' | 'Code', p: string, imports: string[]): Code {
  const cls = `${kind}Source`;
  imports.push(cls);
  if (isLocalPath(p)) return new Code(`${cls}.fromLocalPath(${lit(localPath(doc, p))}, { honourIgnoreFiles: true })`);
  const ds = parseDatastorePath(p);
  if (ds && kind !== 'Code') return new Code(`${cls}.fromDatastore(${lit(ds.datastore)}, ${lit(ds.path)})`);
  const job = /^azureml:\/\/jobs\/([^/]+)\/outputs\/([^/]+)(?:\/paths\/(.*))?$/.exec(p);
  if (job && kind === 'Model') {
    const jp = job[3]?.replace(/\/+$/, '');
    return new Code(`${cls}.fromJobOutput(${lit(job[1])}, ${props({ outputName: job[2], path: jp || undefined })})`);
  }
  return new Code(`${cls}.fromUri(${lit(p)})`);
}

/** The TypeScript for an asset file (model, environment, data, code). */
export function convertAsset(kind: 'model' | 'environment' | 'data' | 'code', file: string, options: YamlLoadOptions): string {
  const doc = prepare(file, kind, kindSchema(kind), options);
  const d = doc.data;
  const name = String(d.name);
  const version = text(d.version) ?? '1';
  const common = { description: text(d.description), tags: stringMap(d.tags), properties: stringMap(d.properties) };
  const imports = ['IWorkspace'];
  const body: string[] = [];
  if (version !== text(d.version)) body.push('// No `version` in the file: pinned to "1" (the CLI would auto-increment). Raise it when the content changes.');
  if (kind === 'model') {
    imports.push('Model');
    const type = d.type !== undefined ? String(d.type) : undefined;
    if (type) imports.push('ModelType');
    const stage = text(d.stage);
    if (stage) imports.push('ModelStage');
    body.push(`const model = Model.inWorkspace(workspace, ${lit(name)}, { name: ${lit(name)} });`);
    body.push(`return model.addVersion(${lit(version)}, ${props({
      source: sourceOf(doc, 'Model', String(d.path), imports),
      modelType: type ? new Code(`ModelType.${type.replace('_model', '').toUpperCase()}`) : undefined,
      ...common, stage: stage ? new Code(`ModelStage.${stage.toUpperCase()}`) : undefined,
    })});`);
  } else if (kind === 'environment') {
    imports.push('Environment', 'EnvironmentSource');
    const build = d.build as { path: string; dockerfile_path?: string } | undefined;
    const conda = d.conda_file;
    const source = build
      ? new Code(`EnvironmentSource.fromBuildContext(${lit(localPath(doc, build.path))}, ${props({ dockerfilePath: build.dockerfile_path, honourIgnoreFiles: true })})`)
      : new Code(`EnvironmentSource.fromImage(${lit(String(d.image))}${typeof conda === 'string' ? `, { condaFile: ${lit(localPath(doc, conda))} }`
        : conda !== undefined ? `, { condaSpecification: ${lit(toYaml(conda))} }` : ''})`);
    const ic = d.inference_config as { [k: string]: { path: string; port: number } } | undefined;
    if (String(d.os_type ?? 'linux').toLowerCase() === 'windows') imports.push('OperatingSystem');
    body.push(`const environment = Environment.inWorkspace(workspace, ${lit(name)}, { name: ${lit(name)} });`);
    body.push(`return environment.addVersion(${lit(version)}, ${props({
      source,
      operatingSystem: String(d.os_type ?? 'linux').toLowerCase() === 'windows' ? new Code('OperatingSystem.WINDOWS') : undefined,
      inferenceRoutes: ic ? { liveness: ic.liveness_route, readiness: ic.readiness_route, scoring: ic.scoring_route, startup: ic.startup_route } : undefined,
      ...common,
    })});`);
  } else if (kind === 'data') {
    imports.push('DataAsset', 'DataType');
    const type = String(d.type ?? 'uri_folder');
    body.push(`const data = DataAsset.inWorkspace(workspace, ${lit(name)}, { name: ${lit(name)}, dataType: DataType.${type.toUpperCase()} });`);
    body.push(`return data.addVersion(${lit(version)}, ${props({ source: sourceOf(doc, 'Data', String(d.path), imports), ...common })});`);
  } else {
    imports.push('CodeAsset');
    body.push(`const code = CodeAsset.inWorkspace(workspace, ${lit(name)}, { name: ${lit(name)} });`);
    body.push(`return code.addVersion(${lit(version)}, ${props({ source: sourceOf(doc, 'Code', String(d.path), imports), ...common })});`);
  }
  return header(file, imports, 'workspace: IWorkspace', body);
}
