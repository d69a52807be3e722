// Validators for generated pipeline YAML, compiled from the vendored derived schemas (test/fixtures/schemas) so the
// tests pass without ../shared. Compile once per test file: the Azure Pipelines schema is the slow one.
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const SCHEMAS = path.join(__dirname, '..', 'fixtures', 'schemas');

function load(file: string): object {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8'));
}

/**
 * Azure Pipelines: `strict: false` because the schema uses custom keywords (`ignoreCase`, `aliases`, ...);
 * `unicodeRegExp: false` because one of its patterns does not compile under the `u` flag.
 */
export function azurePipelinesValidator(): ValidateFunction {
  return new Ajv({ strict: false, unicodeRegExp: false, allErrors: false }).compile(load('azure-pipelines.schema.json'));
}

export function gitHubWorkflowValidator(): ValidateFunction {
  return new Ajv({ strict: false }).compile(load('github-workflow.schema.json'));
}

/** Parses YAML 1.2 (so `on:` stays a string key) and returns the document. */
export function parseYaml(text: string): any {
  return parse(text);
}

/** The validation errors as short lines, for readable failures; empty when valid. */
export function schemaErrors(validate: ValidateFunction, doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 10).map(e => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
