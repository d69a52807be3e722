import * as fs from 'fs';
import type * as grpc from '@grpc/grpc-js';
import { decodeJson, decodeMsgpack, encodeMsgpack } from '../cty/codec';
import { AzureRefusal } from '../control-plane/model';
import type { BlockSchema, CtyType, ProviderSchema, ResourceSchema } from '../schema/model';
import { impliedType } from '../schema/implied-type';
import { toProtoBlock, toProtoSchema } from '../schema/to-proto';
import type { Plain, ResourceHandler } from '../providers/handler';
import type { ProviderDefinition } from './definition';
import { dataSourceUnknowns, fillUnknowns, planComputed, plainObject, replacePaths } from './walk';

interface DynamicValueMessage {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  summary: string;
  detail: string;
}

type Call = { request: Record<string, unknown> };

/** The tfplugin6 Provider service of one local provider, generic over its definition. */
export function providerService(def: ProviderDefinition, serializeSchema: (message: object) => Buffer): grpc.UntypedServiceImplementation {
  // Loaded on first use: a process Terraform starts only to read the schema may be answered from the serialized cache.
  let loaded: ProviderSchema | undefined;
  const schemaOf = (): ProviderSchema => (loaded ??= def.schema());
  let providerConfig: Plain = {};

  const resourceSchema = (type: string): ResourceSchema => {
    const schema = schemaOf();
    const s = schema.resources[type] ?? schema.dataSources[type];
    if (!s) throw new Error(`${def.name} emulator has no schema for ${type}`);
    return s;
  };
  const typeOf = (s: ResourceSchema): CtyType => impliedType(s.block);
  const decode = (dv: DynamicValueMessage | undefined, type: CtyType): Record<string, unknown> | null => {
    if (!dv) return null;
    if (dv.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type) as Record<string, unknown> | null;
    if (dv.json && dv.json.length > 0) return decodeJson(dv.json, type) as Record<string, unknown> | null;
    return null;
  };
  const encode = (value: unknown, type: CtyType): DynamicValueMessage => ({ msgpack: encodeMsgpack(value, type) });
  const handlerFor = (type: string): ResourceHandler => {
    const h = def.resources[type] ?? def.fallbackResource?.(type);
    if (!h) throw new Error(`${def.name} emulator cannot apply ${type}: no handler`);
    return h;
  };

  /** Wraps an RPC: any error becomes an error diagnostic (Terraform prints it with the resource's address). */
  const rpc = (
    name: string,
    body: (req: Record<string, unknown>) => Record<string, unknown>,
    diagnosticsField = 'diagnostics',
  ) => (call: Call, callback: grpc.sendUnaryData<Record<string, unknown>>) => {
    try {
      callback(null, body(call.request));
    } catch (e) {
      if (process.env.MLOPS_EMULATOR_DEBUG) process.stderr.write(`${def.name} ${name}: ${(e as Error).stack}\n`);
      callback(null, { [diagnosticsField]: [diagnosticOf(e)] });
    }
  };

  return {
    GetProviderSchema: (_call: Call, callback: grpc.sendUnaryData<Buffer>) => {
      try {
        callback(null, serializedSchema(def, schemaOf, serializeSchema));
      } catch (e) {
        callback({ code: 13, details: `${def.name} emulator: ${(e as Error).message}` } as grpc.ServiceError);
      }
    },
    ValidateProviderConfig: rpc('ValidateProviderConfig', () => ({ diagnostics: [] }), 'diagnostics'),
    ValidateResourceConfig: rpc('ValidateResourceConfig', () => ({ diagnostics: [] })),
    ValidateDataResourceConfig: rpc('ValidateDataResourceConfig', () => ({ diagnostics: [] })),
    ConfigureProvider: rpc('ConfigureProvider', req => {
      providerConfig = plainObject(decode(req.config as DynamicValueMessage, impliedType(schemaOf().provider)));
      return { diagnostics: [] };
    }),
    UpgradeResourceState: rpc('UpgradeResourceState', req => {
      const s = resourceSchema(req.type_name as string);
      const raw = req.raw_state as { json?: Uint8Array };
      const value = raw?.json ? decodeJson(raw.json, typeOf(s)) : null;
      return { upgraded_state: encode(value, typeOf(s)), diagnostics: [] };
    }),
    ReadResource: rpc('ReadResource', req => {
      const type = req.type_name as string;
      const s = resourceSchema(type);
      const current = decode(req.current_state as DynamicValueMessage, typeOf(s));
      const handler = handlerFor(type);
      if (!current || !handler.read) return { new_state: encode(current, typeOf(s)), private: req.private, diagnostics: [] };
      const found = def.withContext(providerConfig, ctx => handler.read!(ctx, plainObject(current)));
      return { new_state: encode(found === undefined ? null : current, typeOf(s)), private: req.private, diagnostics: [] };
    }),
    PlanResourceChange: rpc('PlanResourceChange', req => {
      const type = req.type_name as string;
      const s = resourceSchema(type);
      const t = typeOf(s);
      const prior = decode(req.prior_state as DynamicValueMessage, t);
      const proposed = decode(req.proposed_new_state as DynamicValueMessage, t);
      if (!proposed) return { planned_state: encode(null, t), requires_replace: [], diagnostics: [] };
      const requiresReplace = prior ? replacePaths(prior, proposed, s.block, def.replaceWhen?.[type]) : [];
      if (prior) {
        for (const name of def.replaceChecks?.(type, plainObject(prior), plainObject(proposed)) ?? []) requiresReplace.push([{ attribute_name: name }]);
      }
      const planned = planComputed(proposed, s.block, !prior || requiresReplace.length > 0);
      const problems = def.planChecks?.(type, plainObject(decode(req.config as DynamicValueMessage, t))) ?? [];
      if (problems.length > 0) {
        return { diagnostics: problems.map(detail => ({ severity: 'ERROR', summary: `${def.name} would refuse this plan`, detail })) };
      }
      return { planned_state: encode(planned, t), requires_replace: requiresReplace.map(steps => ({ steps })), planned_private: req.prior_private, diagnostics: [] };
    }),
    ApplyResourceChange: rpc('ApplyResourceChange', req => {
      const type = req.type_name as string;
      const s = resourceSchema(type);
      const t = typeOf(s);
      const prior = decode(req.prior_state as DynamicValueMessage, t);
      const planned = decode(req.planned_state as DynamicValueMessage, t);
      const handler = handlerFor(type);
      try {
        if (!planned) {
          def.withContext(providerConfig, ctx => handler.delete(ctx, plainObject(prior)));
          return { new_state: encode(null, t), diagnostics: [] };
        }
        const result = def.withContext(providerConfig, ctx =>
          prior ? handler.update(ctx, plainObject(prior), plainObject(planned)) : handler.create(ctx, plainObject(planned)),
        );
        return { new_state: encode(fillUnknowns(planned, result, t), t), private: req.planned_private, diagnostics: [] };
      } catch (e) {
        // Nothing changed in the emulated Azure: the state stays as it was (null for a failed create).
        return { new_state: encode(prior, t), diagnostics: [diagnosticOf(e)] };
      }
    }),
    ImportResourceState: rpc('ImportResourceState', req => {
      throw new Error(`the emulator does not import resources (asked to import ${req.type_name} ${req.id}); apply it from configuration instead`);
    }),
    ReadDataSource: rpc('ReadDataSource', req => {
      const type = req.type_name as string;
      const s = resourceSchema(type);
      const t = typeOf(s);
      const config = decode(req.config as DynamicValueMessage, t) ?? {};
      const handler = def.dataSources[type];
      if (!handler) throw new Error(`${def.name} emulator cannot read data source ${type}: no handler`);
      const result = def.withContext(providerConfig, ctx => handler.read(ctx, plainObject(config)));
      return { state: encode(fillUnknowns(dataSourceUnknowns(config, s.block as BlockSchema), result, t), t), diagnostics: [] };
    }),
    StopProvider: (_call: Call, callback: grpc.sendUnaryData<object>) => callback(null, { Error: '' }),
  };
}

