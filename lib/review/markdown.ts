// Renders a review as Markdown for a pull request comment: hazards first, then per stack what changes.
import { HazardLevel, ReviewEndpointChange, ReviewResult, ReviewStack, ReviewVersionChange } from './result';

/** The first line of every review comment: bots find their previous comment by it and update it. */
export const REVIEW_MARKER = '<!-- cdktf-azure-mlops review -->';

const LEVEL_ICON: Record<string, string> = { blocking: '⛔', warning: '⚠️', info: 'ℹ️' };

function pct(n: number): string {
  return `${n}%`;
}

function num(n: number | undefined): string {
  return n === undefined ? '—' : String(n);
}

function delta(n: number | undefined, better: boolean | undefined): string {
  if (n === undefined) return '—';
  const sign = n > 0 ? '+' : '';
  const mark = better === undefined ? '' : better ? ' ✅ better' : ' 🔻 worse';
  return `${sign}${n}${mark}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** Renders the review. */
export function renderReviewMarkdown(review: ReviewResult): string {
  const out: string[] = [REVIEW_MARKER, '## MLOps review', ''];
  const blocking = review.hazards.filter(h => h.level === HazardLevel.BLOCKING);
  const open = blocking.filter(h => h.acknowledged === undefined);
  out.push(open.length > 0
    ? `**${open.length} blocking hazard${open.length === 1 ? '' : 's'}** — this change must not merge as it is, or each must be acknowledged in code.`
    : blocking.length > 0 ? `No open blocking hazard (${blocking.length} acknowledged).` : 'No blocking hazard.');
  out.push('');

  if (review.hazards.length > 0) {
    out.push('### Hazards', '', '| Level | Hazard | What happens | Fix |', '|---|---|---|---|');
    for (const h of review.hazards) {
      const level = `${LEVEL_ICON[h.level] ?? ''} ${h.level}${h.acknowledged !== undefined ? ` (acknowledged: ${h.acknowledged})` : ''}`;
      out.push(`| ${cell(level)} | \`${cell(h.id)}\` | ${cell(h.message)} | ${cell(h.fix)} |`);
    }
    out.push('');
    if (open.length > 0) {
      out.push('To accept a blocking hazard knowingly, acknowledge it in the stack\'s code, where the reviewer sees it:', '', '```ts');
      for (const h of open) out.push(`ReviewAcknowledgement.acknowledge(${h.stack || 'stack'}, '${h.id}', '<why this is safe>');`);
      out.push('```', '');
    }
  }
  if (review.moves.length > 0) {
    out.push('### Moves to declare', '',
      'These resources keep their Azure identity at a new Terraform address. Declare the moves so Terraform moves state instead of destroying and creating: run the review with `--write-moves mlops-moves.json`, commit the file, and read it in each stack with `MovedResources.fromFile(stack, \'mlops-moves.json\')`. Or, in the stack:', '', '```ts');
    for (const m of review.moves) out.push(`MovedResources.move(${m.stack}, '${m.from}', '${m.to}');`);
    out.push('```', '');
  }
  for (const s of review.stacks) out.push(...renderStack(s));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function renderStack(s: ReviewStack): string[] {
  if (s.status === 'unchanged') return [`### Stack \`${s.stack}\`: no change`, ''];
  const out = [`### Stack \`${s.stack}\`${s.status === 'added' ? ' (new)' : s.status === 'removed' ? ' (removed)' : ''}`, ''];
  if (s.versions.length > 0) out.push(...renderVersions(s.versions));
  for (const e of s.endpoints) out.push(...renderEndpoint(e));
  const resources = s.resources.filter(r => r.change !== 'moved' || r.stateful);
  if (resources.length > 0 || s.otherResourcesCreated > 0) {
    out.push('#### Resources', '');
    if (resources.length > 0) {
      out.push('| Change | Resource | Name | Detail |', '|---|---|---|---|');
      for (const r of resources) {
        const change = r.change === 'moved' ? `moved${r.declared ? '' : ' (no moved block yet)'}` : r.change;
        const detail = r.change === 'moved' ? `→ \`${r.to}\`` : (r.reason ?? (r.stateful ? 'stateful' : ''));
        out.push(`| ${change} | \`${r.address}\` | ${cell(r.name ?? '')} | ${cell(detail)} |`);
      }
    }
    const movedOthers = s.resources.filter(r => r.change === 'moved' && !r.stateful).length;
    const notes: string[] = [];
    if (s.otherResourcesCreated > 0) notes.push(`${s.otherResourcesCreated} other resource${s.otherResourcesCreated === 1 ? '' : 's'} created`);
    if (movedOthers > 0) notes.push(`${movedOthers} other resource${movedOthers === 1 ? '' : 's'} moved`);
    if (notes.length > 0) out.push('', `${notes.join('; ')}.`);
    out.push('');
  }
  return out;
}

