// The main example: what `npm run synth` synthesizes into cdktf.out/.
import { App } from 'cdktf';
import { EstateStack } from './stack';

const app = new App();
new EstateStack(app, 'churn-prod');
app.synth();
