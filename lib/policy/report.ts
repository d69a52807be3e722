import { PolicyLevel } from './level';

/** The report files written beside each stack's `cdk.tf.json`. */
export const POLICY_REPORT_JSON = 'mlops-policy.json';
export const POLICY_REPORT_TABLE = 'mlops-policy.txt';

/** One resource that breaks one rule. */
export interface PolicyFinding {
  /** The rule id, e.g. `MLOPS-ST-1`. */
  readonly ruleId: string;
  readonly level: PolicyLevel;
  /** The construct path of the resource, e.g. `prod/Workspace/Storage`. */
  readonly constructPath: string;
  /** The Terraform address, e.g. `azurerm_storage_account.Workspace_Storage_21DB628F`. */
  readonly address: string;
  /** The attribute or body path at fault (or the missing companion resource). */
  readonly subject: string;
  /** The value found, rendered (`(not set)` when absent). */
  readonly value: string;
  /** The rule, in one line. */
  readonly rule: string;
  /** What to do instead. */
  readonly fix: string;
  /** When suppressed: the reason given, and where. */
  readonly suppression?: PolicySuppressionRecord;
}

/** A suppression as the report lists it. */
export interface PolicySuppressionRecord {
  readonly ruleId: string;
  readonly reason: string;
  /** The construct the suppression was added to. */
  readonly constructPath: string;
}

/** What {@link PolicyReport} is built from. */
export interface PolicyReportProps {
  /** The stack's construct path. */
  readonly stack: string;
  /** The packs that ran. */
  readonly packs: string[];
  /** How many resources the packs read. */
  readonly resourcesChecked: number;
  /** Every finding, suppressed ones included (they carry `suppression`). */
  readonly findings: PolicyFinding[];
  /** Suppressions that matched no finding: stale, to be removed. */
  readonly unusedSuppressions: PolicySuppressionRecord[];
}

const LEVEL_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * The result of running policy packs on a stack: what `cdktf synth` writes as `mlops-policy.json` and
 * `mlops-policy.txt` beside the stack's `cdk.tf.json`, and what `Policy.check` returns.
 */
export class PolicyReport {
  public readonly stack: string;
  public readonly packs: string[];
  public readonly resourcesChecked: number;
  /** Findings that are not suppressed, errors first. */
  public readonly findings: PolicyFinding[];
  /** Findings accepted by a suppression, with its reason. */
  public readonly suppressed: PolicyFinding[];
  public readonly unusedSuppressions: PolicySuppressionRecord[];

  constructor(props: PolicyReportProps) {
    this.stack = props.stack;
    this.packs = [...props.packs];
    this.resourcesChecked = props.resourcesChecked;
    const sorted = [...props.findings].sort((a, b) => (LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
      || a.ruleId.localeCompare(b.ruleId, 'en', { numeric: true }) || a.constructPath.localeCompare(b.constructPath));
    this.findings = sorted.filter(f => !f.suppression);
    this.suppressed = sorted.filter(f => f.suppression);
    this.unusedSuppressions = [...props.unusedSuppressions];
  }

  /** The unsuppressed error-level findings: these fail synth. */
  public get errors(): PolicyFinding[] {
    return this.findings.filter(f => f.level === PolicyLevel.ERROR);
  }

  /** The unsuppressed warnings. */
  public get warnings(): PolicyFinding[] {
    return this.findings.filter(f => f.level === PolicyLevel.WARNING);
  }

  /** The report as JSON (what `mlops-policy.json` holds). */
  public renderJson(): string {
    const count = (level: PolicyLevel) => this.findings.filter(f => f.level === level).length;
    return JSON.stringify({
      version: 1,
      stack: this.stack,
      packs: this.packs,
      resourcesChecked: this.resourcesChecked,
      summary: { error: count(PolicyLevel.ERROR), warning: count(PolicyLevel.WARNING), info: count(PolicyLevel.INFO), suppressed: this.suppressed.length },
      findings: this.findings,
      suppressed: this.suppressed,
      unusedSuppressions: this.unusedSuppressions,
    }, null, 2) + '\n';
  }

  /** The report as an aligned text table (what `mlops-policy.txt` holds). */
  public renderTable(): string {
    const count = (level: PolicyLevel) => this.findings.filter(f => f.level === level).length;
    const lines = [
      `Policy report for stack '${this.stack}' (${this.packs.join(', ') || 'no packs'}): ` +
      `${count(PolicyLevel.ERROR)} error(s), ${count(PolicyLevel.WARNING)} warning(s), ${count(PolicyLevel.INFO)} info, ` +
      `${this.suppressed.length} suppressed; ${this.resourcesChecked} resources checked`,
    ];
    const table = (rows: string[][]) => {
      const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
      return rows.map(r => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i])).join('  ').trimEnd());
    };
    if (this.findings.length > 0) {
      lines.push('', ...table([['LEVEL', 'RULE', 'CONSTRUCT', 'RESOURCE', 'FINDING'],
        ...this.findings.map(f => [f.level, f.ruleId, f.constructPath, f.address, `${f.subject} (value: ${f.value}): ${f.rule}. Fix: ${f.fix}`])]));
    }
    if (this.suppressed.length > 0) {
      lines.push('', 'Suppressed:', ...table([['LEVEL', 'RULE', 'CONSTRUCT', 'RESOURCE', 'REASON'],
        ...this.suppressed.map(f => [f.level, f.ruleId, f.constructPath, f.address, `${f.suppression!.reason} (on ${f.suppression!.constructPath})`])]));
    }
    if (this.unusedSuppressions.length > 0) {
      lines.push('', 'Unused suppressions (no finding matched; remove them):',
        ...this.unusedSuppressions.map(s => `  ${s.ruleId} on ${s.constructPath}: ${s.reason}`));
    }
    return lines.join('\n') + '\n';
  }
}
