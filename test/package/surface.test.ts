// The public surface is what users call (STYLE.md): the root exports only jsii types (classes, interfaces, enums) and
// the two binding namespaces, never a helper function, a constant or an @internal declaration; and package.json's
// exports map names every layer. Read from the sources with the TypeScript checker, so a helper re-exported by a new
// `export *` fails here before it reaches a release.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT } from '../support/readme';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

interface Exported { readonly name: string; readonly kind: string; readonly internal: boolean; readonly file: string }

function rootExports(): Exported[] {
  const root = path.join(REPO_ROOT, 'lib', 'index.ts');
  const program = ts.createProgram([root], {
    module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, skipLibCheck: true,
    resolveJsonModule: true, experimentalDecorators: true, noResolve: false, types: [],
  });
  const checker = program.getTypeChecker();
  const out: Exported[] = [];
  const walk = (moduleSymbol: ts.Symbol, prefix: string) => {
    for (const e of checker.getExportsOfModule(moduleSymbol)) {
      const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      const d = s.declarations?.[0];
      if (!d) continue;
      if (ts.isSourceFile(d)) {
        walk(s, `${prefix}${e.name}.`);
        continue;
      }
      out.push({
        name: prefix + e.name,
        kind: ts.SyntaxKind[d.kind],
        internal: ts.getJSDocTags(d).some(t => t.tagName.text === 'internal'),
        file: path.relative(REPO_ROOT, d.getSourceFile().fileName),
      });
    }
  };
  walk(checker.getSymbolAtLocation(program.getSourceFile(root)!)!, '');
  return out;
}

describe('the root export', () => {
  let exported: Exported[];
  beforeAll(() => { exported = rootExports(); }, 60_000);

  test('holds only classes, interfaces and enums, none of them @internal', () => {
    const typeKinds = new Set(['ClassDeclaration', 'InterfaceDeclaration', 'EnumDeclaration']);
    const offending = exported.filter(e => !typeKinds.has(e.kind) || e.internal).map(e => `${e.name} (${e.kind}${e.internal ? ', @internal' : ''}, ${e.file})`);
    expect(offending).toEqual([]);
  });

  test('holds the error users catch, the layers\' constructs and the binding namespaces', () => {
    const names = new Set(exported.map(e => e.name));
    for (const n of ['MlopsValidationError', 'Problem', 'Workspace', 'Registry', 'OnlineEndpoint', 'MlopsPipelines', 'MlopsReview', 'AzapiSchemaValidation',
      'azapi.AzapiResource', 'azuredevops.AzuredevopsProvider']) {
      expect({ n, exported: names.has(n) }).toEqual({ n, exported: true });
    }
  });
});

describe('package.json', () => {
  const exportsMap: Record<string, any> = pkg.exports;
  const layers = fs.readdirSync(path.join(REPO_ROOT, 'lib'), { withFileTypes: true })
    .filter(e => e.isDirectory() && fs.existsSync(path.join(REPO_ROOT, 'lib', e.name, 'index.ts')))
    .map(e => `./lib/${e.name}`);

  test('exports every layer folder with an index (a new layer needs its entry point)', () => {
    expect(layers.filter(l => !(l in exportsMap))).toEqual([]);
  });

  test('each entry point compiles from a source file of lib/, with types beside it', () => {
    for (const [entry, target] of Object.entries(exportsMap)) {
      if (typeof target === 'string') continue;
      const source = target.default.replace(/^\.\/build\//, '').replace(/\.js$/, '.ts');
      expect({ entry, source, exists: fs.existsSync(path.join(REPO_ROOT, source)) }).toEqual({ entry, source, exists: true });
      expect(target.types).toBe(target.default.replace(/\.js$/, '.d.ts'));
    }
    expect(exportsMap['.'].default).toBe(`./${pkg.main}`);
    expect(exportsMap['./package.json']).toBe('./package.json');
  });

  test('typesVersions maps the same deep entry points, for TypeScript\'s node10 resolution (which ignores exports)', () => {
    const deep = Object.entries(exportsMap).filter(([k, v]) => k.startsWith('./lib/') && typeof v !== 'string');
    expect(Object.fromEntries(deep.map(([k, v]) => [k.slice(2), [v.types.slice(2)]]))).toEqual(pkg.typesVersions['*']);
  });

  test('engines admits Node 20 and the LTS lines 22 and 24', () => {
    expect(pkg.engines.node).toBe('>=20');
  });

  test('files ships the LICENSE, and the LICENSE is there', () => {
    expect(pkg.files).toContain('LICENSE');
    expect(fs.existsSync(path.join(REPO_ROOT, 'LICENSE'))).toBe(true);
  });
});
