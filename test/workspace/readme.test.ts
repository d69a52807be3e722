import * as fs from 'fs';
import * as path from 'path';

/** The README's snippets are taken from compiled, tested examples: each line must appear in the example file. */
describe('lib/workspace/README.md', () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../lib/workspace/README.md'), 'utf8');
  const blocks = [...readme.matchAll(/From \[`(examples\/[^`]+)`\][^`]*?```ts\n([\s\S]*?)```/g)];

  test('starts with the smallest example, and every snippet is quoted from its example file', () => {
    expect(blocks.length).toBe(2);
    expect(blocks[0][1]).toBe('examples/workspace-private/minimal.ts');
    for (const [, file, code] of blocks) {
      const source = fs.readFileSync(path.join(__dirname, '../..', file), 'utf8').split('\n').map(l => l.trim());
      for (const line of code.split('\n').map(l => l.trim()).filter(l => l.length > 0)) {
        expect({ file, line, found: source.includes(line) }).toEqual({ file, line, found: true });
      }
    }
  });
});
