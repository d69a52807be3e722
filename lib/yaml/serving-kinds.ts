/**
 * The serving kinds of `yaml check` / `yaml convert` (online and batch endpoints and deployments). Filled in by the
 * serving loaders; an empty list until then. Not part of the jsii API.
 */
import { YamlKind } from './kinds';

/** Serving kinds, checked after the asset kinds. */
export const SERVING_YAML_KINDS: YamlKind[] = [];
