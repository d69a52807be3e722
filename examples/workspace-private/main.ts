// A network-isolated Azure ML workspace. Synthesize with: npx tsx --tsconfig tsconfig.dev.json
// examples/workspace-private/main.ts
import * as path from 'path';
import { App } from 'cdktf';
import { MinimalWorkspaceStack } from './minimal';
import { WorkspacePrivateStack } from './stack';

const app = new App({ outdir: process.env.CDKTF_OUTDIR ?? path.join(__dirname, 'cdktf.out') });
new WorkspacePrivateStack(app, 'workspace-private');
new MinimalWorkspaceStack(app, 'workspace-minimal');
app.synth();
