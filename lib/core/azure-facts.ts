import * as fs from 'fs';
import * as path from 'path';
import { Problem, renderValue } from './errors';

/**
 * Azure facts checked at synth without a network: region names and VM size names, vendored in `./azure-facts/`
 * (see its PROVENANCE.md; refreshed with scripts/derive-azure-facts.js). Loaded on first use, once per process.
 */
interface Facts {
  readonly regions: Map<string, string>;
  /** Squashed name (lowercase, no "_" or "-") to the size's real name. */
  readonly vmSizes: Map<string, string>;
  readonly vmSizesExact: Set<string>;
}

let facts: Facts | undefined;

function load(): Facts {
  if (facts) return facts;
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'azure-facts', file), 'utf8'));
  const regions = new Map<string, string>();
  for (const r of read('regions.json').regions as { name: string; displayName: string }[]) regions.set(r.name, r.displayName);
  const sizes = read('vm-sizes.json').sizes as string[];
  facts = { regions, vmSizes: new Map(sizes.map(s => [squash(s), s])), vmSizesExact: new Set(sizes.map(s => s.toLowerCase())) };
  return facts;
}

function squash(value: string): string {
  return value.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * Azure's VM size naming convention: `<tier>_<family><sub-family><vCPUs>[-<constrained vCPUs>]<features>
 * [_<accelerator>|_<n>][_v<version>][_Promo]`, e.g. Standard_NC24ads_A100_v4, Standard_M416s_8_v2, Standard_M128-64ms.
 * @see https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions
 */
const VM_SIZE_GRAMMAR = /^(Standard|Basic)_[A-Z]+[a-z]*\d+(-\d+)?[a-z]*(_[A-Z]+\d+[A-Za-z]*|_\d+)?(_v\d+)?(_Promo)?$/;

/** The problem with a region name, or undefined when it is one of Azure's region names (compared as ARM does, without case). */
export function regionProblem(subject: string, value: string): Problem | undefined {
  const { regions } = load();
  if (regions.has(value.toLowerCase())) return undefined;
  const near = regions.has(squash(value)) ? squash(value) : undefined;
  const byDisplay = [...regions.entries()].find(([, display]) => squash(display) === squash(value))?.[0];
  const suggestion = near ?? byDisplay;
  return {
    subject, value: renderValue(value),
    rule: suggestion ? 'is not a region name: Azure names regions in lowercase, without spaces or "-"' : 'is not an Azure region',
    fix: suggestion ? `use "${suggestion}"` : 'use a region name as `az account list-locations --query "[].name"` lists it, e.g. "westeurope"',
  };
}

/**
 * The problem with a VM size name, or undefined when it is a known size or has the shape of one. A misspelt known
 * size (wrong "_" or case) gets a did-you-mean.
 */
export function vmSizeProblem(subject: string, value: string): Problem | undefined {
  const { vmSizes, vmSizesExact } = load();
  if (vmSizesExact.has(value.toLowerCase())) return undefined;
  const known = vmSizes.get(squash(value));
  if (known) {
    return { subject, value: renderValue(value), rule: `is not an Azure VM size name (did you mean "${known}"?)`, fix: `use "${known}"` };
  }
  if (VM_SIZE_GRAMMAR.test(value)) return undefined;
  return {
    subject, value: renderValue(value),
    rule: 'is not an Azure VM size name (Standard_<family><vCPUs><features>[_<accelerator>][_v<version>])',
    fix: 'use a size as `az vm list-sizes --location <region> --query "[].name"` lists it, e.g. "Standard_DS3_v2"',
  };
}
