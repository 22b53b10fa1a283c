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

/**
 * When an initiation moves money: 'charge' at once (`charges.create`, a PaymentIntent created with
 * `confirm: true`), 'hosted' when the customer completes the provider's page or a client-side
 * confirmation (captured automatically), 'authorize' only when an explicit capture call follows
 * (manual capture, PayPal orders).
 */
export type CaptureMode = 'charge' | 'hosted' | 'authorize';

export interface CaptureRule {
  mode: CaptureMode;
  /** Payload options that change the mode, checked in order; the first that holds wins. `field` is a dotted path. */
  when?: { field: string; equals: (string | number | boolean)[]; mode: CaptureMode }[];
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
  /**
   * A URL wholly from configuration (`axios.post(process.env.KHALTI_URL, body)`) names no endpoint:
   * the request is this one when its body holds every one of these keys, which together only this
   * endpoint asks for.
   */
  bodyKeys?: string[];
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
  /**
   * Payments that start with no API call: the server signs the parameters into a URL of the
   * provider's page and sends the customer there (VNPay's `vpcpay.html?vnp_TxnRef=...&vnp_SecureHash=...`).
   * A query-string serialization (`qs.stringify`, `querystring.stringify`, `new URLSearchParams`)
   * of an object holding every one of `keys` (properties, spread ones, or fields assigned to its
   * variable) builds that URL: it is the initiation `api`, and the object is its payload. Of several
   * serializations of one variable in a function (the text signed, then the URL), the last counts.
   * The keys also make a file worth analyzing in full: the page's host often comes from configuration.
   */
  redirect?: { keys: string[]; api: string };
  /**
   * Payments that start with a form the server fills in and the browser posts to the provider's page,
   * however it is signed (PayFast's `merchant_id`, `merchant_key`, `amount`, `item_name`, with an MD5
   * `signature`): an object built in a function (a literal, or a variable given a literal and its
   * fields there) that holds every one of `keys` is the form, and the first call there handed it (the
   * signing helper, the serialization, the response that sends it on) is the initiation `api`, the
   * object its payload. The keys also make a file worth analyzing in full.
   */
  form?: { keys: string[]; api: string };
  /**
   * Payments that start with no API call and no URL built by the app: the server signs the fields of
   * a form the browser posts to the provider's page (eSewa signs `total_amount=..,transaction_uuid=..,product_code=..`
   * with HMAC-SHA256). A signing call (`createHmac(...).update(text)`, crypto-js `HmacSHA256(text, key)`)
   * handed a text that names every one of `keys` as `key=value` is the initiation `api`, and the values
   * interpolated after those names are its payload fields. The keys also make a file worth analyzing in full.
   * A text naming one of `answerKeys` is the provider's answer being checked (eSewa's response names
   * `transaction_code` and `status`), not a payment.
   * With `positional`, the text names nothing (`PositionalText`); `keys` then only make a file worth analyzing.
   */
  signedText?: { keys: string[]; answerKeys: string[]; api: string; positional?: PositionalText };
  /** Payload fields that carry the app's own reference, e.g. 'metadata.*', 'purchase_units.*.reference_id'. */
  referenceFields: string[];
  /**
   * Payload fields whose values are the provider's own words for how the customer pays (MoMo's
   * `requestType: 'captureWallet'`): they say nothing of what is bought, so they never make a
   * payment look like a wallet top-up or a booking.
   */
  paymentMethodFields?: string[];
  /**
   * Provider objects created before the payment that carry the app's reference themselves (a Square
   * order with `referenceId`): an initiation whose `idFields` hold the id such a call returned
   * carries the reference that call's payload set in its `referenceFields`.
   */
  carriers?: { calls: string[]; referenceFields: string[]; idFields: string[] }[];
  /** Payload fields whose value makes an initiation recurring billing, e.g. mode: 'subscription'. */
  billingWhen?: { field: string; equals: string }[];
  /** Event types the provider sends on success and failure (webhooks). */
  events: { success: string[]; failure: string[] };
  /**
   * For providers whose webhook says how the payment ended in a result field rather than an event
   * type (MoMo's numeric `resultCode`, 0 on success): the field and its success values. A branch
   * where the field differs from them handles a failed payment.
   */
  resultField?: { field: string; success: (string | number)[] };
  /**
   * Payload fields where the merchant names the transaction itself (SSLCommerz `tran_id`, Paystack
   * `reference`): the provider files the payment under that value and is asked about it by it, so
   * storing the value sent there keeps the provider's id for the payment as a result's id would.
   */
  transactionIdFields?: string[];
  /** Fields of an initiation's result that hold the provider's id for the payment, besides the generic id fields (`payment_intent`). */
  resultIdFields?: string[];
  /** Fields of a call's result that say it succeeded or failed, besides the generic ones (`ok`, `error`): a charge's `paid`. */
  resultFlags?: { success: string[]; failure: string[] };
  /**
   * Request fields the provider's client-side success handler posts to the server (Razorpay
   * Checkout's `razorpay_signature`): an entry point that reads one hears back from the provider.
   */
  callbackFields?: string[];
  /**
   * Payload fields holding the URL a payment comes back to when it fails or is cancelled (SSLCommerz
   * posts to `fail_url`; the browser follows Stripe's `cancel_url`): a route of the app at that URL's
   * path hears the failure, as a webhook's failure event does.
   */
  failureReturnFields?: string[];
  /**
   * Payload fields holding the URL the provider posts this payment's notifications to (Mercado Pago's
   * `notification_url`, SSLCommerz's `ipn_url`; dotted keys name a nested one, Tap's `post.url`):
   * the route at that URL's path is this payment's own webhook, and what it records is what the
   * payment bought.
   */
  notifyFields?: string[];
  /**
   * Payload fields holding the URL the customer's browser comes back to once the payment succeeded
   * (Stripe's `success_url`, PayPal's `return_url`): a route of the app at that URL's path that
   * writes records there acts on the payment's success, as a success callback does.
   */
  successReturnFields?: string[];
  /**
   * The provider's page posts the payment's result to the return URLs above (a form the browser
   * submits: PayU's `surl`, CCAvenue's `encResp`), so the route there may answer POST. Without it the
   * browser is redirected there, a GET, and only a route answering GET is that return.
   */
  postsReturns?: true;
  /** How to start a payment that carries `booking.id`, for remediation text. */
  example?: string;
  /**
   * When each initiation moves money, by its api name (the operation's `api ?? call`, a REST
   * endpoint's `api`); `*` for those not listed. Without an entry an initiation is 'hosted'.
   */
  capture?: Record<string, CaptureRule>;
  /** How to authorize only and capture later, and how to refund a booking's payment, for remediation text. */
  captureExample?: string;
  refundExample?: string;
}

