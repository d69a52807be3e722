// Every struct shape (lib/<layer>/shapes.ts) declares exactly the properties of the props interface it is named after,
// inherited ones included. A prop missing from its shape is not checked at run time, and — worse — a misspelling close
// to a declared prop would be refused although it is real; a field the interface lost is a stale check. Read from the
// sources with the TypeScript checker, so adding a prop without its shape fails here.
import * as path from 'path';
import * as ts from 'typescript';
import { STRUCT_SHAPES } from '../../lib/core/shape';
import '../../lib/assets/shapes';
import '../../lib/pipelines/shapes';
import '../../lib/registry/shapes';
import '../../lib/serving/shapes';
import '../../lib/workspace/shapes';
import { REPO_ROOT } from '../support/readme';

/** Every interface declared in lib/, by name, with all its property names (inherited too). */
function interfaceProperties(): Map<string, string[]> {
  const root = path.join(REPO_ROOT, 'lib', 'index.ts');
  const program = ts.createProgram([root], {
    module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, skipLibCheck: true,
    resolveJsonModule: true, experimentalDecorators: true, types: [],
  });
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(path.join(REPO_ROOT, 'lib'))) continue;
    ts.forEachChild(file, node => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const type = checker.getTypeAtLocation(node.name);
      out.set(node.name.text, checker.getPropertiesOfType(type).map(p => p.name).sort());
    });
  }
  return out;
}

test('every struct shape declares exactly the properties of its interface', () => {
  const interfaces = interfaceProperties();
  expect(STRUCT_SHAPES.length).toBeGreaterThan(30);
  // `Traffic.split` and friends check a factory's arguments, not an interface.
  const mismatches = STRUCT_SHAPES.filter(s => !s.name.startsWith('Traffic.')).map(s => {
    const props = interfaces.get(s.name);
    if (!props) return { shape: s.name, problem: 'names no interface of lib/' };
    const missing = props.filter(p => !s.fields.includes(p));
    const stale = s.fields.filter(f => !props.includes(f));
    return missing.length || stale.length ? { shape: s.name, missing, stale } : undefined;
  }).filter(m => m !== undefined);
  expect(mismatches).toEqual([]);
}, 60_000);
