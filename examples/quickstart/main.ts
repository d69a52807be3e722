// The quickstart: `npx cdktf synth --app "npx tsx --tsconfig tsconfig.dev.json examples/quickstart/main.ts"`. (`npm run
// synth` runs the main example, examples/platform.)
import { App } from 'cdktf';
import { QuickstartStack } from './stack';

const app = new App();
new QuickstartStack(app, 'quickstart');
app.synth();
