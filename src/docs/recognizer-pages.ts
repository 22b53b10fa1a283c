// Reference pages for the recognizers, generated from their data (`docs/recognizers/`): one page
// per recognizer and an index. Every field of the data is shown, known ones with a sentence saying
// what they mean; a field added to `define.ts` later appears as it is, so the pages never lag
// behind the data (`test/docs/recognizer-docs.test.ts` regenerates them and compares).
import type { Recognizer } from '../recognizers/define.js';

const FOLDER = { provider: 'providers', store: 'stores', framework: 'frameworks' } as const;
const KIND_TITLE = { provider: 'Providers', store: 'Stores', framework: 'Frameworks' } as const;
export const GENERATED_NOTE = '<!-- Generated from the recognizer data by `npm run docs:recognizers`; do not edit by hand. -->';

/** What each field means, by recognizer kind; fields are shown in this order, any other field after them. */
const FIELDS: Record<Recognizer['kind'], [string, string, string][]> = {
  provider: [
    ['packages', 'Packages', 'Server-side SDK packages: a manifest that depends on one of them has a payment integration.'],
    ['browserPackages', 'Browser-only packages', 'They start no server-side payment by themselves.'],
    ['clients', 'Clients', 'How a package export becomes the client that operations are called on (a missing module means every package above).'],
    ['operations', 'Operations', 'Calls on a client and what they do: `initiation` starts a payment (a path of the confirmation-record check), the other roles capture, refund, retrieve, cancel or verify a webhook. `billing` marks recurring billing, which is excluded.'],
    ['rest', 'REST endpoints', 'Direct HTTP calls (`fetch`, axios, got, ...) recognized by the URL: host and path are regular expressions; a URL wholly from configuration is the endpoint whose `bodyKeys` the body holds, every one.'],
    ['redirect', 'Signed redirect URL', 'A payment started by sending the customer to a signed URL of the provider\'s page, with no API call: a query-string serialization (`qs.stringify`, `querystring.stringify`, `new URLSearchParams`) of an object holding every one of `keys` is the initiation `api`, the object its payload.'],
    ['form', 'Form', 'A payment started by a form the server fills in and the browser posts to the provider\'s page, with no API call: an object built in a function that holds every one of `keys` is the form, and the first call there handed it (the signing helper, a serialization, the response) is the initiation `api`, the object its payload.'],
    ['signedText', 'Signed form', 'A payment started by a form the browser posts to the provider\'s page, with no API call: a signing call (`createHmac(...).update`, crypto-js `HmacSHA256`) handed a text that names every one of `keys` as `key=value` (and none of `answerKeys`, which name the provider\'s answer) is the initiation `api`, the values after those names its payload.'],
    ['referenceFields', 'Reference fields', "Payload fields that carry the app's own reference (the booking id), in order of preference; `*` is any key."],
    ['carriers', 'Reference carriers', 'Provider objects created before the payment with the reference in their own `referenceFields` (an order): a payment whose `idFields` hold such an object\'s id carries that reference.'],
    ['billingWhen', 'Recurring billing', 'Payload values that make an initiation recurring billing.'],
    ['events', 'Webhook events', 'Event types the provider sends: an entry point that branches on them hears from this provider.'],
    ['resultIdFields', 'Result id fields', "Fields of an initiation's result that hold the provider's id for the payment, besides the generic id fields: storing one links the booking to its payment."],
    ['resultFlags', 'Result flags', "Fields of a call's result that say it succeeded or failed, besides the generic ones: a branch where it failed is a failure branch."],
    ['failureReturnFields', 'Failure return URLs', "Payload fields holding the URL a payment comes back to when it fails or is cancelled: a route of the app at that URL's path is a failure path of this provider (the whole handler), and what it deletes or cancels was never paid."],
    ['successReturnFields', 'Success return URLs', "Payload fields holding the URL the browser comes back to once a payment succeeded: a route of the app at that URL's path that writes records hears from this provider as a success callback does (unless it starts a payment itself), and a booking it writes is written only after the payment."],
    ['postsReturns', 'Posted returns', "The provider's page posts the result to the return URLs above, so a route there answering POST is that return; without it the browser is redirected there, and only a route answering GET is."],
    ['callbackFields', 'Success callback fields', "Request fields the provider's client-side success handler posts to the server: an entry point that reads one (destructured or read from the request) is a success callback of this provider."],
    ['example', 'Remediation example', 'How to start a payment that carries the booking id, used in the fix text.'],
  ],
  store: [
    ['packages', 'Packages', 'Packages whose exports the client paths start from.'],
    ['specifiers', 'Specifiers', "Import specifiers (regular expressions) that load this store's client without naming its package, such as a generated client."],
    ['clients', 'Clients', 'How a package export becomes the client that operations are called on (a missing module means every package above).'],
    ['boundOn', 'Bound on', 'A platform binding with no type the scan can follow (`env.DB`): a call on `<boundOn>.<NAME>` that resolved to nothing else is matched as a call on the `global` client above.'],
    ['passthrough', 'Pass-through methods', 'Methods that return the same client; they are skipped when matching.'],
    ['writes', 'Writes', 'Persistent inserts: a booking write when the entity is booking-like. `entity` says where the entity name comes from, `record` where the written record is.'],
    ['reads', 'Reads', 'Reads, by key or by a filter (`filterArg`, `where`, a SELECT\'s WHERE); `guard` says how a missing record shows, which is what makes `if (!booking) throw` evidence. A list read has none.'],
    ['updates', 'Updates', 'Updates and deletes of existing records: `deletes` marks one that removes them, `counter` one whose fields are counters moved up or down, `optionKeys` the keys of its options that select no records.'],
    ['completionCallbacks', 'Completion callbacks', 'Writes take a trailing error-first callback run once the statement completed: past its error check the record exists, and its second parameter is what the write returned.'],
    ['transactions', 'Transactions', 'Calls that run a callback inline, with a transaction client as parameter `param`.'],
    ['transactionOptions', 'Transaction options', 'Option keys whose value is the transaction a query joins.'],
    ['rollbackCalls', 'Rollback calls', 'Methods of a transaction handle that undo the queries made with it: a failure path that calls one gives back what they wrote.'],
    ['groups', 'Groups', 'Calls whose array argument\'s queries complete with the call.'],
    ['batches', 'Batches', 'Calls that make a write batch: the writes queued on one batch commit together, as one transaction.'],
    ['flushes', 'Flushes', 'Calls that write every queued record (unit of work).'],
    ['setCalls', 'Set calls', 'Calls chained after a write or update whose argument holds the fields written.'],
    ['filterCalls', 'Filter calls', 'Calls chained before or after a write or update that filter the records it changes.'],
    ['entities', 'Entity declarations', 'Code that declares an entity and the table or collection it is stored in, read into the entity catalog: `name` and `table` list where to find them (`arg:N`, `arg:N.key`, `string`, `binding`, `class`, `static:key`).'],
    ['example', 'Remediation example', 'How this store creates a pending booking, used in the fix text.'],
    ['updateExample', 'Remediation update', 'How this store sets one field of a booking by id, used in the fix text with `{id}`, `{field}` and `{value}` filled in.'],
  ],
  framework: [
    ['packages', 'Packages', 'The framework is in use for the files of an app (nearest package.json) that depends on one of these; one that lists none is part of the runtime, in use for every app.'],
    ['siteConfigs', 'Site configuration files', 'The framework is also in use for the files in the folder of one of these files and below, whatever their manifest depends on.'],
    ['routeFiles', 'Route files', 'Files (globs, matched below any folder) whose exports are entry points of kind `entry`.'],
    ['appFolder', 'App folder', 'A config file (`configs`) whose option `key` names another folder for what the route conventions look for in `folder`, beside it: files below the one named are matched as if below `folder`, and route definers name their files from it.'],
    ['entryMethods', 'Entry methods', 'The HTTP method entries of a kind answer when no verb names them: a route a payment sends the browser back to (a GET) is only one that answers GET, or any method.'],
    ['routeConfigs', 'Route configs', "A module's default export built of calls from `module` declares route modules (by their path from its folder) and the URL path each answers; `conventions` route a folder's modules by their file names. The `exports` of a declared module are entry points of the kind given."],
    ['routeDefiners', 'Route definers', "Config files whose `key` function declares routes through the define function it is handed: each call of the define callback's parameter names a module file (from `folder`) and its path segment, a function argument its child routes; `conventions` route a folder's modules by their file names. The `exports` of a declared module are entry points of the kind given."],
    ['directives', 'Directives', 'Files and functions with this directive export entry points.'],
    ['registrations', 'Registrations', 'Calls that register handlers: their function arguments are entry points.'],
    ['decorators', 'Decorators', 'Decorated classes and methods that are entry points.'],
    ['aborts', 'Aborting calls', 'Calls that never return normally (they end the request).'],
    ['deferred', 'Deferred calls', 'Calls that run their function argument later, not before they return.'],
    ['typedFunctions', 'Typed functions', "Functions declared with one of the framework's function types: parameter `param` is a value at `value` from the type's package."],
    ['settles', 'Settling calls', 'Calls whose promise settles once the promise or observable they are handed has: a call in their arguments completes with them.'],
    ['keepsValues', 'Value-keeping chains', 'Chained calls that hand on their receiver\'s values when every argument is a call of one of the operators.'],
    ['inline', 'Inline calls', 'Calls that run their function argument inline and return its result.'],
    ['messages', 'Message links', 'Sender calls reach the handlers whose decorator names the same pattern, or whose class decorator names the class of the message sent (`classHandlers`).'],
    ['aliases', 'Import aliases', 'Aliases the framework defines without a tsconfig, relative to the app.'],
    ['autoImports', 'Auto-imports', 'Free names in matching files are the exports of these files.'],
    ['scheduleExports', 'Schedule exports', "A route file's exported settings object whose key schedules its entry points (`export const config = { schedule: '@hourly' }`)."],
    ['injection', 'Injection by token', 'A constructor parameter with one of these decorators holds what the provider registered for its token stands for (a class instance, a value, a factory\'s result).'],
  ],
};

