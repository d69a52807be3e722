// Run: npx tsx --tsconfig tsconfig.dev.json examples/devops/main.ts  (synthesizes into ./cdktf.out, or CDKTF_OUTDIR,
// and writes the pipeline files beside this file, where this folder stands for the root of your repository).
import { App } from 'cdktf';
import { buildDevOpsExample } from './app';

const { app, pipelines } = buildDevOpsExample(new App({ outdir: process.env.CDKTF_OUTDIR }));
app.synth();
for (const file of pipelines.writeFiles(__dirname)) console.log(`wrote ${file}`);
