// Every rule, one per file. Order is the README's order: by area, then number.
import { RuleDefinition } from '../rule';
import { CR_1 } from './cr-1-acr-admin-user';
import { CR_2 } from './cr-2-acr-public-network';
import { CR_3 } from './cr-3-acr-anonymous-pull';
import { CR_4 } from './cr-4-acr-premium-sku';
import { DP_1 } from './dp-1-blob-versioning';
import { DP_2 } from './dp-2-blob-soft-delete';
import { DP_3 } from './dp-3-key-vault-purge-protection';
import { DP_4 } from './dp-4-prevent-destroy';
import { DP_5 } from './dp-5-delete-lock';
import { KV_1 } from './kv-1-key-vault-public-network';
import { KV_2 } from './kv-2-key-vault-network-acls';
import { KV_3 } from './kv-3-key-vault-rbac';
import { LOG_1 } from './log-1-diagnostics';
import { ML_1 } from './ml-1-workspace-public-network';
import { ML_2 } from './ml-2-workspace-identity-datastores';
import { ML_3 } from './ml-3-workspace-cmk';
import { ML_4 } from './ml-4-workspace-hbi';
import { ML_5 } from './ml-5-compute-local-auth';
import { ML_6 } from './ml-6-compute-public-ip';
import { ML_7 } from './ml-7-compute-scale-to-zero';
import { ML_8 } from './ml-8-registry-public-network';
import { ST_1 } from './st-1-storage-public-network';
import { ST_10 } from './st-10-storage-local-users';
import { ST_2 } from './st-2-storage-shared-key';
import { ST_3 } from './st-3-storage-tls';
import { ST_4 } from './st-4-storage-https';
import { ST_5 } from './st-5-storage-blob-public';
import { ST_6 } from './st-6-storage-network-deny';
import { ST_7 } from './st-7-storage-infrastructure-encryption';
import { ST_8 } from './st-8-storage-geo-redundant';
import { ST_9 } from './st-9-storage-cmk';
import { SV_1 } from './sv-1-endpoint-key-auth';
import { SV_2 } from './sv-2-endpoint-public-network';
import { SV_3 } from './sv-3-unpinned-image';
import { SV_4 } from './sv-4-single-instance';
import { SV_5 } from './sv-5-probes';

export const ALL_RULES: readonly RuleDefinition[] = [
  ML_1, ML_2, ML_3, ML_4, ML_5, ML_6, ML_7, ML_8,
  ST_1, ST_2, ST_3, ST_4, ST_5, ST_6, ST_7, ST_8, ST_9, ST_10,
  KV_1, KV_2, KV_3,
  CR_1, CR_2, CR_3, CR_4,
  DP_1, DP_2, DP_3, DP_4, DP_5,
  SV_1, SV_2, SV_3, SV_4, SV_5,
  LOG_1,
];

const BY_ID = new Map(ALL_RULES.map(r => [r.id, r]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}
