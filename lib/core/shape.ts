import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { didYouMean } from './did-you-mean';
import { MlopsValidationError, Problem, renderValue } from './errors';

/**
 * Runtime shape checks of what a caller passes: TypeScript checks types at compile time, but a JavaScript or Python
 * caller (and a TypeScript one with `as any`) can pass a string where a list is expected, `{}` for a list, or
 * nothing for a required prop. Each construct declares the shape of its props once (a `Shape` per props type, next
 * to the constructs of its layer) and checks it first, so a wrong type is our error naming the prop, not a
 * `TypeError` from deep inside.
 *
 * Only shapes are checked here (required, type, list, map, enum-like member); the rules of values (ranges, names,
 * Azure facts) stay with each construct's `Validator`. Unresolved tokens pass every shape: they are known at apply.
 * Cost: one walk over the props the user gave, once per construct.
 */
export interface Shape {
  /** What is expected, for messages: "a list of strings". */
  readonly expected: string;
  /** An example of a valid value, for the fix. @default - none */
  readonly example?: string;
  readonly required: boolean;
  /** Pushes the problems of `value` (which is neither undefined nor a token) found under `subject`. */
  check(subject: string, value: unknown, out: Problem[]): void;
}

type Check = (subject: string, value: unknown, out: Problem[]) => void;

/** An enum-like class (private constructor, static presets): what `S.enumLike` needs of it. */
interface EnumLikeClass {
  readonly prototype: object;
  readonly name: string;
}

/** A shape with its required flag and fix text; built with `S`. */
export class ShapeImpl implements Shape {
  constructor(public readonly expected: string, private readonly test: Check, public readonly example?: string,
    public readonly required = false, private readonly fixText?: string) {}

  /** The same shape, required: undefined and null are problems. */
  public get req(): ShapeImpl {
    return new ShapeImpl(this.expected, this.test, this.example, true, this.fixText);
  }

  /** The same shape with its own fix text. */
  public fix(text: string): ShapeImpl {
    return new ShapeImpl(this.expected, this.test, this.example, this.required, text);
  }

  public check(subject: string, value: unknown, out: Problem[]): void {
    this.test(subject, value, out);
  }

  public fixFor(): string {
    return this.fixText ?? `pass ${this.expected}${this.example ? `, e.g. ${this.example}` : ''}`;
  }
}

/** Checks `value` against `shape` under `subject`, handling unset values and tokens. */
function checkValue(subject: string, value: unknown, shape: Shape, out: Problem[], required = shape.required): void {
  if (value === undefined || value === null) {
    if (required) out.push({ subject, value: renderValue(value), rule: `is required (${shape.expected})`, fix: fixOf(shape) });
    return;
  }
  if (Token.isUnresolved(value)) return;
  shape.check(subject, value, out);
}

function fixOf(shape: Shape): string {
  return shape instanceof ShapeImpl ? shape.fixFor() : `pass ${shape.expected}`;
}

/** The type of a wrong value in words: "a string", "an object", "a list". */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  const t = typeof value;
  if (t === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return t === 'undefined' ? 'nothing' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
}

function wrong(shape: ShapeImpl, subject: string, value: unknown, out: Problem[]): void {
  out.push({ subject, value: safeRender(value), rule: `must be ${shape.expected} (got ${kindOf(value)})`, fix: shape.fixFor() });
}

