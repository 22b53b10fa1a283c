// The shapes in which providers, stores and frameworks are declared: plain data, matched by the
// shared engine in `match.ts`. A path is dot-separated steps from a package's root (or a client):
// a property name, `()` for a call, `new()` for construction, `*` for any one step, `**` for any
// number of steps. `new()` also stands for "a value of this type" (a typed parameter).

/** How a package's export becomes the object that operations are called on. */
export interface ClientPattern {
  /** Package (or module glob such as `drizzle-orm/*`); defaults to every package of the recognizer. */
  module?: string;
  /** A global instead of a package (`Deno`, `fetch`). */
  global?: string;
  /** Steps from the module root to the client: '' (the module itself), 'new()', 'Stripe.new()', 'model.()'. */
  path: string;
}

export type ProviderRole = 'initiation' | 'capture' | 'refund' | 'retrieve' | 'verify-webhook' | 'cancel';

export interface ProviderOperation {
  /** Steps after the client, e.g. 'checkout.sessions.create'. */
  call: string;
  role: ProviderRole;
  /** Name in reports; defaults to `call`. */
  api?: string;
  /** Recurring billing, not a booking payment (subscriptions, plans). */
  billing?: boolean;
  /** The operation only counts when argument `index` resolves to this path (PayPal `execute(new OrdersCreateRequest())`). */
  argIs?: { index: number; path: string; module?: string };
  /** Where the request payload is, when it is not argument 0: another argument, or calls of `method` on it. */
  payload?: { index: number; method?: string };
}

export interface RestEndpoint {
  /** Regex source matched against the URL's host. */
  host: string;
  /** Regex source matched against the URL's path (static parts; `${}` marks an interpolation). */
  path: string;
  method?: 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  role: ProviderRole;
  api: string;
  billing?: boolean;
  /** The path alone identifies the provider, so a URL whose host comes from configuration still matches. */
  anyHost?: boolean;
}

export interface ProviderRecognizer {
  kind: 'provider';
  id: string;
  name: string;
  docs: string;
  /** Server-side SDK packages: depending on one of them is a payment integration. */
  packages: string[];
  /** Browser-only packages: they start no server-side payment. */
  browserPackages?: string[];
  clients: ClientPattern[];
  operations: ProviderOperation[];
  rest?: RestEndpoint[];
  /** Payload fields that carry the app's own reference, e.g. 'metadata.*', 'purchase_units.*.reference_id'. */
  referenceFields: string[];
  /** Payload fields whose value makes an initiation recurring billing, e.g. mode: 'subscription'. */
  billingWhen?: { field: string; equals: string }[];
  /** Event types the provider sends on success and failure (webhooks). */
  events: { success: string[]; failure: string[] };
  /** How to start a payment that carries `booking.id`, for remediation text. */
  example?: string;
}

/** Where a store operation's entity name comes from. */
export type EntitySource =
  | 'wildcard' // the step matched by `*` (Prisma `prisma.booking.create`)
  | 'chain' // arguments of the calls that produced the client (`from('bookings')`, `model('Booking')`)
  | 'args' // the operation's own arguments (`insert(bookings)`, `save(Booking, {...})`)
  | 'receiver' // the name of the object the operation is called on (`Booking.create()` on a model class)
  | 'types' // type arguments and injection decorators (`Repository<Booking>`)
  | 'sql' // an INSERT/SELECT statement in the first argument or tagged template
  | 'key' // a key such as `booking:${id}` in the first argument: its entity segment (not a lock or hold)
  | 'function' // the first argument names a SQL function of the migrations: the tables its body writes
  | `field:${string}`; // a field of the payload (argument 0, or the input of `new Command(input)` there)

export type Guard = 'null' | 'throws' | 'error' | 'exists' | 'data';

export interface StoreOperation {
  call: string;
  /** The operation only counts when argument `index` resolves to this path (`send(new PutCommand(...))`). */
  argIs?: { index: number; path: string; module?: string };
  /** The operation only counts when argument `index` is (or is not) an object: `hset(key, record)` vs `hset(key, field, value)`. */
  argShape?: { index: number; object: boolean };
  entity: EntitySource[];
  /** Where the written or read record is: the call's result (default), its receiver, or argument 0. */
  record?: 'result' | 'receiver' | 'arg0';
  /**
   * Reads: how a missing record shows. 'null' = a falsy result, 'throws' = the call throws,
   * 'error' = an `error` field is set, 'exists' = the result's `exists` (property or method) is false,
   * 'data' = the result's `data()` is empty (a Firestore snapshot).
   */
  guard?: Guard | Guard[];
  /** A guard kind holds only when one of these calls follows the operation (`.single()`). */
  guardRequires?: Partial<Record<Guard, string[]>>;
  /** Completes synchronously (better-sqlite3): no await needed. */
  sync?: boolean;
  /** Only marks the record for writing (unit of work): it is written when a later `flushes` call completes. */
  queued?: boolean;
  /**
   * Keys that create related records inside the payload (`data: { bookings: { create: {...} } }`):
   * the relation field names them, so a booking created through another model is a booking write.
   */
  nested?: string[];
}

