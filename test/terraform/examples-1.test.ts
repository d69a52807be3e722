import { defineExampleTier } from './example-tier';

// Every app of the tier, in two files so that jest's two workers share them (see example-tier.ts).
defineExampleTier(0, 2);
