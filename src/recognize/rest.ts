// Direct REST calls to a provider (`fetch('https://api.stripe.com/v1/checkout/sessions', ...)`):
// the HTTP client table says where URL and method are, the providers' endpoints say what it is.
import { sitesIn, soleDefinition, type CallSite, type Expr, type FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { ProviderRecognizer, RestEndpoint } from '../recognizers/define.js';
import { HTTP_CLIENTS, type HttpClient } from '../recognizers/http-clients.js';
import { compilePath, isAtPath } from '../recognizers/match.js';
import { staticText, type Follow } from '../symbols/text.js';
import { keysOf } from './redirect.js';
import type { FactContext, SiteFact } from './facts.js';
import { objectMemo } from '../util/memo.js';

/** Options that hold query-string fields: axios `params`, got and ky `searchParams`, ofetch `query`. */
const QUERY_KEYS = ['params', 'searchParams', 'query'];

const compiled = HTTP_CLIENTS.map((c) => ({ client: c, tokens: compilePath(c.path) }));

function httpClientOf(v: Value): HttpClient | null {
  return compiled.find(({ client, tokens }) => isAtPath(v, client, tokens))?.client ?? null;
}

export function restFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, v: Value): SiteFact | null {
  if (v.t === 'fn') return helperRestFact(cx, ir, index, site, v);
  const client = httpClientOf(v);
  if (!client) return null;
  const request = requestOf(cx, ir, site, client, v);
  return request ? endpointFact(cx, ir, index, site, request) : null;
}

/**
 * A call of the app's own HTTP helper (`httpJson('POST', `${BASE}/v2/online-checkout/payment-links`,
 * headers, body)`) whose request takes its URL, method or body from the helper's parameters: the
 * caller's arguments say which endpoint it is, so the call itself is the provider call.
 */
function helperRestFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, helper: Extract<Value, { t: 'fn' }>): SiteFact | null {
  const helperIr = cx.ev.ir(helper.file);
  const params = helperIr?.functions[helper.fn]?.params;
  if (!helperIr || !params || params.length === 0) return null;
  // The caller's argument for a parameter of the helper; the helper's other names are left to the default.
  let fromCaller = false;
  const argumentFor = (at: FileIR, e: Expr): { ir: FileIR; expr: Expr } | null => {
    const position = at === helperIr && e.k === 'ref' ? params.indexOf(e.b) : -1;
    const arg = position >= 0 ? site.args[position] : undefined;
    if (arg) fromCaller = true;
    return arg ? { ir, expr: arg } : null;
  };
  for (const { inner, client, v } of httpCallsIn(cx, helper)) {
    // A request that names an endpoint without the caller (`${deviceId}` only fills a path segment)
    // is recognized at its own call; recognizing the helper's call too would count one payment twice.
    const alone = requestOf(cx, helperIr, inner, client, v);
    if (alone && endpointOf(cx, alone)) continue;
    fromCaller = false;
    const request = requestOf(cx, helperIr, inner, client, v, argumentFor);
    // A request the helper spells out alone is recognized at its own call.
    if (!request || !fromCaller) continue;
    // The body is the caller's own (`{ ...init }` spreads its options) or a parameter of the helper.
    const body = !request.body ? null : request.bodyIr === ir ? request.body : bodyArgument(helperIr, request.body, (e) => argumentFor(helperIr, e)?.expr ?? null);
    const fact = endpointFact(cx, ir, index, site, { ...request, body, bodyIr: ir });
    if (fact) return fact;
  }
  return null;
}

type HttpCall = { inner: CallSite; client: HttpClient; v: Value };
const httpCallsMemo = new WeakMap<FactContext, Map<string, HttpCall[]>>();

/** The HTTP client calls a function makes itself, once per function. */
function httpCallsIn(cx: FactContext, fn: Extract<Value, { t: 'fn' }>): HttpCall[] {
  let byFn = httpCallsMemo.get(cx);
  if (!byFn) httpCallsMemo.set(cx, (byFn = new Map()));
  const key = fnKey(fn);
  let calls = byFn.get(key);
  if (!calls) {
    calls = [];
    const ir = cx.ev.ir(fn.file);
    for (const inner of ir ? sitesIn(ir, fn.fn) : []) {
      for (const v of cx.ev.values(fn.file, inner.callee)) {
        const client = httpClientOf(v);
        if (client) calls.push({ inner, client, v });
      }
    }
    byFn.set(key, calls);
  }
  return calls;
}

