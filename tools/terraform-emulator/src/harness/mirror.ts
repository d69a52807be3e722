import * as fs from 'fs';
import * as path from 'path';

/**
 * The local providers, installed the way Terraform installs providers offline: a filesystem mirror
 * (`<mirror>/<host>/<namespace>/<type>/<version>/<os_arch>/terraform-provider-<type>_v<version>`) named in a CLI
 * configuration file (`TF_CLI_CONFIG_FILE`). `dev_overrides` would not do: with it, `init` still asks the registry.
 * @see https://developer.hashicorp.com/terraform/cli/config/config-file#provider-installation
 */
export interface LocalProvider {
  /** The provider's name in the emulator (`node provider.js <name>`). */
  readonly name: string;
  /** The registry address the synthesized `required_providers` names, lowercased as Terraform normalises it. */
  readonly address: string;
  /** A version that meets the library's constraint. */
  readonly version: string;
}

/** azurerm `~> 4.55`, azapi `~> 2.12`, azuredevops `~> 1.16`: the constraints the library writes. */
export const LOCAL_PROVIDERS: readonly LocalProvider[] = [
  { name: 'azapi', address: 'registry.terraform.io/azure/azapi', version: '2.12.0' },
  { name: 'azurerm', address: 'registry.terraform.io/hashicorp/azurerm', version: '4.55.0' },
  { name: 'azuredevops', address: 'registry.terraform.io/microsoft/azuredevops', version: '1.16.0' },
];

/**
 * Where the compiled providers are: beside this file once compiled (build/terraform-emulator/tools/…/harness), or
 * in the build output when this file runs from its TypeScript source (tests under ts-jest).
 */
export const PROVIDER_ENTRY = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '..', '..', '..', '..', 'build', 'terraform-emulator', 'tools', 'terraform-emulator', 'src', 'bin', 'provider.js')
  : path.join(__dirname, '..', 'bin', 'provider.js');

/** Writes the mirror and the CLI configuration into `dir`; returns the configuration file's path. */
export function installLocalProviders(dir: string): string {
  if (!fs.existsSync(PROVIDER_ENTRY)) {
    throw new Error(`The local providers are not built (${PROVIDER_ENTRY} is missing): run \`npm run build:emulator\` first.`);
  }
  const mirror = path.join(dir, 'mirror');
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  for (const p of LOCAL_PROVIDERS) {
    const [host, namespace, type] = p.address.split('/');
    const folder = path.join(mirror, host, namespace, type, p.version, platform);
    fs.mkdirSync(folder, { recursive: true });
    const wrapper = path.join(folder, `terraform-provider-${type}_v${p.version}`);
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(PROVIDER_ENTRY)} ${p.name} "$@"\n`, { mode: 0o755 });
  }
  const config = path.join(dir, 'terraform.tfrc');
  fs.writeFileSync(
    config,
    [
      'provider_installation {',
      '  filesystem_mirror {',
      `    path    = ${JSON.stringify(mirror)}`,
      '    include = ["registry.terraform.io/*/*"]',
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  return config;
}
