// README snippets are quoted from compiled code (STYLE.md §14): these helpers extract a README's TypeScript blocks
// and check each against the file it is quoted from, so a README that drifts from the code fails a test.
import * as fs from 'fs';
import * as path from 'path';

/** The repository root. */
export const REPO_ROOT = path.join(__dirname, '..', '..');

/** A file's text, by repository-relative path. */
export function readRepoFile(relativePath: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8');
}

/** A ```ts block of a Markdown file. */
export interface CodeBlock {
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  /** The nearest heading above the block (without `#`), or '' before the first heading. */
  readonly heading: string;
  readonly code: string;
  /**
   * The repository-relative path of the `.ts` file the text says the block is from ("from [`x`](x)"), when it says
   * so between the block's heading (or the previous block) and the block.
   */
  readonly quotedFrom?: string;
}

const FENCE = /^```(ts|typescript)\s*$/;
const QUOTED_FROM = /\bfrom \[[^\]]*\]\(([^)\s]+\.ts)\)/gi;

/** Every ```ts (or ```typescript) block of `markdown`, a README at repository-relative `readmePath`. */
export function tsBlocks(markdown: string, readmePath: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  let lead: string[] = [];
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence === '' && FENCE.test(line)) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
      if (end < 0) throw new Error(`${readmePath}:${i + 1}: unclosed code block`);
      const target = [...lead.join('\n').matchAll(QUOTED_FROM)].pop()?.[1];
      blocks.push({
        line: i + 1,
        heading,
        code: lines.slice(i + 1, end).join('\n'),
        quotedFrom: target ? path.posix.normalize(path.posix.join(path.posix.dirname(readmePath), target)) : undefined,
      });
      lead = [];
      i = end;
      continue;
    }
    // Other fences (```sh, plain ```) are skipped whole, so a '#' inside them is not a heading.
    if (line.startsWith('```')) fence = fence === '' ? line : '';
    else if (fence === '' && /^#{1,6} /.test(line)) {
      heading = line.replace(/^#+ /, '').trim();
      lead = [];
    } else if (fence === '') lead.push(line);
  }
  return blocks;
}

/** The lines of a code block that carry code: trimmed, without blank and comment-only lines. */
export function codeLines(code: string): string[] {
  return code.split('\n').map(l => l.trim()).filter(l => l.length > 0 && !/^(\/\/|\/\*|\*)/.test(l));
}

/**
 * The code lines of `code` that are not quoted from `source`: each line must equal a (trimmed) line of the source,
 * in the same order, so a block is a quote of the source with lines left out, never an edit of it.
 */
export function unquotedLines(code: string, source: string): string[] {
  const sourceLines = source.split('\n').map(l => l.trim());
  const missing: string[] = [];
  let at = 0;
  for (const line of codeLines(code)) {
    const found = sourceLines.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + 1;
  }
  return missing;
}
