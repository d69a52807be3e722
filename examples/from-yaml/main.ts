// Deploys a model from a folder of CLI v2 YAML: `npx cdktf synth --app "npx tsx --tsconfig tsconfig.dev.json examples/from-yaml/main.ts"`.
import { App } from 'cdktf';
import { FromYamlStack } from './stack';

const app = new App();
new FromYamlStack(app, 'from-yaml');
app.synth();
