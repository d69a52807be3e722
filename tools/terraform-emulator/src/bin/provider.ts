#!/usr/bin/env node
/**
 * Entry point of the local providers: `node provider.js <azapi|azurerm|azuredevops>`, started by Terraform through
 * the wrapper scripts that harness/mirror.ts writes into the filesystem mirror.
 */
import * as path from 'path';
import { providerServiceDefinition, servePlugin } from '../plugin/serve';
import { providerService } from '../provider/server';
import { providerDefinition } from '../providers/definitions';

const name = process.argv[2];
const state = process.env.MLOPS_EMULATOR_STATE;
const serializeSchema = providerServiceDefinition().GetProviderSchema.responseSerialize as (m: object) => Buffer;
servePlugin(providerService(providerDefinition(name), serializeSchema), state ? path.dirname(state) : undefined).catch(e => {
  process.stderr.write(`terraform-provider-${name} (emulator) failed to start: ${(e as Error).stack}\n`);
  process.exit(1);
});