function renderVersions(versions: ReviewVersionChange[]): string[] {
  const out = ['#### Versions', '', '| Change | Version | In | Stage |', '|---|---|---|---|'];
  for (const v of versions) {
    const stage = v.stageBefore !== v.stageAfter && v.change !== 'added'
      ? `${v.stageBefore ?? '—'} → ${v.stageAfter ?? '—'}` : (v.stageAfter ?? v.stageBefore ?? '—');
    out.push(`| ${v.change} | ${v.kind} \`${v.name}\` v${v.version} | ${v.locationKind} \`${v.locationName}\` | ${stage} |`);
  }
  out.push('');
  for (const v of versions.filter(x => x.metrics.length > 0)) {
    const against = v.comparedWith ? `\`${v.comparedWith.replace(/^model:/, '')}\` (takes most traffic now, or the latest before)` : 'no earlier version';
    out.push(`Metrics of ${v.kind} \`${v.name}\` v${v.version} against ${against}:`, '',
      '| Metric | New | Incumbent | Δ |', '|---|---:|---:|---|');
    for (const m of v.metrics) out.push(`| ${m.name} | ${num(m.value)} | ${num(m.incumbent)} | ${delta(m.delta, m.better)} |`);
    out.push('');
  }
  return out;
}

function renderEndpoint(e: ReviewEndpointChange): string[] {
  const title = `#### ${e.kind === 'online' ? 'Online' : 'Batch'} endpoint \`${e.name}\`${e.change === 'added' ? ' (new)' : e.change === 'removed' ? ' (removed)' : ''}${e.rollout !== 'none' ? ` — ${e.rollout}` : ''}`;
  const out = [title, ''];
  const showMirror = e.traffic.some(r => r.mirrorBefore > 0 || r.mirrorAfter > 0);
  out.push(`| Deployment | Model | Traffic${showMirror ? ' | Mirror' : ''} |`, `|---|---|---${showMirror ? '|---' : ''}|`);
  for (const r of e.traffic) {
    const t = r.before === r.after ? pct(r.after) : `${pct(r.before)} → **${pct(r.after)}**`;
    const m = r.mirrorBefore === r.mirrorAfter ? pct(r.mirrorAfter) : `${pct(r.mirrorBefore)} → **${pct(r.mirrorAfter)}**`;
    out.push(`| ${r.deployment} | ${cell((r.modelVersion ?? '?').replace(/^model:/, ''))} | ${t}${showMirror ? ` | ${m}` : ''} |`);
  }
  out.push('');
  if (e.traffic.some(r => r.before !== r.after || r.mirrorBefore !== r.mirrorAfter)) {
    // A flowchart of the split after the change, each edge labelled before → after.
    const id = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');
    out.push('```mermaid', 'flowchart LR', `  ep(["${e.name}"])`);
    for (const r of e.traffic) {
      if (r.before > 0 || r.after > 0) out.push(`  ep -->|"${r.before === r.after ? pct(r.after) : `${pct(r.before)} → ${pct(r.after)}`}"| d_${id(r.deployment)}["${r.deployment}"]`);
      if (r.mirrorBefore > 0 || r.mirrorAfter > 0) out.push(`  ep -.->|"mirror ${r.mirrorBefore === r.mirrorAfter ? pct(r.mirrorAfter) : `${pct(r.mirrorBefore)} → ${pct(r.mirrorAfter)}`}"| d_${id(r.deployment)}["${r.deployment}"]`);
    }
    out.push('```', '');
  }
  if (e.deployments.length > 0) {
    out.push('| Deployment | Change | Detail |', '|---|---|---|');
    for (const d of e.deployments) out.push(`| ${d.name} | ${d.change} | ${cell(d.detail)} |`);
    out.push('');
  }
  return out;
}
