// A production estate in one stack: synthesize with `npx cdktf synth --app "npx tsx --tsconfig tsconfig.dev.json
// examples/estate/main.ts"`. (`npm run synth` runs examples/platform, the main example, which spreads this estate over
// four stacks.)
import { App } from 'cdktf';
import { EstateStack } from './stack';

const app = new App();
// In CI (CI=true) the lock is only verified: a version missing from it, or with changed content, fails synth.
new EstateStack(app, 'churn-prod', { lockFile: 'examples/estate/asset-versions.lock.json' });
app.synth();