/** Where a store operation's entity name comes from. */
export type EntitySource =
  | 'wildcard' // the step matched by `*` (Prisma `prisma.booking.create`)
  | 'chain' // arguments of the calls that produced the client (`from('bookings')`, `model('Booking')`)
  | 'args' // the operation's own arguments (`insert(bookings)`, `save(Booking, {...})`)
  | 'receiver' // the name of the object the operation is called on (`Booking.create()` on a model class)
  | 'types' // type arguments and injection decorators (`Repository<Booking>`)
  | 'sql' // an INSERT/SELECT statement in the first argument or tagged template
  | 'groq' // a GROQ query in the first argument: the document types its filter selects (`*[_type == "booking"]`)
  | 'key' // a key such as `booking:${id}` in the first argument: its entity segment (not a lock or hold)
  | 'function' // the first argument names a SQL function of the migrations: the tables its body writes
  | 'push' // the array field a `$push`/`$addToSet` in argument `setsArg` appends to (`{ $push: { bookings: {...} } }`): a record written inside its parent
  | `field:${string}` // a field of the payload (argument 0, or the input of `new Command(input)` there)
  | `name:${string}`; // a fixed entity name (booking-write helpers declared in the config file)

export type Guard = 'null' | 'throws' | 'error' | 'exists' | 'data' | 'empty' | 'count' | 'changed' | 'changed-first';

