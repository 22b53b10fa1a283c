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
      // Named by its kind (MUTATION, QUERY) and its procedure path: the keys it sits under in
      // `t.router({...})` (exported as `createTRPCRouter`, `router`), plain nested objects (v11) and
      // the routers that hold that router. `t.mergeRouters(a, b)` keeps the paths of a and b.
      methodFromCall: true,
      routeFromKeys: ['**.create.().router', '**.create.().mergeRouters'],
      // https://trpc.io/docs/server/server-side-calls: route handlers, server actions and server
      // components call procedures in-process (`api.booking.create(input)` on the T3 `createCaller`).
      callers: ['**.create.().createCallerFactory.().()', '**.create.().router.().createCaller.()'],
      // https://trpc.io/docs/server/context: `{ ctx }` is what the context factory returns.
      handlerParams: [{ index: 0, fields: { ctx: ['createContext', 'createTRPCContext', 'createInnerTRPCContext'] } }],
      entry: 'trpc-procedure',
    },
    // v9 (https://trpc.io/docs/v9/router): `trpc.router<Context>()` (usually behind a `createRouter()`
    // factory) names each procedure by its first argument, `.mutation('create', { input, resolve })`,
    // and `.merge('booking.', bookingRouter)` puts a router's names under a prefix.
    {
      clients: [{ path: 'router.()' }],
      calls: ['mutation', 'query', 'subscription', 'merge'].map((call) => `**.${call}`),
      routeArg: 0,
      methodFromCall: true,
      handlerKeys: ['resolve'],
      mountCalls: ['merge'],
      // https://trpc.io/docs/v9/context: `resolve({ ctx, input })`, ctx from the context factory.
      handlerParams: [{ index: 0, fields: { ctx: ['createContext', 'createTRPCContext', 'createInnerTRPCContext'] } }],
      entry: 'trpc-procedure',
    },
  ],
});
