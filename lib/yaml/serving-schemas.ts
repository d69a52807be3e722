/** The serving kinds' vendored schemas (lib/yaml/schemas), read once each. Not part of the jsii API. */
import * as fs from 'fs';
import * as path from 'path';
import { KindSchema } from './schema-check';

const cache = new Map<string, KindSchema>();

/** The schema `schemas/<name>.json` (copied next to the compiled module by scripts/copy-assets.js). */
export function loadSchema(name: string): KindSchema {
  let s = cache.get(name);
  if (!s) {
    s = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', `${name}.json`), 'utf8')) as KindSchema;
    cache.set(name, s);
  }
  return s;
}
