// Synthesizes the model-registry example: `npx cdktf synth --app "npx tsx --tsconfig tsconfig.dev.json
// examples/model-registry/main.ts"`.
import { App } from 'cdktf';
import { ModelRegistryStack } from './stack';

const app = new App();
new ModelRegistryStack(app, 'model-registry', { lockFile: 'examples/model-registry/asset-versions.lock.json' });
app.synth();
