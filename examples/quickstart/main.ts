// The main example: what `npm run synth` synthesizes into cdktf.out/.
import { App } from 'cdktf';
import { QuickstartStack } from './stack';

const app = new App();
new QuickstartStack(app, 'quickstart');
app.synth();
