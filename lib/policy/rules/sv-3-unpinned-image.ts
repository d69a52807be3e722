import { PolicyLevel } from '../level';
import { ARM, at, defineRule, isUnknown } from '../rule';

/** An image reference with no tag, or the moving tag `latest`, and no digest. */
export function isUnpinnedImage(image: string): boolean {
  if (image.includes('@sha256:')) return false;
  const lastSegment = image.split('/').pop() ?? image;
  const colon = lastSegment.lastIndexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest';
}

// A deployment that references `...@latest` or an image by a moving tag serves whatever was pushed last: a rollback
// to "the same" version can silently change the code that runs.
export const SV_3 = defineRule({
  id: 'MLOPS-SV-3',
  level: PolicyLevel.ERROR,
  rule: 'Environments and deployments pin what they run: images by version tag or digest (not :latest or untagged), assets by version (not @latest)',
  fix: 'use a dated or semantic image tag (e.g. mcr.microsoft.com/azureml/...:20240709.v1) or an @sha256 digest, and reference environment and model versions explicitly',
  anchors: {
    design: ['DESIGN.md: every model version and what serves it is declared in code'],
  },
  packs: ['ProductionReadiness'],
  appliesTo: [ARM.WORKSPACE_ENVIRONMENT_VERSION, ARM.REGISTRY_ENVIRONMENT_VERSION, ARM.ONLINE_DEPLOYMENT],
  check: (r) => {
    if (r.azureType?.toLowerCase().endsWith('/environments/versions')) {
      const image = at(r.body, 'properties.image');
      return typeof image === 'string' && !isUnknown(image) && isUnpinnedImage(image) ? { subject: 'properties.image', value: image } : undefined;
    }
    for (const subject of ['properties.environmentId', 'properties.model']) {
      const ref = at(r.body, subject);
      if (typeof ref === 'string' && /@latest$|\/labels\/latest$/i.test(ref)) return { subject, value: ref };
    }
    return undefined;
  },
});
