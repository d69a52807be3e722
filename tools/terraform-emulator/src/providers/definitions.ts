import type { ProviderDefinition } from '../provider/definition';
import type { HandlerContext, Plain } from './handler';

// TEMPORARY smoke-test definition; replaced when the schemas and handlers land.
export function providerDefinition(name: string): ProviderDefinition {
  if (name !== 'azapi') throw new Error(`unknown provider ${name}`);
  let n = 0;
  return {
    name,
    schema: () => ({
      provider: { attributes: { subscription_id: { type: 'string', optional: true } }, blocks: {} },
      resources: {
        azapi_resource: {
          version: 0,
          block: {
            attributes: {
              id: { type: 'string', computed: true },
              type: { type: 'string', required: true },
              name: { type: 'string', optional: true, forceNew: true },
              parent_id: { type: 'string', optional: true, computed: true, forceNew: true },
              body: { type: 'dynamic', optional: true },
              output: { type: 'dynamic', computed: true },
              retry: { nested: { nesting: 'single', attributes: { error_message_regex: { type: ['list', 'string'], required: true } } }, optional: true },
            },
            blocks: { identity: { nesting: 'list', maxItems: 1, block: { attributes: { type: { type: 'string', required: true }, principal_id: { type: 'string', computed: true } }, blocks: {} } } },
          },
        },
      },
      dataSources: {},
    }),
    resources: {
      azapi_resource: {
        create: (_c: HandlerContext, p: Plain) => ({ id: `${p.parent_id}/x/${p.name}/${n++}`, parent_id: '/subscriptions/0000', output: { properties: { a: 1 } }, identity: [{ principal_id: 'pid' }] }),
        update: () => ({}),
        delete: () => undefined,
      },
    },
    dataSources: {},
    withContext: <T>(providerConfig: Plain, fn: (ctx: HandlerContext) => T) => fn({ cloud: undefined as never, subscriptionId: 's', tenantId: 't', providerConfig }),
  };
}
