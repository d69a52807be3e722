// Benchmark app: the main example (examples/platform/main.ts, unchanged) with all three policy packs on every stack,
// so `npm run bench` shows what the packs add to the main example's synth.
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { buildPlatformApp } from '../../examples/platform/app';
import { DataProtection, Policy, ProductionReadiness, SecureBaseline } from '../../lib/policy';

const { app, pipelines } = buildPlatformApp(new App({ outdir: process.env.CDKTF_OUTDIR }));
for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack)) {
  Policy.apply(stack, new SecureBaseline(), new DataProtection(), new ProductionReadiness());
}
app.synth();
pipelines.writeFiles(path.join(__dirname, '..', '..', 'examples', 'platform'));
