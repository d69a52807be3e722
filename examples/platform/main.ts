// The main example: the platform repo that `npm run synth` synthesizes (cdktf.json runs this file), in four stacks.
// Treat this folder as the root of your repository: it holds the app, the model folders and other assets it
// uploads, its version lock, and the pipeline files it generates (rewritten on every run, compared by a test).
//
// Creates, stack by stack (applied by the pipeline in the order dev → shared → prod; devops once, by hand):
// - devops: the Azure DevOps project and repository `mlops-churnplat`; resource groups rg-churnplat-identities and
//   rg-churnplat-tfstate; the state storage account stchurnplattfstate with one container per stage (tfstate-dev,
//   tfstate-shared, tfstate-prod); stages dev, shared and prod, each with a deploy and a read-only plan identity and
//   their roles, two workload-identity service connections, an environment and a variable group; approvals on shared
//   and prod; dev and prod run on the self-hosted pool churnplat-private-agents (their storage is private); the
//   pipeline `mlops` reading pipelines/azure-pipelines.yml (plan, approval, apply per stack; a smoke test of the prod
//   endpoint). .github/workflows/mlops.yml is the same pipeline for GitHub Actions.
// - dev: resource group rg-churnplat-dev; a secure workspace mlw-churnplat-dev with its storage, Key Vault, ACR,
//   monitoring and managed network; a CPU cluster that scales to zero; a grant for the data scientists; the training
//   environment, data (data/churn-train.csv) and code (src/train) versions; the `churn` model with versions 1-3,
//   each the MLflow folder a training run wrote (models/churn-<n>), uploaded content-addressed, with lineage (data,
//   environment, code, commit, hyperparameters) and metrics (AUC, F1).
// - shared: resource group rg-churnplat-shared; the Azure ML registry mlr-churnplat (westeurope + northeurope,
//   private, delete-locked), its resource logs to the Log Analytics workspace log-churnplat-shared; dev's churn
//   versions 1-3 promoted into it (Production, Staging, Development).
// - prod: resource group rg-churnplat-prod; a workspace mlw-churnplat-prod like dev's, with a CPU cluster; the
//   registry grant for its identity; a batch-scoring environment, code (src/score) and a sample data version; the
//   online endpoint churn-platform-prod (its logs to the workspace's Log Analytics) serving registry versions 1 and 2 at 90/10 (a canary) with version 3
//   mirroring 20% of requests (a shadow), both live deployments autoscaled (3-6 instances), behind a promotion gate
//   (Staging or later, AUC >= 0.85, no worse than the incumbent); the batch endpoint churn-platform-batch scoring
//   with registry version 1 on the cluster.
//
// Run: `npm run synth` (or `npx tsx --tsconfig tsconfig.dev.json examples/platform/main.ts`; CDKTF_OUTDIR=<dir>
// synthesizes elsewhere). Replace the placeholder tenant, subscription and group ids at the top of app.ts before
// deploying.
import { App } from 'cdktf';
import { buildPlatformApp } from './app';

const { app, pipelines } = buildPlatformApp(new App({ outdir: process.env.CDKTF_OUTDIR }));
app.synth();
for (const file of pipelines.writeFiles(__dirname)) console.log(`wrote ${file}`);