export interface StoreOperation {
  call: string;
  /** The operation only counts when argument `index` resolves to this path (`send(new PutCommand(...))`). */
  argIs?: { index: number; path: string; module?: string };
  /** The operation only counts when argument `index` is (or is not) an object: `hset(key, record)` vs `hset(key, field, value)`. */
  argShape?: { index: number; object: boolean };
  /**
   * The operation does not count when an argument from `from` on names one of `options`: a literal
   * (`set(key, id, 'EX', 600)`) or a key of an options object (`set(key, id, { EX: 600 })`). A Redis
   * `SET` with an expiry is a timer or hold that lapses on its own, no record of a booking.
   */
  unlessOption?: { from: number; options: string[] };
  entity: EntitySource[];
  /** The call's result is the new record's id, not the record (Convex `ctx.db.insert` returns an `Id<'bookings'>`). */
  resultIsId?: true;
  /** The call's result is another record than this one (the payment whose create connects the booking). */
  resultIsOther?: true;
  /** Where the written or read record is: the call's result (default), its receiver, or argument 0. */
  record?: 'result' | 'receiver' | 'arg0';
  /**
   * Reads (and updates that fail on a missing record): how a missing record shows. 'null' = a falsy result, 'throws' = the call throws,
   * 'error' = an `error` field is set, 'exists' = the result's `exists` (property or method) is false,
   * 'data' = the result's `data()` is empty (a Firestore snapshot), 'empty' = the result's `empty` is
   * true (a Firestore query snapshot that matched nothing), 'count' = the result counts the rows it
   * matched, 0 when none did (TypeORM's `UpdateResult.affected`), 'changed' = the result is the number
   * of rows changed (Knex's `update()` unless it is asked to return rows), 'changed-first' = the result
   * is a list opening with that number (Sequelize's `[affectedCount]`).
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
  /**
   * Keys that link the record to an existing related record inside the payload (`data: { booking:
   * { connect: { id } } }`): the operation rejects when that record is missing, so it reads it too.
   */
  connects?: string[];
  /** Argument holding a PostgREST select list: the resources it embeds are read with each row (`select('*, booking:bookings(*)')`). */
  embeds?: number;
  /**
   * Set on the read of an embedded resource (not in recognizer data): its rows come under `field` of
   * each outer row (`slot.booking`); with `inner`, an outer row comes back only with one.
   */
  embedded?: { field: string; table: string; inner: boolean };
  /** Argument holding the fields written, when the first object argument is not it (`updateOne(filter, update)`). */
  setsArg?: number;
  /** Argument holding the filter that selects the records changed or read (`updateOne(filter, update)`, `find(filter)`). */
  filterArg?: number;
  /** Argument holding the id of the one record changed, and the field that id is (`findByIdAndDelete(id)`: `_id`). */
  idArg?: { arg: number; field: string };
  /** The write changes an existing record rather than creating one when argument `arg` sets one of `keys` (`set(data, { merge: true })`). */
  updatesWith?: { arg: number; keys: string[] };
  /** The update removes the records it selects rather than changing them (`delete`, `destroy`, `del`). */
  deletes?: boolean;
  /** Every field it names is a counter moved this way (`increment({ seats: 1 })`); a negative amount moves it the other way. */
  counter?: 'up' | 'down';
  /** Keys of its arguments that are options, not filters: a delete handed only these (and an empty `where`) removes every row (`destroy({ truncate: true })`). */
  optionKeys?: string[];
}

/**
 * Where a declaration names an entity or its table: `arg:N` a string argument, `arg:N.key` a string
 * field of an object argument, `string` the first string argument, `binding` the variable the
 * result is assigned to, `class` the decorated class (or the class a static call runs on),
 * `static:key` a static field or getter of that class.
 */
export type EntityPlace = `arg:${number}` | `arg:${number}.${string}` | 'string' | 'binding' | 'class' | `static:${string}`;

/**
 * Code that declares an entity and where it is stored, read from the code and never run: Drizzle
 * `pgTable('tbl_res', ...)`, Mongoose `model('Booking', schema)`, TypeORM `@Entity('tbl_res') class Booking`.
 */