/** renderValue, but never walks a construct tree (circular, huge). */
function safeRender(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) {
    return `(${kindOf(value)})`;
  }
  return renderValue(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function primitive(type: 'string' | 'number' | 'boolean', expected: string, example: string): ShapeImpl {
  const self: ShapeImpl = new ShapeImpl(expected, (subject, value, out) => {
    if (typeof value !== type) wrong(self, subject, value, out);
  }, example);
  return self;
}

/** Every struct shape made, with the fields it declares: what the completeness test compares with the interfaces. */
export const STRUCT_SHAPES: Array<{ readonly name: string; readonly fields: readonly string[] }> = [];

/** The shape constructors. */
export const S = {
  string: (example = '"name"') => primitive('string', 'a string', example),
  number: (example = '1') => primitive('number', 'a number', example),
  boolean: () => primitive('boolean', 'true or false', 'true'),

  /** A list whose items all have shape `item`. */
  list(item: Shape, example?: string): ShapeImpl {
    const self: ShapeImpl = new ShapeImpl(`a list (of ${item.expected})`, (subject, value, out) => {
      if (!Array.isArray(value)) return wrong(self, subject, value, out);
      value.forEach((v, i) => checkValue(`${subject}[${i}]`, v, item, out, true));
    }, example ?? `[${item.example ?? ''}]`);
    return self;
  },

  /** A map (plain object) whose values all have shape `value`. */
  map(value: Shape, example?: string): ShapeImpl {
    const self: ShapeImpl = new ShapeImpl(`a map (of ${value.expected})`, (subject, v, out) => {
      if (!isPlainObject(v) || ![Object.prototype, null].includes(Object.getPrototypeOf(v))) return wrong(self, subject, v, out);
      for (const [k, x] of Object.entries(v)) checkValue(`${subject}.${k}`, x, value, out, true);
    }, example ?? `{ key: ${value.example ?? '"value"'} }`);
    return self;
  },

  /**
   * A struct: each declared field is checked, and a field that is not declared but close to one that is (a misspelt
   * prop, which TypeScript would catch and JavaScript or Python silently drops) is refused with the right name.
   * `name` is the props interface it mirrors: a test holds every struct to its interface's properties.
   */
  struct(name: string, fields: { [field: string]: Shape }): ShapeImpl {
    const declared = Object.keys(fields);
    const self: ShapeImpl = new ShapeImpl(`an object (${name})`, (subject, value, out) => {
      if (!isPlainObject(value)) return wrong(self, subject, value, out);
      for (const [field, shape] of Object.entries(fields)) {
        checkValue(subject ? `${subject}.${field}` : field, (value as Record<string, unknown>)[field], shape, out);
      }
      for (const key of Object.keys(value)) {
        if (key in fields || (value as Record<string, unknown>)[key] === undefined) continue;
        const meant = didYouMean(key, declared);
        if (meant !== undefined) {
          out.push({
            subject: subject ? `${subject}.${key}` : key, value: safeRender((value as Record<string, unknown>)[key]),
            rule: `is not a prop of ${name} (did you mean ${meant}?); it would be ignored`, fix: `rename it to ${meant}`,
          });
        }
      }
    }, '{ ... }');
    STRUCT_SHAPES.push({ name, fields: declared });
    return self;
  },

  /**
   * An object of an interface (an `IWorkspace`, a `ModelSource`): duck-typed on the members it must have, so an
   * imported, a created and a user's own implementation all pass.
   */
  ref(name: string, members: string[], fix?: string): ShapeImpl {
    const self: ShapeImpl = new ShapeImpl(`${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`, (subject, value, out) => {
      const ok = (typeof value === 'object' || typeof value === 'function') && value !== null
        && members.every(m => (value as Record<string, unknown>)[m] !== undefined);
      if (!ok) wrong(self, subject, value, out);
    }, undefined, false, fix);
    return self;
  },

  /**
   * A member of an enum-like class (`ModelStage.PRODUCTION`, `InstanceType.of('...')`): an instance of `cls`. The fix
   * names the presets; a string close to a preset's value is pointed at it.
   */
  enumLike(classOf: () => EnumLikeClass, valueKey = 'value'): ShapeImpl {
    // A thunk: the shapes of a layer are declared in a module that the classes' own modules import.
    let presets: { key: string; value: string }[] | undefined;
    const self: ShapeImpl = new ShapeImpl('a member of an enum-like class', (subject, value, out) => {
      const cls = classOf();
      const isMember = (v: unknown) => typeof v === 'object' && v !== null && Object.prototype.isPrototypeOf.call(cls.prototype, v as object);
      if (isMember(value)) return;
      presets ??= Object.entries(cls).filter(([, v]) => isMember(v)).map(([k, v]) => ({ key: k, value: String((v as Record<string, unknown>)[valueKey]) }));
      const open = typeof (cls as unknown as Record<string, unknown>).of === 'function';
      const lower = typeof value === 'string' ? value.toLowerCase().replace(/[\s_-]/g, '') : undefined;
      const norm = (x: string) => x.toLowerCase().replace(/[\s_-]/g, '');
      const near = lower ? presets.find(p => [p.value, p.key].some(x => norm(x) === lower))
        ?? (lower.length >= 3 ? presets.find(p => norm(p.value).startsWith(lower)) : undefined) : undefined;
      const fix = near ? `use ${cls.name}.${near.key}`
        : `use one of ${presets.map(p => `${cls.name}.${p.key}`).join(', ')}${open ? `, or ${cls.name}.of(...)` : ''}`;
      out.push({ subject, value: safeRender(value), rule: `must be ${aOrAn(cls.name)} ${cls.name} (got ${kindOf(value)})`, fix });
    });
    return self;
  },

  /** A member of a TypeScript string enum (`ScaleDirection.OUT`): one of its values. */
  tsEnum(name: string, enumOf: () => { [key: string]: string }): ShapeImpl {
    const self: ShapeImpl = new ShapeImpl(`${aOrAn(name)} ${name}`, (subject, value, out) => {
      const members = Object.entries(enumOf());
      if (members.some(([, v]) => v === value)) return;
      const near = typeof value === 'string' ? members.find(([k, v]) => [k, v].some(x => x.toLowerCase() === value.toLowerCase())) : undefined;
      out.push({
        subject, value: safeRender(value), rule: `must be ${aOrAn(name)} ${name} (${members.map(([, v]) => JSON.stringify(v)).join(', ')})`,
        fix: near ? `use ${name}.${near[0]}` : `use one of ${members.map(([k]) => `${name}.${k}`).join(', ')}`,
      });
    });
    return self;
  },

  /** Any value: documented as present, not checked. */
  any: () => new ShapeImpl('a value', () => undefined),
};

/**
 * Checks `props` against `shape` and throws one `MlopsValidationError` listing every problem.
 */
export function checkShape(scope: IConstruct | string, what: string, props: unknown, shape: Shape): void {
  const out: Problem[] = [];
  // No props at all is an empty prop set: each required prop is then reported by name.
  if (!Token.isUnresolved(props)) shape.check('', props ?? {}, out);
  if (out.length > 0) throw new MlopsValidationError(pathOf(scope), what, out);
}

/**
 * Checks the arguments of a static factory or method (which has no construct path of its own): `where` names it,
 * e.g. "ModelSource.fromLocalPath".
 */
export function checkArgs(where: string, args: { [name: string]: unknown }, shapes: { [name: string]: Shape }): void {
  const out: Problem[] = [];
  for (const [name, shape] of Object.entries(shapes)) checkValue(name, args[name], shape, out);
  if (out.length > 0) throw new MlopsValidationError(where, 'arguments', out);
}

/**
 * Checks a child's construct id before the construct exists (call it in `super(scope, childId(scope, id, what))`):
 * an id must be a non-empty string, unique among its siblings. The `constructs` package would fail too, but with a
 * message naming neither the rule nor the fix.
 */
export function childId(scope: IConstruct, id: unknown, what: string): string {
  const parent = scope?.node?.path ?? '';
  const where = typeof id === 'string' && id !== '' && parent ? `${parent}/${id}` : parent || String(id);
  const fail = (rule: string, fix: string) => {
    throw new MlopsValidationError(where, `id of ${what}`, [{ subject: 'id', value: renderValue(id), rule, fix }]);
  };
  if (!scope?.node) {
    throw new MlopsValidationError(String(id), `scope of ${what}`, [{
      subject: 'scope', value: renderValue(scope), rule: 'must be a construct (a stack or a construct in one)',
      fix: `pass the stack (or a construct in it) as the first argument: new ${what.split(' ')[0]}(stack, id, props)`,
    }]);
  }
  if (typeof id !== 'string' || Token.isUnresolved(id)) {
    fail(`must be a literal string (got ${Token.isUnresolved(id) ? 'a token' : kindOf(id)})`,
      'pass a fixed name: construct ids are Terraform addresses, and must be the same on every synth');
  }
  if (id === '') fail('must not be empty', 'pass a name, e.g. "blue" or "1"');
  const existing = scope.node.tryFindChild(id as string);
  if (existing) {
    fail(`is already used by another construct in '${parent || '(root)'}' ('${existing.node.path}')`,
      `give each ${what} its own id, or declare it once and reuse the object`);
  }
  return id as string;
}

function pathOf(scope: IConstruct | string): string {
  return typeof scope === 'string' ? scope : scope.node.path;
}

/** The indefinite article of a type name: an InstanceType, a ModelStage. */
function aOrAn(name: string): string {
  return /^[AEIOU]/i.test(name) ? 'an' : 'a';
}
