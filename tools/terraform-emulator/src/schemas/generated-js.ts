/**
 * Reads the JavaScript that cdktf 0.21's provider generator emitted for one resource module
 * (`@cdktf/provider-azurerm/lib/<name>/index.js`) into plain facts, without loading it: loading all 1,500 modules
 * costs ~2.5 s and ~400 MB, reading their text a fraction of that.
 *
 * What the generator writes, and so what this reader relies on (checked against 14.23.0):
 * - one `<struct>ToHclTerraform(struct)` function per nested block or object type, and `synthesizeHclAttributes()`
 *   on the resource class, each building `attrs = { snake_name: { value, isBlock, type, storageClassType } }`;
 * - per class, a `reset<Camel>()` method for every optional argument, none for required ones;
 * - a `// snake - computed: C, optional: O, required: R` comment above each computed-only getter and above each
 *   constructor field that holds a block or a complex value (`new XOutputReference(this, "snake")` for a block with
 *   at most one item, `new XList(this, "snake", wrapsSet)` otherwise);
 * - computed-only getters returning `this.getStringAttribute('snake')` and friends, with `cdktf.Fn.tolist(...)`
 *   around sets.
 */

/** One entry of a `...ToHclTerraform` mapper (or of `synthesizeHclAttributes`). */
export interface MapperEntry {
  readonly name: string;
  /** The camelCase property the value is read from (`struct.accountTier`, `this._accountTier`). */
  readonly property: string | undefined;
  readonly isBlock: boolean;
  /** `simple`, `list`, `set`, `map` or `struct` (timeouts). */
  readonly kind: string;
  readonly storageClassType: string;
  /** The nested mapper function called for the value, e.g. `storageAccountIdentityToHclTerraform`. */
  readonly nestedMapper: string | undefined;
}

export interface Flags {
  readonly computed: boolean;
  readonly optional: boolean;
  readonly required: boolean;
}

/** A constructor field holding a block or a complex value. */
export interface ComplexField {
  readonly name: string;
  readonly flags: Flags;
  /** The class constructed, e.g. `StorageAccountIdentityOutputReference`, `cdktf.StringMap`. */
  readonly className: string;
  /** Third constructor argument of `...List` classes: the list wraps a set. */
  readonly wrapsSet: boolean;
}

/** A computed-only getter of a primitive value. */
export interface ComputedGetter {
  readonly name: string;
  readonly flags: Flags;
  /** The accessor called, e.g. `getStringAttribute`, `getListAttribute`. */
  readonly accessor: string;
  /** Wrapped in `cdktf.Fn.tolist(...)`: the attribute is a set. */
  readonly isSet: boolean;
}

export interface ClassFacts {
  readonly name: string;
  readonly base: string;
  /** `terraformResourceType` passed to the base constructor (resource, data source and provider classes). */
  readonly terraformType: string | undefined;
  readonly resets: ReadonlySet<string>;
  readonly fields: readonly ComplexField[];
  readonly getters: readonly ComputedGetter[];
  /** `synthesizeHclAttributes()` entries, for the resource class. */
  readonly mapper: readonly MapperEntry[] | undefined;
}

export interface ModuleFacts {
  readonly mappers: ReadonlyMap<string, readonly MapperEntry[]>;
  readonly classes: ReadonlyMap<string, ClassFacts>;
}

const FLAGS = String.raw`// ([a-z0-9_]+) - computed: (true|false), optional: (true|false), required: (true|false)`;
const ENTRY = /^ {8,12}([a-z0-9_]+): \{\n\s+value: ([^\n]*),\n\s+isBlock: (true|false),\n\s+type: "(\w+)",\n\s+storageClassType: "(\w+)",\n/gm;
const FIELD = new RegExp(FLAGS + String.raw`\n\s+this\._\w+ = new ([\w.]+)\(this, "[a-z0-9_]+"(?:, (true|false))?\);`, 'g');
const GETTER = new RegExp(FLAGS + String.raw`\n\s+get \w+\(\) \{\n\s+return (cdktf\.Token\.asNumberList\()?(cdktf\.Fn\.tolist\()?this\.(\w+)\(`, 'g');

export function readModule(source: string): ModuleFacts {
  const mappers = new Map<string, MapperEntry[]>();
  const classes = new Map<string, ClassFacts>();
  // Top-level declarations start at column 0; each runs to the next one.
  const starts = [...source.matchAll(/^(function|class) (\w+)/gm)];
  starts.forEach((m, i) => {
    const body = source.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : source.length);
    if (m[1] === 'function') {
      if (m[2].endsWith('ToHclTerraform')) mappers.set(m[2], readEntries(body));
    } else {
      classes.set(m[2], readClass(m[2], body));
    }
  });
  return { mappers, classes };
}

function readClass(name: string, body: string): ClassFacts {
  const flags = (m: RegExpMatchArray): Flags => ({ computed: m[2] === 'true', optional: m[3] === 'true', required: m[4] === 'true' });
  const hcl = body.indexOf('synthesizeHclAttributes()');
  return {
    name,
    base: /^class \w+ extends ([\w.]+)/.exec(body)?.[1] ?? '',
    terraformType: /terraformResourceType: '([a-z0-9_]+)'/.exec(body)?.[1],
    resets: new Set([...body.matchAll(/^ {4}reset(\w+)\(\) \{/gm)].map(r => r[1])),
    fields: [...body.matchAll(FIELD)].map(f => ({ name: f[1], flags: flags(f), className: f[5], wrapsSet: f[6] === 'true' })),
    getters: [...body.matchAll(GETTER)].map(g => ({
      name: g[1], flags: flags(g), accessor: g[7], isSet: g[6] !== undefined,
    })),
    mapper: hcl < 0 ? undefined : readEntries(body.slice(hcl)),
  };
}

function readEntries(body: string): MapperEntry[] {
  return [...body.matchAll(ENTRY)].map(e => {
    const value = e[2];
    return {
      name: e[1],
      property: /(?:struct|this)\??\.(?:_)?(\w+)/.exec(value.replace(/cdktf\.\w+/g, ''))?.[1],
      isBlock: e[3] === 'true',
      kind: e[4],
      storageClassType: e[5],
      nestedMapper: /\b([a-z]\w*ToHclTerraform)\b/.exec(value.replace(/cdktf\.\w+/g, ''))?.[1],
    };
  });
}

/** `accountTier` → `AccountTier`, the suffix of the generated `reset` method. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
