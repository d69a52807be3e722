import * as path from 'path';
import { AnnotationMetadataEntryType, Testing } from 'cdktf';
import { Template } from '../support/template';
import { azapiBodyProblems } from '../support/azure-types';

export { workspaceStack, registryIn, writeTree, tempDir, WS_ID, RG_ID, SUB } from '../assets/support';

/** The fixtures written from the CLI v2 reference pages. */
export const DOCS = path.join(__dirname, 'fixtures', 'docs');
export const doc = (name: string) => path.join(DOCS, name);

/** Synthesizes, failing on any azapi body Azure's types reject. */
export function synthValid(stack: Parameters<typeof Template.synth>[0]): Template {
  const t = Template.synth(stack);
  expect(azapiBodyProblems(t.json)).toEqual([]);
  return t;
}

/** The body of the azapi resource whose construct path ends with `suffix`. */
export function bodyAt(t: Template, suffix: string): Record<string, any> {
  const r = [...t.resources('azapi_resource'), ...t.resources('azapi_update_resource')].filter((x) => x.path.endsWith(`${suffix}/Resource`) || x.path.endsWith(suffix));
  if (r.length !== 1) throw new Error(`expected one azapi resource at ...${suffix}, found ${r.map((x) => x.path).join(', ') || 'none'}`);
  return r[0].attributes.body;
}

/** Info/warning annotations of a stack, as messages. */
export function annotations(stack: Parameters<typeof Testing.synth>[0]): string[] {
  Testing.synth(stack);
  return stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === AnnotationMetadataEntryType.INFO || m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
}