export interface EntityDeclaration {
  /** Package (or module glob); defaults to the recognizer's packages. */
  module?: string;
  /**
   * Steps to the declaring value, from the module root or (`onClient`) from each of the store's
   * clients: 'pgTable()' (a call), 'Schema.new()', 'Entity()' (a class decorator, with or without
   * arguments), 'Model' (a base class, with `as: 'subclass'`).
   */
  path: string;
  onClient?: boolean;
  /** A call or construction (default), a class decorator, or a class extending the value. */
  as?: 'call' | 'decorator' | 'subclass';
  /** Where the entity's name is; the first place that holds one wins. */
  name: EntityPlace[];
  /** Where its table or collection is. */
  table?: EntityPlace[];
  /** The argument whose object's keys are its columns (Drizzle's `pgTable('bookings', { id, status })`). */
  columns?: `arg:${number}`;
  /** Only declarations where this place holds one of these values (a Sanity `type: 'document'`). */
  when?: { place: EntityPlace; equals: string[] };
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
  /**
   * A platform binding the scan has no type for (Cloudflare's `env.DB`): a call made on
   * `<boundOn>.<NAME>` that resolved to nothing else is tried as a call on the recognizer's
   * `global` client (recognize/bindings.ts); the statement or call shape then decides.
   */
  boundOn?: string;
  /** Methods that return the same client (`$extends`, `withSchema`): skipped when matching. */
  passthrough?: string[];
  /**
   * Query-builder calls whose arguments name an index, not a table (Convex `withIndex('by_booking', ...)`
   * on the payments table): left out when a chain's arguments name the entity it reads or changes.
   */
  indexCalls?: string[];
  writes: StoreOperation[];
  reads: StoreOperation[];
  /** Updates and deletes of existing records (status changes, cancellations). */
  updates?: StoreOperation[];
  /** How this store creates a pending booking, for remediation text; `booking` is the variable. */
  example?: string;
  /** How this store sets one field of a booking by id, for remediation text: `{id}`, `{field}` and `{value}` are filled in. */
  updateExample?: string;
  /**
   * Writes take a trailing error-first callback run once the statement completed
   * (`db.query(sql, values, (err, result) => ...)`, Mongoose's `doc.save((err, doc) => ...)`):
   * past its `if (err) return`, the record exists.
   */
  completionCallbacks?: boolean;
  /** Calls that run a callback inline with a transaction client as parameter `param`. */
  transactions?: { call: string; param: number; client: 'receiver' | 'same' }[];
  /** Option keys whose value is the transaction a query joins (`{ transaction: t }`, `{ session }`). */
  transactionOptions?: string[];
  /** Methods of such a transaction handle that undo its queries (`t.rollback()`, `session.abortTransaction()`). */
  rollbackCalls?: string[];
  /** Calls whose array argument's queries complete with the call (`$transaction([...])`). */
  groups?: string[];
  /** Calls that make a write batch (`db.batch()`): the writes queued on one batch commit together, as one transaction. */
  batches?: string[];
  /** Calls that write every queued record (`em.flush()`). */
  flushes?: string[];
  /** Calls chained after a write or update whose first argument holds the fields written (`.values({...})`, `.set({...})`). */
  setCalls?: string[];
  /** Calls chained before or after a write or update that filter the records it changes (`.where({ id })`, `.eq('id', id)`). */
  filterCalls?: string[];
  /** Declarations of entities and the tables or collections they are stored in. */
  entities?: EntityDeclaration[];
  /**
   * Models built from a schema that declares functions of its own (Mongoose): `statics` on the
   * model (`bookingSchema.statics.createPending = function (x) { return this.create(x) }`, called as
   * `Booking.createPending(x)`, `this` the model), `methods` on its documents (`booking.cancel()`,
   * `this` the document, taken as one found by `document`). `models` are the client paths that
   * build a model, `schemaArg` their schema argument.
   */
  schemaFunctions?: { models: string[]; schemaArg: number; statics: string; methods: string; document: string };
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
  /** The file's top-level code is an entry point too: it runs for each request (an Astro page's frontmatter). */
  module?: true;
  /** `module.exports = ...` answers to 'default' (Strapi's JavaScript controllers are CommonJS). */
  commonJs?: true;
  /**
   * The export is an object of actions routed by tables elsewhere that name them by a key (Strapi's
   * routes files): its own path names no route, and the export itself is no handler.
   */
  routeTable?: RouteTableRule;
  /**
   * The entries answer only the app's own forms (SvelteKit form actions: a POST the framework refuses
   * from another origin), never a browser sent back by a provider or the provider's own callback.
   */
  ownFormsOnly?: true;
  /**
   * How the file's path names its route: by default its folders below `app`, `pages`, `routes` or
   * `api`; 'remix' the Remix / React Router file-route convention (`app/routes/tours.$id.book.tsx`);
   * 'nitro' with a method suffix (`checkout.post.ts`) that names the method, not the path.
   */
  routeStyle?: 'remix' | 'nitro';
}

/** Tables of routes that name their handlers by key (see graph/route-tables.ts). */
export interface RouteTableRule {
  /** Root-relative glob of the files whose default export holds a table. */
  files: string;
  /** The key of the table's list of routes, and the keys of each route. */
  list: string;
  pathKey: string;
  methodKey: string;
  handlerKey: string;
  /** Prefix of every route (`/api`). */
  prefix: string;
  /**
   * How a handler key names an action: a regular expression, the action's file without extension
   * (`$1`: a group; `{dir}`: the table's folder) and the action's name in that file's export.
   */
  handlers: { key: string; file: string; action: string }[];
  /** Routers a factory builds from a model's key instead of a table (see graph/route-tables.ts). */
  coreRouters?: CoreRouterRule;
}

/**
 * A factory call whose result routes the core actions of a model (Strapi's
 * `createCoreRouter('api::booking.booking', { prefix, only, except })`): its key names the
 * controller file as `handlers` do, and the schema file, relative to the app, whose plural name
 * (`{plural}`) each action's path takes.
 */
