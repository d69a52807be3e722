/**
 * The CLI reads its enum values case-insensitively (azure-ai-ml's StringTransformedEnum lower-cases before it
 * compares), so `auth_mode: Key` is `key`. The schemas list the documented lower-case spellings; this folds what a
 * file wrote into them, as `--set` overrides applied before the check (a `--set` the user passes still wins).
 * Not part of the jsii API.
 */
import { YamlDocument } from './document';
import { YamlLoadOptions } from './options';

const ENUM_KEYS = [
  'auth_mode', 'public_network_access', 'egress_public_network_access', 'type', 'identity.type', 'scale_settings.type',
  'settings.output_action', 'settings.logging_level', 'output_action', 'logging_level', 'data_collector.rolling_rate',
];

/** `options` with the file's enum values folded to lower case. */
export function withCaseFoldedEnums(file: string, options: YamlLoadOptions): YamlLoadOptions {
  let doc: YamlDocument;
  try {
    doc = YamlDocument.load(file);
  } catch {
    return options; // prepare() reports the file's syntax error itself
  }
  const set: { [k: string]: string } = {};
  for (const key of ENUM_KEYS) {
    const v = doc.get(key.split('.'));
    if (typeof v === 'string' && v !== v.toLowerCase()) set[key] = v.toLowerCase();
  }
  return Object.keys(set).length === 0 ? options : { ...options, set: { ...set, ...options.set } };
}
