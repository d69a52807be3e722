import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

const SECURE = ['TLS1_2', 'TLS1_3'];

export const ST_3 = defineRule({
  id: 'MLOPS-ST-3',
  level: PolicyLevel.ERROR,
  rule: 'Storage accounts accept TLS 1.2 or later only, written explicitly',
  fix: 'set min_tls_version = "TLS1_2" (azapi: properties.minimumTlsVersion = "TLS1_2")',
  anchors: {
    checkov: ['CKV_AZURE_44'],
    trivy: ['AVD-AZU-0011'],
    azurePolicy: ['fe83a0eb-a853-422d-aac2-1bffd182c5d0 (Storage accounts should have the specified minimum TLS version)'],
    mcsb: ['DP-3'],
    design: ['DESIGN.md secure baseline: storage with TLS 1.2'],
  },
  packs: ['SecureBaseline'],
  appliesTo: ['azurerm_storage_account', ARM.STORAGE],
  check: (r) => {
    const [subject, value] = r.azureType
      ? ['properties.minimumTlsVersion', at(r.body, 'properties.minimumTlsVersion')]
      : ['min_tls_version', at(r.config, 'min_tls_version')];
    return isUnknown(value) || SECURE.includes(value as string) ? undefined : { subject, value };
  },
});