/**
 * A signed text of the form's values joined in the provider's order, naming none (PayU hashes
 * `key|txnid|amount|productinfo|...|salt` with SHA-512): one that opens with `opening` of `fields`
 * joined by `separator` alone, with `emptyFields` empty ones in a row further on (the fields the
 * form leaves out), is the form's.
 */
export interface PositionalText {
  separator: string;
  fields: string[];
  opening: number;
  emptyFields: number;
}

export interface CoreRouterRule {
  calls: string[];
  key: string;
  file: string;
  schema: string;
  actions: { action: string; method: string; path: string }[];
}

/**
 * A route config: a module's default export built of calls from `module` (React Router's
 * `app/routes.ts`) declares route modules by their path from the config's folder, wherever they
 * live, and the URL path each answers (the segments of the calls it sits in, joined).
 */
export interface RouteConfigRule {
  module: string;
  /** Builder calls, with the positions of their path segment and module file; array arguments are child routes. */
  calls: Record<string, { path?: number; file?: number }>;
  /**
   * Calls that route every module in a folder by the file-route convention (`flatRoutes()`): the
   * option naming the folder, from the config's folder, and its default.
   */
  conventions?: { module: string; call: string; folderOption: string; folder: string }[];
  /** Exports of a route module that are entry points: export -> entry kind. */
  exports: Record<string, string>;
}

/**
 * Routes a config file declares with a function (Remix `remix.config.js` or the Vite plugin's
 * options: `routes(defineRoutes) { return defineRoutes((route) => { route('path', 'file') }) }`).
 */
export interface RouteDefinerRule {
  /** Config files (a glob, matched below any folder). */
  configs: string;
  /** Name of the options function handed the define function (`routes`). */
  key?: string;
  /** Or calls whose function argument is handed it (React Router's `remixRoutesOptionAdapter((defineRoutes) => ...)`). */
  adapters?: { module: string; call: string }[];
  /** Folder the declared module files are relative to, from the config's folder (`app`). */
  folder: string;
  /** Positions of the path segment and the module file in a call of the define callback's parameter; a function argument declares child routes. */
  route: { path: number; file: number };
  /** Calls that route a folder's modules by their file names (`flatRoutes('routes', defineRoutes)`), with the argument naming the folder. */
  conventions?: { module: string; call: string; folderArg: number }[];
  /** Exports of a route module that are entry points: export -> entry kind. */
  exports: Record<string, string>;
}

/** A handler's parameter whose fields the framework fills (tRPC's `{ ctx }`, Inngest's `{ step }`). */
/** One way a framework hands handlers values by name (`contextValues`). */
export interface ContextValuesRule {
  /** The methods that set one: `(name, value)`, or an object of them. */
  set: string[];
  /**
   * What they are called on: a context parameter of the framework's modules (`'param'`), an app of
   * the framework (`'instance'`: Express's `app.set('db', pool)`, not a Map's), or anything (`'app'`).
   */
  setOn: 'param' | 'app' | 'instance';
  /** The first argument names what the call decorates and must be this; the name and the value follow (hapi's `server.decorate('server', 'stripe', stripe)`). */
  decorates?: string;
  /** The steps from the context to its method that reads one: `get`, `app.get` for Express's `req.app.get('db')`. */
  get?: string;
  /** The context's field that holds them, null for the context itself, absent when only `get` or the request reads them. */
  bag?: string | null;
  /** The app's field whose properties every context inherits (Koa's `app.context.db = db`, read as `ctx.db`). */
  assignedOn?: string;
  /** Functions of this name return the values as an object (React Router's `getLoadContext() { return { db } }`, read as `context.db`). */
  returnedBy?: string;
  /** Methods (called as `setOn` says) whose function argument returns the values as an object (Elysia's `.derive(() => ({ db }))`). */
  returnedFrom?: string[];
  /**
   * A middleware of this many parameters that calls its last (`next`) assigns them on its first, the
   * request (Express's `(req, res, next) => { req.db = pool; next(); }`), read as below by `onRequest`.
   */
  middleware?: number;
  /** Read on a handler's request, the first of two or more parameters, in any module (`req.db.query(...)`, hapi's `request.db`). */
  onRequest?: true;
  /** A field of a handler's parameter that holds the context (Fastify's `request.server`, the instance: `request.server.prisma`). */
  via?: string;
}

export interface HandlerParam {
  index: number;
  /**
   * field -> what it holds: the return value of exported functions (by name, anywhere in the scan),
   * or a value of the framework's package (`{ module: 'inngest', path: 'step' }`).
   */
  fields?: Record<string, string[] | { module: string; path: string }>;
  /**
   * Or: what the registration's options object declares at this key, for a handler held there
   * (Convex's `args: { id: v.id('bookings') }`: `args.id` is an id of the `bookings` table).
   */
  option?: string;
  /** Or: the instance the call is made on (Elysia `app.group('/api', (group) => group.post(...))`). */
  receiver?: true;
}

