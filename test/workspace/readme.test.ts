import { readRepoFile, tsBlocks, unquotedLines } from '../support/readme';

/** The README's snippets are taken from compiled, tested examples: each line must appear in the example file. */
describe('lib/workspace/README.md', () => {
  const blocks = tsBlocks(readRepoFile('lib/workspace/README.md'), 'lib/workspace/README.md');

  test('starts with the smallest example, and every snippet is quoted from its example or fixture file', () => {
    expect(blocks.length).toBe(4);
    expect(blocks[0].quotedFrom).toBe('examples/workspace-private/minimal.ts');
    for (const { quotedFrom, code } of blocks) {
      expect(quotedFrom).toMatch(/^(examples\/|test\/fixtures\/readme\/)/);
      expect({ file: quotedFrom, unquoted: unquotedLines(code, readRepoFile(quotedFrom!)) }).toEqual({ file: quotedFrom, unquoted: [] });
    }
  });
});
