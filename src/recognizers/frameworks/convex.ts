// https://docs.convex.dev/functions
import { defineFramework, type HandlerParam } from '../define.js';

// What a Convex function's first parameter holds (https://docs.convex.dev/api/interfaces/server.GenericActionCtx):
// the database in queries and mutations, and in actions the calls that run other functions.
// The second holds the arguments as `args` validates them (https://docs.convex.dev/functions/validation):
// `args: { id: v.id('bookings') }` says which table an id argument is of.
const CTX: HandlerParam[] = [
  { index: 0, fields: Object.fromEntries(['db', 'scheduler', 'storage', 'auth', 'runQuery', 'runMutation', 'runAction'].map((f) => [f, { module: 'convex/server', path: f }])) },
  { index: 1, option: 'args' },
];
const CLIENT = [{ module: 'convex/server', path: '' }];
// The context a helper is handed declares its type (`ctx: ActionCtx`).
const CONTEXT = ['', 'ActionCtx.new()', 'MutationCtx.new()', 'GenericActionCtx.new()', 'GenericMutationCtx.new()'].map((path) => ({ module: 'convex/server', path }));

export default defineFramework({
  id: 'convex',
  name: 'Convex functions',
  docs: 'https://docs.convex.dev/functions',
  packages: ['convex'],
  registrations: [
    // `export const checkout = action({ args, handler: async (ctx, args) => ... })`, or the handler
    // alone; from the app's generated `./_generated/server` or the package's `*Generic` builders.
    // Public functions are called by clients; internal ones only by other functions, by cron jobs
    // and by the scheduler (`references` below link those calls to them).
    {
      clients: CLIENT,
      calls: ['query', 'mutation', 'action'].flatMap((kind) => {
        const internal = `internal${kind[0]!.toUpperCase()}${kind.slice(1)}`;
        return [kind, internal, `${kind}Generic`, `${internal}Generic`];
      }),
      handlerKeys: ['handler'],
      // Clients call it by that path: `api.payments.checkout` is `payments:checkout`.
      routeFromExport: 'convex',
      handlerParams: CTX,
      entry: 'convex-function',
    },
    // https://docs.convex.dev/functions/http-actions: `http.route({ path, method, handler: httpAction(fn) })`.
    {
      clients: [{ module: 'convex/server', path: 'httpRouter.()' }],
      calls: ['route'],
      handlerKeys: ['handler'],
      routeKeys: ['path', 'pathPrefix'],
      methodKeys: ['method'],
      handlerParams: CTX,
      entry: 'convex-http-action',
    },
  ],
  // https://docs.convex.dev/functions/actions#action-context: `ctx.runMutation(internal.bookings.create, args)`
  // runs the function exported as `create` from `convex/bookings.ts` and returns what it returns;
  // `ctx.scheduler.runAfter(ms, ref, args)` runs it later.
  references: {
    roots: ['api', 'internal'].map((path) => ({ module: 'convex/server', path })),
    folder: 'convex',
    argsParam: 1,
    senders: [
      { clients: CONTEXT, calls: { runMutation: 'call', runAction: 'call', runQuery: 'call' }, refArg: 0, argsArg: 1 },
      { clients: CONTEXT, calls: { 'scheduler.runAfter': 'deferred', 'scheduler.runAt': 'deferred' }, refArg: 1, argsArg: 2 },
      // Server code outside Convex calls it too: https://docs.convex.dev/client/javascript/node
      // (`new ConvexHttpClient(url).mutation(api.bookings.create, args)`) and
      // https://docs.convex.dev/client/nextjs/app-router/server-rendering (`fetchMutation(api.bookings.create, args)`).
      {
        clients: ['ConvexHttpClient.new()', 'ConvexClient.new()'].map((path) => ({ module: 'convex/browser', path })),
        calls: { mutation: 'call', action: 'call', query: 'call' },
        refArg: 0,
        argsArg: 1,
      },
      { clients: [{ module: 'convex/nextjs', path: '' }], calls: { fetchMutation: 'call', fetchAction: 'call', fetchQuery: 'call' }, refArg: 0, argsArg: 1 },
      // https://labs.convex.dev/better-auth: the same calls made as the signed-in user.
      {
        clients: [{ module: '@convex-dev/better-auth/nextjs', path: 'convexBetterAuthNextJs.()' }],
        calls: { fetchAuthMutation: 'call', fetchAuthAction: 'call', fetchAuthQuery: 'call' },
        refArg: 0,
        argsArg: 1,
      },
    ],
    // https://docs.convex.dev/scheduling/cron-jobs: `const crons = cronJobs(); crons.interval('release holds', { minutes: 5 }, internal.holds.release)`.
    schedules: [{ clients: [{ module: 'convex/server', path: 'cronJobs.()' }], calls: ['interval', 'cron', 'hourly', 'daily', 'weekly', 'monthly'], refArg: 2, scheduleArg: 1 }],
  },
});
