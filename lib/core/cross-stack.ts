/**
 * What every construct of this library does when it touches a construct of another stack of the same App: how it
 * orders itself after it, where a grant on it is created, and how a part of its ARM id is read. Not part of the
 * jsii API: constructs call these; users see only their effect (and `MlopsValidationError` when a cross-stack use
 * cannot work).
 *
 * | Use from stack B of something in stack A | What the library emits |
 * |---|---|
 * | `depends_on` on a resource of A | nothing in B's `depends_on` (see `dependenciesWithin`); B depends on A as a stack |
 * | a grant on a resource of A to a principal owned by B | the role assignment in B, under `CrossStackGrants` |
 * | the subscription of an ARM id owned by A | a Terraform local in A, read through A's remote state |
 * | any of the above when A already depends on B | ERROR: the stacks would depend on each other |
 */
import { ITerraformDependable, TerraformLocal, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { MlopsValidationError } from './errors';

/** The stack of `c`, or undefined when `c` is not in one (e.g. a dependable that is not a construct). */
function stackOf(c: unknown): TerraformStack | undefined {
  if (!Construct.isConstruct(c)) return undefined;
  try {
    return TerraformStack.of(c);
  } catch {
    return undefined;
  }
}

/**
 * The dependencies of `scope`'s resource that Terraform can take: those in the stack of `scope`. A dependency on a
 * resource of another stack is dropped from `depends_on` and becomes a dependency of the stacks instead (B is applied
 * after A), because cdktf renders a cross-stack `depends_on` entry as
 * `data.terraform_remote_state.<stack>.outputs.<output>`, which Terraform rejects ("Invalid depends_on reference ...
 * must be to a whole object"): cdktf bug https://github.com/hashicorp/terraform-cdk/issues/3023, open and unfixed in
 * cdktf 0.21 (the last release). Every construct of the library adds its dependencies through this function.
 *
 * Returns undefined when nothing is left, so no empty `depends_on` is written.
 */
export function dependenciesWithin(scope: IConstruct, deps: ReadonlyArray<ITerraformDependable | undefined>): ITerraformDependable[] | undefined {
  const here = TerraformStack.of(scope);
  const kept: ITerraformDependable[] = [];
  for (const dep of deps) {
    if (dep === undefined || kept.includes(dep)) continue;
    const there = stackOf(dep);
    if (there === undefined || there === here) {
      kept.push(dep);
      continue;
    }
    requireStackOrder(scope, there, `it waits for '${(dep as unknown as IConstruct).node.path}'`);
  }
  return kept.length > 0 ? kept : undefined;
}

/**
 * Records that the stack of `scope` is applied after `dependency`: cdktf writes it to the manifest (what `cdktf
 * deploy` and the generated pipelines order by). Throws a named error, not cdktf's circular-dependency trace, when
 * `dependency` already depends on the stack of `scope`.
 */
export function requireStackOrder(scope: IConstruct, dependency: TerraformStack, why: string): void {
  const here = TerraformStack.of(scope);
  if (dependency === here || here.dependencies.includes(dependency)) return;
  if (dependency.dependsOn(here)) {
    throw new MlopsValidationError(scope.node.path, 'cross-stack use', [{
      subject: `stack '${here.node.id}'`, value: `'${dependency.node.id}'`,
      rule: `would have to be applied after stack '${dependency.node.id}' (${why}), but '${dependency.node.id}' already ` +
        `depends on '${here.node.id}': Terraform cannot apply two stacks that each wait for the other`,
      fix: `declare this construct in stack '${dependency.node.id}' (or in a third stack applied after both), or move what ` +
        `'${dependency.node.id}' takes from '${here.node.id}' out of '${here.node.id}'`,
    }]);
  }
  here.addDependency(dependency);
}

/**
 * Where a role assignment on a resource owned by `resourceScope` to a principal owned by `principalOwner` goes.
 *
 * - Same stack, or the principal's owner unknown: under `resourceScope`, as always (construct paths unchanged).
 * - Different stacks, and the resource's stack already depends on the principal's: under `resourceScope` too (it can
 *   read the principal id through the principal's stack's outputs).
 * - Otherwise (a grant made for a principal of stack B on a resource of stack A): in B, at the stable path
 *   `<B>/CrossStackGrants/<A>/<path of the resource in A>`, and B is applied after A. Putting it in A would make A
 *   depend on B while B already reads A's ids: cdktf's circular-dependency crash.
 */
export function grantHome(resourceScope: IConstruct, principalOwner: IConstruct | undefined): IConstruct {
  const resourceStack = TerraformStack.of(resourceScope);
  const principalStack = principalOwner ? stackOf(principalOwner) : undefined;
  if (principalStack === undefined || principalStack === resourceStack || resourceStack.dependsOn(principalStack)) {
    return resourceScope;
  }
  requireStackOrder(principalStack, resourceStack, `a grant in it is on '${resourceScope.node.path}'`);
  let home: IConstruct = childOf(childOf(principalStack, 'CrossStackGrants'), resourceStack.node.id);
  for (const segment of resourceScope.node.scopes.slice(resourceStack.node.scopes.length).map(s => s.node.id)) {
    home = childOf(home, segment);
  }
  return home;
}

function childOf(parent: IConstruct, id: string): IConstruct {
  return parent.node.tryFindChild(id) ?? new Construct(parent, id);
}

/**
 * A value computed in the stack of `owner`, for use in the stack of `consumer`: the value itself when both are in one
 * stack; otherwise a Terraform local of `owner` (id `key`, created once), so `consumer`'s stack reads a plain output
 * of `owner`'s stack instead of applying functions to a remote-state reference (which is how ARM ids are parsed, and
 * cdktf mangles functions over cross-stack tokens: "escape sequences ... the output may be incorrect").
 */
export function valueFor(owner: IConstruct, consumer: IConstruct, key: string, value: string): string {
  if (!Token.isUnresolved(value) || TerraformStack.of(owner) === TerraformStack.of(consumer)) return value;
  const existing = owner.node.tryFindChild(key);
  const local = existing instanceof TerraformLocal ? existing : new TerraformLocal(owner, key, value);
  return local.asString;
}
