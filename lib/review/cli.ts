// `cdktf-azure-mlops review`: the command line of the review (the bin of this package). Internal: not jsii API.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { compareManifests } from './compare';
import { renderReviewMarkdown } from './markdown';
import { MOVES_SCHEMA, ResourceMove } from './moves';
import { StackManifest } from './schema';
import { readSynthDir, synthGitRef } from './synth-dir';

const USAGE = `Usage: cdktf-azure-mlops review --base <synth dir | git ref> [--head <synth dir>] [options]

Compares the base synth (e.g. the target branch) with the head synth (the pull request) and prints a review in
Markdown: versions, traffic, deployments, stateful resources, and hazards.

Options:
  --base <dir|ref>     a synth folder (cdktf.out), or a git ref whose tree is synthesized with its cdktf.json app
  --head <dir>         the head synth folder (default: cdktf.out)
  --json               print the review as JSON instead of Markdown
  --out <file>         also write the Markdown to <file>
  --write-moves <file> merge the moves the review found into <file> (read by MovedResources.fromFile)
  --app <command>      the app command for a git ref base (default: the ref's cdktf.json "app")
  -h, --help           this text

Exit status: 0 no open blocking hazard; 1 blocking hazards not acknowledged; 2 usage or input error.

Other commands: cdktf-azure-mlops yaml check <files...> | yaml convert <file>  (cdktf-azure-mlops yaml --help)`;

/** Runs the CLI; returns the exit status. */
export function main(argv: string[], out: (s: string) => void = s => process.stdout.write(s), err: (s: string) => void = s => process.stderr.write(s)): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'base': { type: 'string' },
        'head': { type: 'string', default: 'cdktf.out' },
        'json': { type: 'boolean', default: false },
        'out': { type: 'string' },
        'write-moves': { type: 'string' },
        'app': { type: 'string' },
        'help': { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== 'review' || positionals.length > 1 || !values.base) {
    err(`${positionals[0] !== 'review' ? `Unknown command: ${positionals[0] ?? '(none)'}` : 'Missing --base'}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const base = loadBase(values.base, values.app);
    const head = readSynthDir(values.head!);
    const review = compareManifests(base, head);
    const markdown = renderReviewMarkdown(review);
    if (values.out) fs.writeFileSync(values.out, markdown);
    if (values['write-moves']) writeMoves(values['write-moves'], review.moves);
    out(values.json ? `${JSON.stringify(review, null, 2)}\n` : markdown);
    return review.blocking > 0 ? 1 : 0;
  } catch (e) {
    err(`cdktf-azure-mlops review: ${(e as Error).message}\n`);
    return 2;
  }
}

function loadBase(base: string, app: string | undefined): StackManifest[] {
  if (fs.existsSync(base) && fs.statSync(base).isDirectory()) return readSynthDir(base);
  try {
    return synthGitRef(base, { app });
  } catch (e) {
    // Neither a folder nor a ref: say both, so a mistyped folder does not read as a git problem.
    throw new Error(`--base ${base} is neither a synth folder nor a git ref (${(e as Error).message}); pass a cdktf.out folder or a branch, tag or SHA`);
  }
}

/** Merges `moves` into a moves file, keeping the entries already there (they stay until every environment applied them). */
export function writeMoves(file: string, moves: ResourceMove[]): void {
  const existing: ResourceMove[] = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')).moves ?? []) : [];
  const key = (m: ResourceMove) => `${m.stack} ${m.from}`;
  const merged = new Map(existing.map(m => [key(m), m]));
  for (const m of moves) merged.set(key(m), { stack: m.stack, from: m.from, to: m.to });
  const list = [...merged.values()].sort((a, b) => key(a).localeCompare(key(b)));
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ schema: MOVES_SCHEMA, moves: list }, null, 2)}\n`);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
