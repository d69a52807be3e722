// `cdktf-azure-mlops yaml check|convert`: the command line of the YAML loaders. Internal: not jsii API.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { AnnotationMetadataEntryType, App, Aspects, TerraformStack } from 'cdktf';
import { MlopsProviders } from '../core/providers';
import { Registry } from '../registry/registry';
import { IRegistry } from '../registry/registry-base';
import { AzapiSchemaValidation } from '../validation/azapi-schema-validation';
import { Workspace } from '../workspace/workspace';
import { IWorkspace } from '../workspace/workspace-base';
import { ASSET_YAML_KINDS } from './asset-kinds';
import { YamlDocument } from './document';
import { MlopsValidationError } from '../core/errors';
import { detectKind, ScratchContext, YamlKind } from './kinds';
import { YamlLoadOptions } from './options';
import { SERVING_YAML_KINDS } from './serving-kinds';

/** Every kind the command knows, in detection order. */
export function yamlKinds(): YamlKind[] {
  return [...ASSET_YAML_KINDS, ...SERVING_YAML_KINDS];
}

const USAGE = `Usage: cdktf-azure-mlops yaml check <files...> [--set key=value]... [--cli-defaults]
       cdktf-azure-mlops yaml convert <file> [--set key=value]...

check    loads each Azure ML CLI v2 YAML file into a scratch app (an imported workspace, registry and compute
         unless the file defines them), synthesizes it and validates every azapi body against Azure's resource
         types; prints "ok <file>" or "error <file>: <message>" per file, then "N ok, M failed".
convert  prints the TypeScript that declares what the file declares.

Options:
  --set key=value   a value the file leaves to the command line, as az ml ... --set (repeatable; applies to every file)
  --name <name>     as az ml ... --name
  --version <v>     as az ml ... --version
  --cli-defaults    keep the CLI's defaults where this library's are more secure (public access, egress)
  -h, --help        this text

Exit status: 0 every file loaded; 1 a file failed; 2 usage error.`;

/** The scratch subscription and resource group of `check`. */
export const SCRATCH_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const SCRATCH_RG = `/subscriptions/${SCRATCH_SUBSCRIPTION}/resourceGroups/rg-yaml-check`;

/** Runs the command; returns the exit status. */
export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        'set': { type: 'string', multiple: true, default: [] },
        'name': { type: 'string' },
        'version': { type: 'string' },
        'cli-defaults': { type: 'boolean', default: false },
        'help': { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const [group, command, ...files] = positionals;
  if (group !== 'yaml' || (command !== 'check' && command !== 'convert') || files.length === 0 || (command === 'convert' && files.length > 1)) {
    err(`${group !== 'yaml' ? `Unknown command: ${group ?? '(none)'}` : command !== 'check' && command !== 'convert'
      ? `Unknown yaml command: ${command ?? '(none)'}` : files.length === 0 ? 'No file given' : 'convert takes one file'}\n\n${USAGE}\n`);
    return 2;
  }
  const set: { [k: string]: string } = {};
  for (const kv of values.set as string[]) {
    const i = kv.indexOf('=');
    if (i <= 0) {
      err(`--set ${kv}: expected key=value\n\n${USAGE}\n`);
      return 2;
    }
    set[kv.slice(0, i)] = kv.slice(i + 1);
  }
  const options: YamlLoadOptions = { set, name: values.name, version: values.version, cliDefaults: values['cli-defaults'] };
  if (command === 'convert') {
    try {
      out(kindOf(files[0]).convert(files[0], options));
      return 0;
    } catch (e) {
      err(`error ${files[0]}: ${messageOf(e)}\n`);
      return 1;
    }
  }
  let ok = 0;
  for (const file of files) {
    const problem = checkFile(file, options);
    if (problem === undefined) {
      ok++;
      out(`ok ${file}\n`);
    } else {
      out(`error ${file}: ${problem.replace(/\n/g, '\n  ')}\n`);
    }
  }
  out(`${ok} ok, ${files.length - ok} failed\n`);
  return ok === files.length ? 0 : 1;
}

function kindOf(file: string): YamlKind {
  const doc = YamlDocument.load(file);
  const kind = detectKind(yamlKinds(), doc.data);
  if (!kind) {
    const known = yamlKinds().map((k) => k.kind).join(', ');
    throw new MlopsValidationError(file, 'CLI v2 YAML', [{
      subject: '$schema', value: JSON.stringify(doc.data.$schema ?? '(not set)'), rule: `is not a kind this command knows (${known})`,
      fix: 'add the $schema line the CLI reference gives for the file\'s kind, e.g. $schema: https://azuremlschemas.azureedge.net/latest/model.schema.json',
    }]);
  }
  return kind;
}

function messageOf(e: unknown): string {
  if (e instanceof MlopsValidationError) return e.message;
  // cdktf's validation failure: keep its list, drop its stack.
  return String((e as Error).message ?? e).split('\n    at ')[0];
}

/** Loads and synthesizes one file; undefined when it is fine, else the message. */
export function checkFile(file: string, options: YamlLoadOptions = {}): string | undefined {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-yaml-check-'));
  try {
    const kind = kindOf(file);
    const app = new App({ outdir, skipValidation: false });
    const stack = new TerraformStack(app, 'yaml-check');
    MlopsProviders.configure(stack, { subscriptionId: SCRATCH_SUBSCRIPTION });
    kind.load(scratchContext(stack), file, options);
    Aspects.of(stack).add(new AzapiSchemaValidation());
    app.synth();
    const errors = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === AnnotationMetadataEntryType.ERROR).map((m) => String(m.data));
    return errors.length > 0 ? errors.join('\n') : undefined;
  } catch (e) {
    return messageOf(e);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The scratch app's parents: created on first use, once. */
export function scratchContext(stack: TerraformStack): ScratchContext {
  let workspace: IWorkspace | undefined;
  const registries = new Map<string, IRegistry>();
  const wsId = `${SCRATCH_RG}/providers/Microsoft.MachineLearningServices/workspaces/mlw-yaml-check`;
  return {
    stack,
    resourceGroupId: SCRATCH_RG,
    location: 'westeurope',
    placeholderIdentity: {
      identityId: `${SCRATCH_RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-yaml-check`,
      principalId: '00000000-0000-0000-0000-000000000001',
    },
    workspace() {
      workspace ??= Workspace.fromWorkspaceAttributes(stack, 'ScratchWorkspace', {
        workspaceId: wsId, location: 'westeurope',
        storageAccountId: `${SCRATCH_RG}/providers/Microsoft.Storage/storageAccounts/styamlcheck`,
        containerRegistryId: `${SCRATCH_RG}/providers/Microsoft.ContainerRegistry/registries/cryamlcheck`,
        artifactStore: {
          storageAccountId: `${SCRATCH_RG}/providers/Microsoft.Storage/storageAccounts/styamlcheck`,
          storageAccountName: 'styamlcheck', containerName: 'model-artifacts', datastoreName: 'model_artifacts',
        },
      });
      return workspace;
    },
    registry(name: string) {
      let r = registries.get(name);
      if (!r) {
        r = Registry.fromRegistryName(stack, `ScratchRegistry-${name}`, name, SCRATCH_RG, 'westeurope');
        registries.set(name, r);
      }
      return r;
    },
    computeId(name: string) {
      return `${wsId}/computes/${name}`;
    },
  };
}