export interface RegistrationRule {
  clients: ClientPattern[];
  /** The framework calls a plain `function` handler with `this` bound to the instance the call is made on (Fastify's). */
  handlerThis?: true;
  /** Steps after the client whose function arguments are entry points: 'post', 'route.().post'. */
  calls: string[];
  entry: string;
  /** Argument holding the route path, if any. */
  routeArg?: number;
  /**
   * Globs of files whose path is the route (as for route files) when no argument names one:
   * next-connect handlers in `pages/api/bookings.ts` serve `/api/bookings`.
   */
  routeFromFile?: string[];
  /**
   * Calls (steps after the rule's clients) that group registrations under the keys of their object
   * arguments, and groups under keys of other groups: a registration placed there is routed by the
   * keys above it, joined with dots (tRPC `router({ booking: router({ create: procedure.mutation(fn) }) })`
   * is `booking.create`). A group passed whole as an argument (`mergeRouters(a, b)`) adds no key.
   */
  routeFromKeys?: string[];
  /**
   * The route is the registration's module path below this folder and the name it is exported as
   * (Convex `export const checkout = action(...)` in `convex/payments.ts` is `payments:checkout`).
   */
  routeFromExport?: string;
  /**
   * Steps after the rule's clients that make a server-side caller of a route group (tRPC
   * `t.createCallerFactory(appRouter)(ctx)`, `appRouter.createCaller(ctx)`): a call on the caller
   * down the group's keys (`caller.booking.create(input)`) runs the handler registered there, with
   * the parameters the framework fills. The group is a call among these steps, or its first argument.
   */
  callers?: string[];
  /** The HTTP method is the last call step's name (Express `app.post`). */
  methodFromCall?: boolean;
  /** Earlier calls of the receiver's chain whose first argument is the route: Express `router.route('/x').post(h)`. */
  routeCalls?: string[];
  /**
   * Calls (last step names) that mount a router under a path, prefixing its routes: Express
   * `app.use('/api', router)`, Hono `app.route('/api', sub)`, Koa `router.use('/x', other.routes())`.
   * The path is the first argument, or the `prefixKeys` of an options-object argument.
   */
  mountCalls?: string[];
  /**
   * Calls (last step names) that mount a plugin function: the routes its first parameter registers
   * take the `prefixKeys` path of the options object (Fastify `app.register(plugin, { prefix: '/api' })`).
   * The plugin is no entry point.
   */
  pluginCalls?: string[];
  /** Calls of the router's own chain whose first argument prefixes its routes: Hono `new Hono().basePath('/api')`. */
  prefixCalls?: string[];
  /** Keys of an options object, passed to the call that made the router or to a mount, that hold a path prefix: Koa `new Router({ prefix })`. */
  prefixKeys?: string[];
  /** An options-object argument holding the handler (`app.route({ method, url, handler })`): its keys. */
  handlerKeys?: string[];
  /** Keys of that options object holding the route path and the method. */
  routeKeys?: string[];
  methodKeys?: string[];
  /**
   * Where those options objects sit inside the argument: dotted keys with `[]` for every array
   * element, '' for the argument itself (the default). Payload: `endpoints.[]` of the config and
   * `collections.[].endpoints.[]` of each collection.
   */
  optionPaths?: string[];
  /** Keys of the objects passed on the way whose text scopes the route (a Payload collection's `slug`). */
  routeScopeKeys?: string[];
  handlerParams?: HandlerParam[];
  /**
   * Handlers named by a string (AdonisJS v5 `Route.post('/bookings', 'BookingsController.store')`):
   * a regular expression over it, the file whose default export is the controller class (`$1`: a
   * group; no extension; below any folder) and the method's name.
   */
  namedHandlers?: { key: string; file: string; method: string; namespaced?: string }[];
  /**
   * Calls chained on a registration or on a group it sits in that name the folder of its named
   * handlers (AdonisJS v5 `.namespace('App/Controllers/Http/admin')`): a regular expression over the
   * namespace and the folder it names; a named handler's file is then its `namespaced` template below it.
   */
  namespaces?: { calls: string[]; key: string; folder: string };
  /** Calls (last step names) that route a resourceful controller's actions: `resources`. */
  resourceCalls?: string[];
  resources?: ResourceRule;
}

