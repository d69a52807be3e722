/**
 * Units and spellings the CLI accepts and Azure's API spells differently. Not part of the jsii API.
 */

/** Milliseconds (the CLI's `request_timeout_ms`, probe `timeout`s are seconds) to an ISO 8601 duration, e.g. 90000 → PT1M30S. */
export function msToIso8601(ms: number): string {
  return secondsToIso8601(ms / 1000);
}

/** Seconds to an ISO 8601 duration (PT…H…M…S), e.g. 10 → PT10S, 3600 → PT1H, 0.5 → PT0.5S. */
export function secondsToIso8601(seconds: number): string {
  if (!(seconds >= 0) || !isFinite(seconds)) throw new RangeError(`not a duration: ${seconds}`);
  let rest = seconds;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  rest = Math.round((rest - m * 60) * 1000) / 1000;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
  return `PT${parts}`;
}

/**
 * A VM size in Azure's casing, from any casing the CLI accepts (it compares sizes case-insensitively):
 * `STANDARD_NC4AS_T4_V3` → `Standard_NC4as_T4_v3`, `standard_ds3_v2` → `Standard_DS3_v2`.
 * Azure's rule (https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions): family letters upper case,
 * then the vCPU count, then the additive features in lower case; the accelerator part (`T4`, `A100`) upper case; the
 * version `v<n>` lower case. Values that do not fit the pattern are returned unchanged.
 */
export function azureVmSize(value: string): string {
  const m = /^standard_([a-z]+)(\d+)(-\d+)?([a-z]*)((?:_[a-z]*\d+[a-z]*)*?)(_v\d+)?(_promo)?$/i.exec(value);
  if (!m) return value;
  const [, family, cpus, constrained, features, accel, ver, promo] = m;
  const accelerator = (accel ?? '').split('_').filter(Boolean).map((p) => `_${p.toUpperCase()}`).join('');
  return `Standard_${family.toUpperCase()}${cpus}${constrained ?? ''}${features.toLowerCase()}${accelerator}${(ver ?? '').toLowerCase()}${promo ? '_Promo' : ''}`;
}

/** `allow_only_approved_outbound` → `AllowOnlyApprovedOutbound`; `enabled` → `Enabled`. */
export function pascalCase(value: string): string {
  return value.split(/[_\s-]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1).toLowerCase()).join('');
}
