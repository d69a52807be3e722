/**
 * A parsed CLI v2 YAML file that remembers where every key is, so each problem can name its line.
 * Not part of the jsii API.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Document } from 'yaml';
import { renderValue } from '../core/errors';
import { YamlLoadError, YamlProblem } from './errors';

/** A key path into a document: map keys and sequence indexes. */
export type KeyPath = readonly (string | number)[];

/** Renders `['build', 'path']` as `build.path` and `['rules', 0, 'type']` as `rules[0].type`. */
export function keyPathText(p: KeyPath): string {
  let out = '';
  for (const part of p) out += typeof part === 'number' ? `[${part}]` : (out ? `.${part}` : part);
  return out || '(file)';
}

/** A loaded YAML file: its plain data, and the line of any key. */
export class YamlDocument {
  /**
   * Reads and parses `file`. A missing file, a syntax error, or a top level that is not a mapping throws a
   * {@link YamlLoadError} naming the file and line.
   */
  public static load(file: string, what = 'CLI v2'): YamlDocument {
    const absolute = path.resolve(file);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (e) {
      throw new YamlLoadError(file, what, [{
        key: '(file)', value: renderValue(file), rule: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}, resolved from ${process.cwd()})`,
        fix: 'pass the path of an existing YAML file',
      }]);
    }
    return YamlDocument.parse(text, file, what);
  }

  /** Parses `text` as the contents of `file` (which need not exist; relative paths in it resolve from its folder). */
  public static parse(text: string, file: string, what = 'CLI v2'): YamlDocument {
    const lines = new LineCounter();
    // uniqueKeys: the CLI (PyYAML) keeps the last of two equal keys silently; a duplicate is almost always a mistake.
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const problems: YamlProblem[] = [];
    const lineSeen = new Set<number>();
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? lines.linePos(e.pos[0]).line;
      if (lineSeen.has(line)) continue; // one problem per line: the parser's follow-on errors repeat the first
      lineSeen.add(line);
      problems.push({
        line, key: '(syntax)', value: renderValue(text.split('\n')[line - 1]?.trim() ?? ''),
        rule: `is not valid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        fix: e.code === 'DUPLICATE_KEY' ? 'keep one of the two keys' : 'fix the indentation or quoting on that line (YAML is indentation-sensitive; quote values that contain ": " or start with "@", "*" or "&")',
      });
    }
    if (problems.length === 0 && !isMap(doc.contents)) {
      problems.push({
        line: 1, key: '(file)', value: renderValue(doc.contents === null ? '(empty)' : String(doc.toJS()).slice(0, 40)),
        rule: 'must be a mapping of keys to values', fix: 'start the file with keys such as `name:` and `version:`',
      });
    }
    if (problems.length > 0) throw new YamlLoadError(file, what, problems);
    return new YamlDocument(file, doc, lines);
  }

  /** The file as the user passed it. */
  public readonly file: string;
  /** The folder relative paths in the file resolve against (the CLI's rule). */
  public readonly directory: string;
  /** The file's contents as plain JSON-like data. */
  public readonly data: { [key: string]: unknown };

  private readonly overrides = new Map<string, string>();

  private constructor(file: string, private readonly doc: Document, private readonly lines: LineCounter) {
    this.file = file;
    this.directory = path.dirname(path.resolve(file));
    this.data = doc.toJS({ maxAliasCount: 100 }) as { [key: string]: unknown };
  }

  /**
   * The 1-based line of the key at `keyPath` (of the item, for sequence indexes); for a path that does not exist,
   * the line of its deepest existing parent. Undefined for the whole file.
   */
  public lineOf(keyPath: KeyPath): number | undefined {
    if (this.overriddenAt(keyPath) !== undefined) return undefined;
    let node: unknown = this.doc.contents;
    let line: number | undefined;
    for (const part of keyPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(part));
        if (!pair) break;
        line = this.lineOfNode(pair.key as Node) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
        node = node.items[part];
        line = this.lineOfNode(node as Node) ?? line;
      } else {
        break;
      }
    }
    return line;
  }

  /** A scalar as the file spells it (`1.10` where the parsed number prints 1.1), for messages; undefined if not a scalar. */
  public sourceOf(keyPath: KeyPath): string | undefined {
    const node = this.doc.getIn(keyPath, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  /** The value at `keyPath` in {@link data}, or undefined. */
  public get(keyPath: KeyPath): unknown {
    let v: unknown = this.data;
    for (const part of keyPath) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string | number, unknown>)[part];
    }
    return v;
  }

  /** Records that the command line set the value at `keyPath` (`--set`, `--name`, `--version`): it has no line. */
  public markOverridden(keyPath: KeyPath, how: string): void {
    this.overrides.set(keyPathText(keyPath), how);
  }

  /** The option that set `keyPath` or one of its parents, if one did. */
  public overriddenAt(keyPath: KeyPath): string | undefined {
    for (let i = keyPath.length; i > 0; i--) {
      const how = this.overrides.get(keyPathText(keyPath.slice(0, i)));
      if (how !== undefined) return how;
    }
    return undefined;
  }

  /** A problem at `keyPath`, with its line (or the option that set it). */
  public problem(keyPath: KeyPath, rule: string, fix: string, value?: unknown): YamlProblem {
    const how = this.overriddenAt(keyPath);
    return {
      line: this.lineOf(keyPath), key: `${keyPathText(keyPath)}${how ? ` (from ${how})` : ''}`,
      value: renderValue(value === undefined ? this.get(keyPath) : value), rule, fix,
    };
  }

  /** Resolves a local path written in the file against the file's folder, as the CLI does. */
  public resolvePath(p: string): string {
    return path.resolve(this.directory, p);
  }

  private lineOfNode(node: Node | undefined): number | undefined {
    const start = node?.range?.[0];
    return start === undefined ? undefined : this.lines.linePos(start).line;
  }
}
