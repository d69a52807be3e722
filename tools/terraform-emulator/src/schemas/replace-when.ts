/**
 * Replacement that depends on how a value changes, not only on whether it does. The generic plan code replaces a
 * resource on any change of a `forceNew` attribute; for the attributes listed in a ReplaceWhenTable it asks the
 * predicate instead (the attribute is then not marked forceNew in the schema).
 */

/** True when changing `prior` to `next` replaces the resource. Both are the attribute's plain values. */
export type ReplacePredicate = (prior: unknown, next: unknown) => boolean;

/** By resource type, then by attribute path (`account_replication_type`, `block.attribute`). */
export type ReplaceWhenTable = Readonly<Record<string, Readonly<Record<string, ReplacePredicate>>>>;

/** The predicate for `type`'s `attribute`, if the table has one. */
export function replacePredicate(table: ReplaceWhenTable, type: string, attribute: string): ReplacePredicate | undefined {
  return Object.prototype.hasOwnProperty.call(table, type) ? table[type][attribute] : undefined;
}
