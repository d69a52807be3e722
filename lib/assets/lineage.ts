import { Token } from 'cdktf';
import { renderValue } from '../core/errors';
import { isToken, Validator } from '../core/validation';
import { ICodeVersion, IDataVersion, IEnvironmentVersion } from './asset-refs';
import { MLOPS_PREFIX } from './asset-target';

/**
 * What produced a model version. Stored in the version's `properties` under `mlops.lineage.*` and
 * `mlops.hyperparameter.*`, where Azure ML studio shows it and where it can never be edited afterwards.
 */
export interface ModelLineage {
  /** The Azure ML job that trained the model. @default - from the source for job outputs, otherwise not recorded */
  readonly trainingJob?: string;
  /** The data asset versions the model was trained and evaluated on. @default - none recorded */
  readonly data?: IDataVersion[];
  /** Data used that is not declared in this app, by ARM id or `azureml://` URI. @default - none recorded */
  readonly dataAssetIds?: string[];
  /** The environment version the training ran in. @default - not recorded */
  readonly environment?: IEnvironmentVersion;
  /** The code version of the training script. @default - not recorded */
  readonly code?: ICodeVersion;
  /** The commit of the training code: a full or abbreviated git SHA (7-64 hex digits). @default - not recorded */
  readonly sourceCommit?: string;
  /** The repository of the training code, e.g. `https://github.com/contoso/churn`. @default - not recorded */
  readonly sourceRepository?: string;
  /** Hyperparameters, as strings (`{ learning_rate: '0.01' }`). @default - none recorded */
  readonly hyperparameters?: { [name: string]: string };
}

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
const KEY_RULE = 'must be 1-100 letters, digits, "_", "." or "-", starting with a letter, digit or "_"';

/** Checks lineage and metrics, adding every problem to `v`. */
export function checkLineageAndMetrics(v: Validator, lineage: ModelLineage | undefined, metrics: { [name: string]: number } | undefined): void {
  for (const [name, value] of Object.entries(metrics ?? {})) {
    v.matches(`metrics.${name}`, name, KEY, `(the metric name) ${KEY_RULE}`, 'rename the metric, e.g. "auc" or "f1_macro"');
    if (!isToken(value)) {
      v.check(typeof value === 'number' && Number.isFinite(value), () => ({
        subject: `metrics.${name}`, value: renderValue(typeof value === 'number' ? String(value) : value),
        rule: 'must be a finite number (not NaN, Infinity or a string)',
        fix: 'record the evaluated value as a number, e.g. 0.91; leave out metrics that were not computed',
      }));
    }
  }
  for (const name of Object.keys(lineage?.hyperparameters ?? {})) {
    v.matches(`lineage.hyperparameters.${name}`, name, KEY, `(the hyperparameter name) ${KEY_RULE}`, 'rename it, e.g. "learning_rate"');
  }
  v.matches('lineage.sourceCommit', lineage?.sourceCommit, /^[0-9a-f]{7,64}$/,
    'must be a git commit SHA: 7-64 lowercase hex digits', 'pass the output of `git rev-parse HEAD`');
}

/** The `mlops.lineage.*`, `mlops.hyperparameter.*` and `mlops.metric.*` properties of a version. */
export function lineageProperties(lineage: ModelLineage | undefined, metrics: { [name: string]: number } | undefined,
  jobName?: string): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  const l = lineage ?? {};
  const job = l.trainingJob ?? jobName;
  if (job !== undefined) out[`${MLOPS_PREFIX}lineage.trainingJob`] = job;
  const data = [...(l.data ?? []).map((d) => d.assetId), ...(l.dataAssetIds ?? [])];
  data.forEach((id, i) => { out[`${MLOPS_PREFIX}lineage.data.${i}`] = id; });
  if (l.environment) out[`${MLOPS_PREFIX}lineage.environment`] = l.environment.assetId;
  if (l.code) out[`${MLOPS_PREFIX}lineage.code`] = l.code.assetId;
  if (l.sourceCommit !== undefined) out[`${MLOPS_PREFIX}lineage.sourceCommit`] = l.sourceCommit;
  if (l.sourceRepository !== undefined) out[`${MLOPS_PREFIX}lineage.sourceRepository`] = l.sourceRepository;
  for (const [k, val] of Object.entries(l.hyperparameters ?? {})) out[`${MLOPS_PREFIX}hyperparameter.${k}`] = val;
  Object.assign(out, metricEntries(metrics));
  return out;
}

/** `mlops.metric.<name>` entries, numbers rendered as JSON numbers (`0.91`, `1e-7`). */
export function metricEntries(metrics: { [name: string]: number } | undefined): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [name, value] of Object.entries(metrics ?? {})) {
    out[`${MLOPS_PREFIX}metric.${name}`] = isToken(value) ? Token.asString(value) : String(value);
  }
  return out;
}