/**
 * A resourceful controller (AdonisJS `router.resource('bookings', BookingsController)`): the route is
 * the first argument, the controller the second (a class, or a name for `namedHandlers`); each
 * action it has answers a method below the route. A dotted name nests the resource below its
 * parent's record (`rooms.bookings`: `/rooms/:room_id/bookings`).
 */
export interface ResourceRule {
  /** Action -> the method it answers and its path below the route (`/:id` a record's). */
  actions: Record<string, { method: string; path: string }>;
  /** The record parameter a parent resource's name gives (`$1` its singular name). */
  parentParam: string;
  /** Chained calls narrowing the actions: keeping only those listed, leaving them out, or leaving out a fixed set. */
  onlyCalls: string[];
  exceptCalls: string[];
  dropCalls: Record<string, string[]>;
}

export interface DecoratorRule {
  /** Package that exports the method decorators. */
  module: string;
  /** Package that exports the class decorators, when another one (NestJS `@Controller` + `@MessagePattern`). */
  classModule?: string;
  classDecorators: string[];
  methodDecorators: string[];
  entry: string;
  /**
   * The method decorator names a message pattern (`'booking.created'`, `{ cmd: 'pay' }`), not a path:
   * the class's path prefixes no pattern, and the entry point has no route.
   */
  patterns?: true;
}

