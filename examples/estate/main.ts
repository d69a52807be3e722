// The main example: what `npm run synth` synthesizes into cdktf.out/.
import { App } from 'cdktf';
import { EstateStack } from './stack';

const app = new App();
// In CI (CI=true) the lock is only verified: a version missing from it, or with changed content, fails synth.
new EstateStack(app, 'churn-prod', { lockFile: 'examples/estate/asset-versions.lock.json' });
app.synth();