/** The caller's argument the helper sends as the body: `body`, `JSON.stringify(body)`, `body ? JSON.stringify(body) : undefined`. */
function bodyArgument(ir: FileIR, e: Expr, argument: (e: Expr) => Expr | null, depth = 0): Expr | null {
  if (depth > 3) return null;
  if (e.k === 'any') {
    for (const x of e.of) {
      const found = bodyArgument(ir, x, argument, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const site = e.k === 'call' ? ir.sites[e.site] : undefined;
  const callee = site?.callee;
  const stringified = callee?.k === 'member' && callee.prop === 'stringify' && callee.obj.k === 'global' && callee.obj.name === 'JSON' ? site?.args[0] : undefined;
  return argument(stringified ?? e);
}

/** `bodyIr`: the file the body expression is in. A URL of `${}` is wholly from configuration. */
type Request = { url: string; method: string | null; body: Expr | null; bodyIr?: FileIR | null };
type Endpoint = { provider: ProviderRecognizer; endpoint: RestEndpoint };

function endpointFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, request: Request): SiteFact | null {
  const found = endpointOf(cx, request);
  if (!found) return null;
  const { provider, endpoint } = found;
  return {
    file: ir.file, site: index, fn: site.fn, kind: 'provider', recognizer: provider, role: endpoint.role,
    api: endpoint.api, entity: null, bookingLike: false, billing: Boolean(endpoint.billing), match: null, rest: endpoint,
    restBody: request.body,
  };
}

/** The keys of a request's body object, sent as it is or through `JSON.stringify`. */
function bodyKeysOf(cx: FactContext, request: Request): Set<string> | null {
  if (!request.body || !request.bodyIr) return null;
  let body = request.body;
  const def = body.k === 'ref' && request.bodyIr.bindings[body.b]?.kind !== 'param' ? soleDefinition(request.bodyIr, body) : undefined;
  if (def?.k === 'call') body = def;
  const site = body.k === 'call' ? request.bodyIr.sites[body.site] : undefined;
  const c = site?.callee;
  if (c?.k === 'member' && c.prop === 'stringify' && c.obj.k === 'global' && c.obj.name === 'JSON' && site?.args[0]) body = site.args[0];
  return keysOf(cx, request.bodyIr.file, body, 0, new Set());
}

/** The provider endpoint a request's URL and method name. */
function endpointOf(cx: FactContext, request: Request): Endpoint | null {
  let host = '';
  let path: string;
  try {
    // A base URL from configuration (`${process.env.PAYPAL_API}/v2/checkout/orders`) leaves the host unknown.
    const absolute = /^https?:\/\//.test(request.url);
    const url = new URL(absolute ? request.url.replace(/\$\{\}/g, 'X') : request.url.replace(/^\$\{\}/, '').replace(/\$\{\}/g, 'X'), 'http://unknown.invalid');
    if (absolute) host = url.hostname;
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Nothing of the URL known: only the keys of the body can name the endpoint.
  const unknown = request.url === '${}';
  const keys = unknown ? bodyKeysOf(cx, request) : null;
  for (const provider of cx.providers) {
    if (provider.kind !== 'provider') continue;
    for (const endpoint of provider.rest ?? []) {
      if (keys) {
        if (endpoint.bodyKeys?.every((k) => keys.has(k)) && (!endpoint.method || endpoint.method === request.method)) return { provider, endpoint };
        continue;
      }
      const pattern = patternsOf(endpoint);
      const hostOk = host ? pattern.host.test(host) : Boolean(endpoint.anyHost);
      if (!hostOk || !pattern.path.test(path)) continue;
      if (endpoint.method && request.method && endpoint.method !== request.method) continue;
      return { provider, endpoint };
    }
  }
  return null;
}

const endpointPatterns = objectMemo<RestEndpoint, { host: RegExp; path: RegExp }>();

/** An endpoint's host and path patterns, compiled once: every `fetch` of an app was tested against each, compiled anew. */
function patternsOf(endpoint: RestEndpoint): { host: RegExp; path: RegExp } {
  return endpointPatterns(endpoint, () => ({ host: new RegExp(endpoint.host), path: new RegExp(endpoint.path) }));
}

function requestOf(
  cx: FactContext, ir: FileIR, site: CallSite, client: HttpClient, v: Value, outer?: Follow,
): (Request & { bodyIr: FileIR | null }) | null {
  const urlArg = site.args[client.urlArg];
  // Base URLs are often constants in a config module: follow imports to their definitions.
  const follow: Follow = (at, e) => outer?.(at, e) ?? cx.ev.follow(at, e);
  let url = staticText(ir, urlArg, 0, follow);
  let method: string | null = client.method === 'options' ? null : client.method;
  // `https.request(url, options, cb)`: a URL first moves the options one place on.
  const optionsAt = client.urlParts && url !== null && client.optionsArg === client.urlArg ? client.optionsArg + 1 : client.optionsArg;
  const options = optionsAt !== null ? site.args[optionsAt] : undefined;
  const fromOptions = (key: string): string | null => (options ? propText(cx, ir, options, key, follow) : null);
  if (url === null && urlArg && client.optionsArg === client.urlArg) url = fromOptions('url');
  if (url === null && client.urlParts) {
    const host = client.urlParts.host.map(fromOptions).find((h) => h !== null);
    const path = fromOptions(client.urlParts.path);
    if (host && path !== null) url = `https://${host}${path.startsWith('/') ? '' : '/'}${path}`;
  }
  if (client.method === 'options') method = (fromOptions('method') ?? 'GET').toUpperCase();
  // axios.create({ baseURL }) instances: prefix the base URL.
  if (url !== null && !/^https?:/.test(url) && v.t === 'ext') {
    const create = v.steps.find((s) => s.p === '()' && s.site !== undefined);
    const createIr = create?.file ? cx.ev.ir(create.file) : undefined;
    const config = create?.site !== undefined ? createIr?.sites[create.site]?.args[0] : undefined;
    const base = config && createIr ? propText(cx, createIr, config, 'baseURL') : null;
    if (base) url = base.replace(/\/$/, '') + '/' + url.replace(/^\//, '');
  }
  const bodyArg = client.bodyArg !== null ? site.args[client.bodyArg] : undefined;
  let body = bodyArg ? { ir, expr: bodyArg } : client.bodyArg === null && options ? propExpr(cx, ir, options, ['body', 'json', 'data', 'form'], outer) : null;
  // No body: the fields travel in the query string (`axios.post(url, null, { params: order })`, ZaloPay's own sample).
  if ((!body || (body.expr.k === 'lit' && body.expr.value === null)) && options) body = propExpr(cx, ir, options, QUERY_KEYS, outer) ?? body;
  const written = !body && client.bodyCalls ? writtenBody(cx, ir, site, client.bodyCalls) : null;
  if (written) body = { ir, expr: written };
  // A URL argument with no text at all is wholly from configuration (`${}`): its body may still name it.
  if (url === null && urlArg && client.optionsArg !== client.urlArg) url = '${}';
  return url && (/^https?:\/\//.test(url) || /^\$\{\}\/./.test(url) || url === '${}') ? { url, method, body: body?.expr ?? null, bodyIr: body?.ir ?? null } : null;
}

/** What the code writes on the request a call returned, in the same function: `req.write(payload)`. */
function writtenBody(cx: FactContext, ir: FileIR, site: CallSite, methods: string[]): Expr | null {
  const index = ir.sites.indexOf(site);
  for (const s of sitesIn(ir, site.fn)) {
    if (s.callee.k !== 'member' || !s.callee.prop || !methods.includes(s.callee.prop) || !s.args[0]) continue;
    const onRequest = cx.ev.values(ir.file, s.callee.obj).some((v) => (v.t === 'ext' || v.t === 'global') && v.steps.some((st) => st.site === index && st.file === ir.file));
    if (onRequest) return s.args[0];
  }
  return null;
}

/**
 * The value of the last of these keys in an options object, through spreads: a helper's
 * `fetch(url, { ...init, headers })` sends the method and body its caller put in `init` (`follow`
 * maps the helper's parameters to the caller's arguments).
 */
function optionProp(cx: FactContext, ir: FileIR, obj: Expr, keys: string[], follow?: Follow, depth = 0): { ir: FileIR; expr: Expr } | null {
  if (depth > 3) return null;
  for (const v of cx.ev.values(ir.file, obj)) {
    if (v.t !== 'obj') continue;
    const objIr = cx.ev.ir(v.file)!;
    for (const p of [...v.props].reverse()) {
      if (p.key !== null && p.key !== '...' && keys.includes(p.key)) return { ir: objIr, expr: p.value };
      if (p.key !== '...') continue;
      const spread = follow?.(objIr, p.value) ?? { ir: objIr, expr: p.value };
      const found = optionProp(cx, spread.ir, spread.expr, keys, follow, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** A body or query option: in this file, or, through a helper's parameters (`outer`), in its caller's. */
function propExpr(cx: FactContext, ir: FileIR, obj: Expr, keys: string[], outer?: Follow): { ir: FileIR; expr: Expr } | null {
  const found = optionProp(cx, ir, obj, keys, outer);
  return found && (found.ir === ir || outer) ? found : null;
}

function propText(cx: FactContext, ir: FileIR, obj: Expr, key: string, follow?: Follow): string | null {
  const found = optionProp(cx, ir, obj, [key], follow);
  return found ? staticText(found.ir, found.expr, 0, follow) : null;
}
