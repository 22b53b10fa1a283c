// https://trpc.io/docs/server/procedures
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'trpc',
  name: 'tRPC',
  docs: 'https://trpc.io/docs/server/procedures',
  packages: ['@trpc/server'],
  registrations: [
    // `initTRPC.create()` or `initTRPC.context<C>().meta<M>().create()` gives `t`; every procedure
    // is built from `t.procedure` (`publicProcedure`, `protectedProcedure = t.procedure.use(auth)`,
    // `.input(schema)`) and ends in the resolver: `.mutation(fn)`, `.query(fn)`, `.subscription(fn)`.
    // `createTRPCRouter = t.router` only groups them: the resolvers are the entry points.
    {
      clients: [{ path: 'initTRPC' }],
      calls: ['mutation', 'query', 'subscription'].map((kind) => `**.create.().procedure.**.${kind}`),
      // Names the entry after its kind (MUTATION, QUERY): the router key it sits under is not tracked.
      methodFromCall: true,
      // https://trpc.io/docs/server/context: `{ ctx }` is what the context factory returns.
      handlerParams: [{ index: 0, fields: { ctx: ['createContext', 'createTRPCContext', 'createInnerTRPCContext'] } }],
      entry: 'trpc-procedure',
    },
  ],
});