/**
 * The GetProviderSchema answer, serialized: read from the definition's cache file when it has one (azurerm's takes
 * ~400 ms to build and encode), else built, encoded and cached there.
 */
function serializedSchema(def: ProviderDefinition, schemaOf: () => ProviderSchema, serialize: (message: object) => Buffer): Buffer {
  if (def.schemaCacheFile && fs.existsSync(def.schemaCacheFile)) return fs.readFileSync(def.schemaCacheFile);
  const schema = schemaOf();
  const bytes = serialize({
    provider: { version: 0, block: toProtoBlock(schema.provider) },
    resource_schemas: mapValues(schema.resources, toProtoSchema),
    data_source_schemas: mapValues(schema.dataSources, toProtoSchema),
    // Terraform then reuses the schema it already has for later processes of the same provider in one command,
    // instead of asking each again.
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false },
  });
  if (def.schemaCacheFile) {
    const tmp = `${def.schemaCacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, def.schemaCacheFile);
  }
  return bytes;
}

function mapValues<T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

function diagnosticOf(e: unknown): Diagnostic {
  if (e instanceof AzureRefusal) {
    return {
      severity: 'ERROR',
      summary: `Azure refused the request (emulated): ${e.status} ${e.code}`,
      detail: `${e.message}\n\nThe emulated control plane refuses this as Azure does; source: ${e.source}`,
    };
  }
  return { severity: 'ERROR', summary: 'terraform emulator error', detail: (e as Error)?.message ?? String(e) };
}
