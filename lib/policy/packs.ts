import { Aspects, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { MlopsValidationError, renderValue } from '../core/errors';
import { evaluate, PackRef } from './evaluate';
import { describeRule, PolicyRuleInfo } from './docs';
import { PolicyReport } from './report';
import { PackName } from './rule';
import { ALL_RULES } from './rules';
import { PolicyRun } from './run';

function idsOf(pack: PackName): string[] {
  return ALL_RULES.filter(r => r.packs.includes(pack)).map(r => r.id);
}

/**
 * A set of policy rules, applied as a cdktf Aspect: every resource under the construct it is added to is checked, at
 * synth, against the rules — on the Terraform JSON the stack renders, so resources declared with the azurerm bindings
 * or raw `azapi` are checked like the library's own. Error-level findings fail synth (unless suppressed with
 * `PolicySuppressions.add`); every finding lands in `mlops-policy.json` and `mlops-policy.txt` beside `cdk.tf.json`.
 *
 * ```ts
 * Aspects.of(stack).add(new SecureBaseline());
 * ```
 */
export abstract class PolicyPack implements IAspect {
  /** The ids of the rules this pack runs. */
  public readonly ruleIds: string[];

  protected constructor(public readonly name: string, ruleIds: string[]) {
    this.ruleIds = ruleIds;
  }

  /** Registers each resource under the aspect's scope with its stack's policy run; the check runs at synth. */
  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    PolicyRun.of(TerraformStack.of(node)).register(node, this);
  }

  /**
   * Runs this pack now on every resource under `scope` and returns the report (it does not throw). It renders the
   * stack as it stands: Aspects that change resources run only at synth, so after synth prefer `Policy.reportOf`.
   */
  public check(scope: IConstruct): PolicyReport {
    return Policy.check(scope, this);
  }
}

/**
 * The secure baseline of DESIGN.md: no public network access, no keys or local auth, TLS 1.2, no anonymous access, RBAC
 * on Key Vault, purge protection, a Premium ACR, compute without public IPs, endpoints on Entra ID.
 */
export class SecureBaseline extends PolicyPack {
  constructor() {
    super('SecureBaseline', idsOf('SecureBaseline'));
  }
}

/**
 * Data-loss protection for stateful resources: prevent_destroy and delete locks, blob versioning and soft delete,
 * geo-redundant storage, Key Vault purge protection. Apply it to stacks that hold production data.
 */
export class DataProtection extends PolicyPack {
  constructor() {
    super('DataProtection', idsOf('DataProtection'));
  }
}

/**
 * ML serving practice for production stacks: pinned images and asset versions, more than one instance for live
 * deployments, probes, and resource logs on workspaces, registries and online endpoints.
 */
export class ProductionReadiness extends PolicyPack {
  constructor() {
    super('ProductionReadiness', idsOf('ProductionReadiness'));
  }
}

/** Entry points for policy packs: apply, check now, read the last synth's report. */
export class Policy {
  /**
   * Adds `packs` as Aspects on `scope`: a stack or a construct in one (the same as `Aspects.of(scope).add(pack)`), or
   * the App, where it adds them to every stack declared so far — cdktf 0.21 runs Aspects from each stack down and never
   * those added to the App itself (`App.synth` → `invokeAspects(stack)`, cdktf lib/app.js and
   * lib/synthesize/synthesizer.js), so `Aspects.of(app).add(pack)` would check nothing.
   */
  public static apply(scope: IConstruct, ...packs: PolicyPack[]): void {
    const targets = stackOf(scope) ? [scope] : scope.node.findAll().filter(TerraformStack.isStack);
    if (targets.length === 0) {
      throw new MlopsValidationError(scope.node.path, 'policy packs', [{
        subject: 'scope', value: renderValue(scope.node.path || '(the App)'), rule: 'holds no TerraformStack yet, so the packs would check nothing',
        fix: 'declare the stacks first, then call Policy.apply(app, ...packs); or apply the packs to each stack',
      }]);
    }
    for (const target of targets) packs.forEach(p => Aspects.of(target).add(p));
  }

  /**
   * Runs `packs` now on every resource under `scope` (one stack) and returns the report, without throwing; for tests
   * and tools. It renders the stack once as it stands (Aspects run only at synth).
   */
  public static check(scope: IConstruct, ...packs: PolicyPack[]): PolicyReport {
    const stack = TerraformStack.of(scope);
    const refs: PackRef[] = packs.map(p => ({ name: p.name, ruleIds: p.ruleIds }));
    const targets = new Map<TerraformResource, PackRef[]>();
    for (const node of scope.node.findAll()) {
      if (TerraformResource.isTerraformResource(node)) targets.set(node, refs);
    }
    return evaluate(stack, stack.toTerraform(), targets, refs.map(r => r.name), scope);
  }

  /** Every policy rule: id, level, rule, fix, anchors and packs (what lib/policy/README.md lists). */
  public static rules(): PolicyRuleInfo[] {
    return ALL_RULES.map(describeRule);
  }

  /** The report of `stack`'s last synth, or undefined when no pack ran on it yet. */
  public static reportOf(stack: TerraformStack): PolicyReport | undefined {
    return PolicyRun.find(stack)?.lastReport;
  }

  private constructor() {}
}

/** The stack `scope` is in (or is), or undefined above stacks (the App, or a construct holding stacks). */
function stackOf(scope: IConstruct): TerraformStack | undefined {
  return scope.node.scopes.reverse().find((s): s is TerraformStack => TerraformStack.isStack(s));
}