/** Pages by path under docs/recognizers/: one per recognizer and README.md. */
export function recognizerPages(recognizers: Recognizer[]): Map<string, string> {
  const pages = new Map<string, string>();
  for (const r of recognizers) pages.set(`${FOLDER[r.kind]}/${r.id}.md`, page(r));
  pages.set('README.md', index(recognizers));
  return pages;
}

function page(r: Recognizer): string {
  const source = `src/recognizers/${FOLDER[r.kind]}/${r.id}.ts`;
  const out = [
    GENERATED_NOTE,
    `# ${r.name} (${r.kind} \`${r.id}\`)`,
    '',
    `- Vendor documentation: <${r.docs}>`,
    `- Data: [\`${source}\`](../../../${source})`,
    '',
  ];
  const known = FIELDS[r.kind];
  const data = r as unknown as Record<string, unknown>;
  const shown = new Set(['kind', 'id', 'name', 'docs']);
  for (const [field, title, meaning] of known) {
    shown.add(field);
    if (data[field] === undefined) continue;
    out.push(`## ${title}`, '', meaning, '', ...render(field, data[field]), '');
  }
  for (const field of Object.keys(data).filter((f) => !shown.has(f))) out.push(`## ${field}`, '', ...render(field, data[field]), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function index(recognizers: Recognizer[]): string {
  const out = [
    GENERATED_NOTE,
    '# Recognizers',
    '',
    'What bookfirst knows about payment providers, data stores and frameworks is declared as data, one',
    'file per recognizer under `src/recognizers/` (shapes in `src/recognizers/define.ts`), and matched by',
    'one engine against the values call sites resolve to. A path is dot-separated steps from a package\'s',
    'root or a client: a property name, `()` for a call (`name()` for a call of `name`), `new()` for',
    'construction (also "a value of this declared type"), `*` for any one step, `**` for any number.',
    '',
    'Payment wrappers and booking-write helpers of your own are declared the same way in the config file',
    '(see [../config.md](../config.md)).',
    '',
  ];
  for (const kind of ['provider', 'store', 'framework'] as const) {
    const list = recognizers.filter((r) => r.kind === kind);
    if (list.length === 0) continue;
    out.push(`## ${KIND_TITLE[kind]}`, '', '| id | name | packages |', '| --- | --- | --- |');
    for (const r of list) out.push(`| [\`${r.id}\`](${FOLDER[kind]}/${r.id}.md) | ${cell(r.name)} | ${r.packages.map((p) => code(p, true)).join(', ')} |`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

function render(field: string, value: unknown): string[] {
  if (/^(example|updateExample)$/.test(field) && typeof value === 'string') return ['```ts', value, '```'];
  if ((field === 'events' || field === 'resultFlags') && isRecord(value)) return Object.entries(value).map(([k, v]) => `- ${k}: ${Array.isArray(v) && v.length > 0 ? v.map((x) => code(String(x))).join(', ') : 'none'}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return ['None.'];
    if (value.every((v) => typeof v === 'string')) return value.map((v) => `- ${code(v)}`);
    if (value.every(isRecord)) return table(value);
  }
  if (isRecord(value) && Object.values(value).every((v) => typeof v === 'string')) {
    return ['| key | value |', '| --- | --- |', ...Object.entries(value).map(([k, v]) => `| ${code(k, true)} | ${code(v as string, true)} |`)];
  }
  if (typeof value === 'string') return [code(value)];
  return ['```json', JSON.stringify(value, null, 2), '```'];
}

/** One row per item, one column per key any item has (in first-seen order). */
function table(items: Record<string, unknown>[]): string[] {
  const columns: string[] = [];
  for (const item of items) for (const k of Object.keys(item)) if (!columns.includes(k)) columns.push(k);
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...items.map((item) => `| ${columns.map((c) => valueCell(item[c])).join(' | ')} |`),
  ];
}

function valueCell(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '`""`' : code(v, true);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => code(x, true)).join(', ');
  return code(JSON.stringify(v), true);
}

/** A code span; in a table cell its `|` must be escaped. */
function code(s: string, inTable = false): string {
  if (s === '') return '`""`';
  const fence = s.includes('`') ? '``' : '`';
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? cell(s) : s}${pad}${fence}`;
}

/** Table cells cannot hold a bare `|` or a line break. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
