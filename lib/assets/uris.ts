/** URI checks shared by model, data and code sources. Not part of the jsii API. */
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';

/** Schemes Azure ML resolves for asset files. */
export const REMOTE_SCHEMES = ['https://', 'wasbs://', 'abfss://', 'azureml://'];

/** Adds a problem when `uri` is not a remote URI Azure ML can read (tokens pass). */
export function checkRemoteUri(v: Validator, subject: string, uri: string): void {
  if (isToken(uri)) return;
  const scheme = REMOTE_SCHEMES.find((s) => uri.toLowerCase().startsWith(s));
  if (scheme === undefined) {
    const local = !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
    v.add({
      subject, value: renderValue(uri),
      rule: `must be a URI with one of the schemes ${REMOTE_SCHEMES.join(', ')}` +
        (uri.toLowerCase().startsWith('http://') ? ' (plain http is not accepted: storage requires TLS)' : ''),
      fix: local ? 'for files on this machine use fromLocalPath(...), which uploads them content-addressed'
        : 'copy the files to Azure Storage and pass its https:// or azureml://datastores/... URI',
    });
    return;
  }
  v.check(uri.length > scheme.length && !/\s/.test(uri), () => ({
    subject, value: renderValue(uri), rule: 'must name a location after the scheme, without spaces',
    fix: 'e.g. https://<account>.blob.core.windows.net/<container>/<path> or azureml://datastores/<name>/paths/<path>',
  }));
}