export interface FrameworkRecognizer {
  kind: 'framework';
  id: string;
  name: string;
  docs: string;
  packages: string[];
  /**
   * Site configuration files of a hosting platform (`netlify.toml`): the framework is also in use
   * for the files in the folder of one and below, whatever their manifest depends on.
   */
  siteConfigs?: string[];
  routeFiles?: RouteFileRule[];
  /**
   * A config option that moves the folder the route conventions call `folder` (Remix's
   * `appDirectory: 'src'`, in `remix.config.js` or the Vite plugin's options): files below the one
   * it names are matched as if below `folder`, beside the config.
   */
  appFolder?: { configs: string; key: string; folder: string };
  /** The HTTP method entries of a kind answer when no verb names them: Remix's `loader` a GET, its `action` a form's POST. */
  entryMethods?: Record<string, string>;
  routeConfigs?: RouteConfigRule[];
  routeDefiners?: RouteDefinerRule[];
  directives?: { directive: string; entry: string }[];
  /**
   * Module directives that mark code run in the browser (React's `'use client'`): no registration in
   * such a module is an entry point of the server (a countdown's `setInterval` that calls a server
   * action runs only while the page stays open: it is no background job).
   */
  clientDirectives?: string[];
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
  /**
   * Calls whose promise settles once the promise or observable they are handed has (rxjs
   * `firstValueFrom(client.send(...))`): a call in their arguments completes when they do.
   */
  settles?: ClientPattern[];
  /**
   * Fields of a request (or its event) that middleware fills by name for later handlers:
   * SvelteKit's `event.locals.pb = new PocketBase(url)` read as `locals.pb`, h3's `event.context.prisma`.
   */
  requestBags?: string[];
  /**
   * Values handed to later handlers by name through the request's context or the app: Hono's
   * `c.set('db', drizzle(c.env.DB))` in a middleware, read as `c.get('db')` or `c.var.db` in a route;
   * Elysia's `app.decorate('db', new PrismaClient())`, read as `({ db }) => ...`. One rule, or one
   * per way the framework has (hapi's decorations and its `server.app`).
   */
  contextValues?: ContextValuesRule | ContextValuesRule[];
  /**
   * Chained calls that hand on their receiver's values when every argument is a call of one of
   * `operators` (rxjs `obs.pipe(timeout(5000))`; `map(fn)` changes them, so it is not listed).
   */
  keepsValues?: {
    method: string;
    operators: ClientPattern[];
    /** Operators whose function argument is called with each value the receiver gives (`pipe(map((reply) => ...))`). */
    valueCallbacks?: ClientPattern[];
  }[];
  /**
   * Calls that run their function argument inline and return its result (Inngest `step.run(id, fn)`),
   * with what the framework fills in its parameters (Strapi's factories hand it `{ strapi }`).
   */
  inline?: { clients: ClientPattern[]; calls: string[]; params?: HandlerParam[] }[];
  /**
   * Modules whose default export is a function the framework calls once with these parameters: the
   * module stands for what it returns (Strapi's `module.exports = ({ strapi }) => ({ ...actions })`).
   */
  moduleFactories?: { files: string; params: HandlerParam[] }[];
  /**
   * Modules looked up by a key at run time (Strapi `strapi.service('api::booking.payment')`): a call
   * at `calls` (steps after `clients`) whose argument `arg` matches `key` (a regular expression)
   * returns the default export of the file at `file` (`$1`, `$2`: the key's groups; no extension),
   * below any folder.
   */
  keyedModules?: { clients: ClientPattern[]; calls: string[]; arg: number; key: string; file: string }[];
  /**
   * Message links: a sender call (`client.send(pattern, payload)`) reaches the handlers whose decorator
   * names the same pattern (`@MessagePattern(pattern)`), so a handler with senders in the scan is a
   * step of their chains, not an entry point of its own.
   */
  messages?: {
    senders: { clients: ClientPattern[]; calls: Record<string, 'call' | 'deferred'>; patternArg: number; payloadArg: number }[];
    handlers?: { module: string; decorators: string[] };
    /**
     * Handlers named by a class decorator whose arguments are message classes (NestJS CQRS
     * `@CommandHandler(ChargeCommand)`): the class's `method` receives, as its first parameter, the
     * message a sender hands over as an instance of one of them (`bus.execute(new ChargeCommand(...))`).
     */
    classHandlers?: { module: string; decorators: string[]; method: string }[];
  };
  /**
   * Function references: a sender call (`ctx.runMutation(ref, args)`) runs the function exported under
   * the reference's path, which is a property path on one of `roots` (`internal.bookings.create`:
   * export `create` of `bookings.ts` in the app's `folder`). The exported value is a registration;
   * its handler (the function argument, or the value at its registration's `handlerKeys`) receives argument `argsArg`
   * as parameter `argsParam`. A function called by senders in the scan is a step of their chains;
   * one a `deferred` sender schedules for later (`ctx.scheduler.runAfter`) is a scheduled job.
   */
  references?: {
    roots: ClientPattern[];
    folder: string;
    argsParam: number;
    senders: { clients: ClientPattern[]; calls: Record<string, 'call' | 'deferred'>; refArg: number; argsArg: number }[];
    /** Calls that run the referenced function on a schedule (`crons.interval(name, { minutes: 5 }, ref)`): scheduled jobs. */
    schedules?: { clients: ClientPattern[]; calls: string[]; refArg: number; scheduleArg: number }[];
  };
  /** Import aliases the framework defines without a tsconfig in the tree (`$lib` -> `src/lib`), relative to the app. */
  aliases?: Record<string, string>;
  /** Auto-imports: free names in files matching `files` are the exports of files matching `from`. */
  autoImports?: { files: string; from: string[] }[];
  /**
   * Calls that make a queue's jobs recurring (BullMQ `queue.add(name, data, { repeat })`,
   * `queue.upsertJobScheduler(...)`): the consumers registered for that queue (their route is the
   * queue's name, argument `queueArg` of the client's construction) are scheduled jobs. With
   * `option`, only calls whose argument `arg` has that key.
   */
  schedules?: { clients: ClientPattern[]; calls: string[]; queueArg: number; option?: { arg: number; key: string } }[];
  /** Registrations whose handlers run on a schedule (`cron.schedule(expr, fn)`, `onSchedule(expr, fn)`): their calls. */
  scheduledCalls?: string[];
  /** A route file's exported settings that schedule its entry points (`export const config = { schedule: '@hourly' }`): export and key. */
  scheduleExports?: { export: string; key: string }[];
  /**
   * Injection by token: a constructor parameter with one of `decorators` (`@Inject(TOKEN)`) holds
   * what the provider registered for TOKEN stands for. Providers are the objects listed under `key`
   * in the first argument of a `registries` class decorator (`@Module({ providers: [...] })`),
   * `{ [token]: TOKEN, ... }` with an instance of a class (`classKeys`), a value (`valueKeys`) or
   * what a factory returns (`factoryKeys`). Containers register at run time instead (`containers`).
   */
  injection?: {
    decorators: ClientPattern[];
    registries: { decorator: ClientPattern; key: string }[];
    provider: { token: string; classKeys: string[]; valueKeys: string[]; factoryKeys: string[] };
    containers?: ContainerRule[];
  };
}

/**
 * A dependency-injection container bound by calls: `bindings` register a token (argument `token`)
 * with what argument `target` holds (a class, a provider object, a value; without one the token
 * itself, a class registered as its own token), or with what a method chained on the call says
 * (inversify `bind(TOKEN).to(Class)`). `resolvers` are the container's methods that hand back what
 * the token given them was registered with (`container.resolve(TOKEN)`).
 */
export interface ContainerRule {
  clients: ClientPattern[];
  bindings: { call: string; token: number; target?: number; chained?: { method: string; as: 'class' | 'value' | 'factory' | 'self' }[] }[];
  resolvers: string[];
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
