import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { cachedCertificate } from './certificate';

/**
 * go-plugin's handshake, as Terraform drives it: it starts the provider with a magic cookie and the client's
 * certificate in the environment, and reads one line from stdout,
 * `CORE-PROTOCOL-VERSION|APP-PROTOCOL-VERSION|NETWORK|ADDRESS|PROTOCOL|SERVER-CERT`.
 * @see https://github.com/hashicorp/go-plugin/blob/main/docs/internals.md
 */
const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const CORE_PROTOCOL_VERSION = 1;
const APP_PROTOCOL_VERSION = 6;

// tools/terraform-emulator/proto, from src/plugin as from its compiled copy (scripts/build-emulator.js copies it).
const PROTO_DIR = path.join(__dirname, '..', '..', 'proto');
const LOADER_OPTIONS: protoLoader.Options = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true };

const loadedProtos = new Map<string, grpc.GrpcObject>();

/** Loads one of the protocol files shipped beside the compiled providers (parsed once per process). */
export function loadProto(file: string): grpc.GrpcObject {
  let loaded = loadedProtos.get(file);
  if (!loaded) {
    loaded = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(PROTO_DIR, file), LOADER_OPTIONS));
    loadedProtos.set(file, loaded);
  }
  return loaded;
}

/** The tfplugin6 Provider service, as @grpc/proto-loader defines it. */
export function providerServiceDefinition(): grpc.ServiceDefinition {
  const tfplugin6 = loadProto('tfplugin6.proto').tfplugin6 as grpc.GrpcObject;
  return (tfplugin6.Provider as grpc.ServiceClientConstructor).service;
}

/**
 * Serves `implementation` as a tfplugin6 provider over go-plugin, the way Terraform expects; resolves once listening.
 * A GetProviderSchema answer may be given already serialized (a Buffer), so a large schema is encoded once, not per
 * process.
 */
export async function servePlugin(implementation: grpc.UntypedServiceImplementation, certificateDir?: string): Promise<void> {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write('This is a Terraform provider plugin (the cdktf-azure-mlops emulator): Terraform starts it; it is not run by hand.\n');
    process.exit(1);
  }
  const versions = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? '').split(',');
  if (!versions.includes(String(APP_PROTOCOL_VERSION))) {
    process.stderr.write(`Terraform offers plugin protocol ${versions.join(',')}; this provider speaks ${APP_PROTOCOL_VERSION} only.\n`);
    process.exit(1);
  }
  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  if (!clientCert) {
    process.stderr.write('PLUGIN_CLIENT_CERT is not set: Terraform 1.11 always sends it (automatic mTLS).\n');
    process.exit(1);
  }

  const server = new grpc.Server();
  const service = providerServiceDefinition();
  const schemaMethod = service.GetProviderSchema;
  const serialize = schemaMethod.responseSerialize;
  server.addService({ ...service, GetProviderSchema: { ...schemaMethod, responseSerialize: (v: unknown) => (Buffer.isBuffer(v) ? v : serialize(v)) } }, implementation);
  addGoPluginServices(server, () => {
    // Let the reply go out before the process exits.
    setImmediate(() => server.tryShutdown(() => process.exit(0)));
  });

  const certificate = cachedCertificate(certificateDir);
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCert),
    [{ cert_chain: Buffer.from(certificate.certPem), private_key: Buffer.from(certificate.keyPem) }],
    true,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (err, p) => (err ? reject(err) : resolve(p))),
  );
  const der = certificate.certDer.toString('base64').replace(/=+$/, '');
  process.stdout.write(`${CORE_PROTOCOL_VERSION}|${APP_PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${der}\n`);
}

function addGoPluginServices(server: grpc.Server, onShutdown: () => void): void {
  const plugin = loadProto('go-plugin.proto').plugin as grpc.GrpcObject;
  server.addService((plugin.GRPCController as grpc.ServiceClientConstructor).service, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<object>) => {
      callback(null, {});
      onShutdown();
    },
  });
  // Terraform reads provider logs from this stream; ours go to stderr, so the stream stays open and empty.
  server.addService((plugin.GRPCStdio as grpc.ServiceClientConstructor).service, {
    StreamStdio: () => undefined,
  });
  const health = (((loadProto('health.proto').grpc as grpc.GrpcObject).health as grpc.GrpcObject).v1 as grpc.GrpcObject);
  server.addService((health.Health as grpc.ServiceClientConstructor).service, {
    Check: (_call: unknown, callback: grpc.sendUnaryData<object>) => callback(null, { status: 'SERVING' }),
  });
}