export interface StoreRecognizer {
  kind: 'store';
  id: string;
  name: string;
  docs: string;
  packages: string[];
  /** Specifiers that load this store's client without naming the package (a generated Prisma client). */
  specifiers?: string[];
  clients: ClientPattern[];
  /** Methods that return the same client (`$extends`, `withSchema`): skipped when matching. */
  passthrough?: string[];
  writes: StoreOperation[];
  reads: StoreOperation[];
  /** Updates and deletes of existing records (status changes, cancellations). */
  updates?: StoreOperation[];
  /** How this store creates a pending booking, for remediation text; `booking` is the variable. */
  example?: string;
  /** Calls that run a callback inline with a transaction client as parameter `param`. */
  transactions?: { call: string; param: number; client: 'receiver' | 'same' }[];
  /** Calls whose array argument's queries complete with the call (`$transaction([...])`). */
  groups?: string[];
  /** Calls that write every queued record (`em.flush()`). */
  flushes?: string[];
}

export interface RouteFileRule {
  /** Root-relative glob, matched against the path below any folder (monorepo apps). */
  glob: string;
  /**
   * Exports that are entry points; 'default' for a default export, '*' for every export. An export
   * that is an object of functions (SvelteKit `actions`) makes each function an entry point.
   */
  exports: string[];
  entry: string;
}

/** A handler's parameter whose fields the framework fills (tRPC's `{ ctx }`, Inngest's `{ step }`). */
export interface HandlerParam {
  index: number;
  /**
   * field -> what it holds: the return value of exported functions (by name, anywhere in the scan),
   * or a value of the framework's package (`{ module: 'inngest', path: 'step' }`).
   */
  fields: Record<string, string[] | { module: string; path: string }>;
}

export interface RegistrationRule {
  clients: ClientPattern[];
  /** Steps after the client whose function arguments are entry points: 'post', 'route.().post'. */
  calls: string[];
  entry: string;
  /** Argument holding the route path, if any. */
  routeArg?: number;
  /** The HTTP method is the last call step's name (Express `app.post`). */
  methodFromCall?: boolean;
  /** An options-object argument holding the handler (`app.route({ method, url, handler })`): its keys. */
  handlerKeys?: string[];
  /** Keys of that options object holding the route path and the method. */
  routeKeys?: string[];
  methodKeys?: string[];
  handlerParams?: HandlerParam[];
}

export interface DecoratorRule {
  /** Package that exports the method decorators. */
  module: string;
  /** Package that exports the class decorators, when another one (NestJS `@Controller` + `@MessagePattern`). */
  classModule?: string;
  classDecorators: string[];
  methodDecorators: string[];
  entry: string;
}

export interface FrameworkRecognizer {
  kind: 'framework';
  id: string;
  name: string;
  docs: string;
  packages: string[];
  routeFiles?: RouteFileRule[];
  directives?: { directive: string; entry: string }[];
  registrations?: RegistrationRule[];
  decorators?: DecoratorRule[];
  /** Calls that never return normally (Next.js `notFound()`, `redirect()`). */
  aborts?: ClientPattern[];
  /** Calls that run their function argument later, not before the call returns (`after()`, `waitUntil`). */
  deferred?: ClientPattern[];
  /**
   * Functions declared with one of the framework's function types (`const routes: FastifyPluginAsync =
   * async (fastify) => ...`): parameter `param` is a value at `value` from the type's package.
   */
  typedFunctions?: { type: string; module: string; param: number; value: string }[];
  /** Calls that run their function argument inline and return its result (Inngest `step.run(id, fn)`). */
  inline?: { clients: ClientPattern[]; calls: string[] }[];
  /**
   * Message links: a sender call (`client.send(pattern, payload)`) reaches the handlers whose decorator
   * names the same pattern (`@MessagePattern(pattern)`), so a handler with senders in the scan is a
   * step of their chains, not an entry point of its own.
   */
  messages?: {
    senders: { clients: ClientPattern[]; calls: Record<string, 'call' | 'deferred'>; patternArg: number; payloadArg: number }[];
    handlers: { module: string; decorators: string[] };
  };
  /** Import aliases the framework defines without a tsconfig in the tree (`$lib` -> `src/lib`), relative to the app. */
  aliases?: Record<string, string>;
  /** Auto-imports: free names in files matching `files` are the exports of files matching `from`. */
  autoImports?: { files: string; from: string[] }[];
}

export type Recognizer = ProviderRecognizer | StoreRecognizer | FrameworkRecognizer;

export function defineProvider(r: Omit<ProviderRecognizer, 'kind'>): ProviderRecognizer {
  return { kind: 'provider', ...r };
}

export function defineStore(r: Omit<StoreRecognizer, 'kind'>): StoreRecognizer {
  return { kind: 'store', ...r };
}

export function defineFramework(r: Omit<FrameworkRecognizer, 'kind'>): FrameworkRecognizer {
  return { kind: 'framework', ...r };
}
