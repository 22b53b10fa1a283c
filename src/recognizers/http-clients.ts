// HTTP clients through which a provider's REST API is called directly. Each entry says where the
// URL, method and body are; `recognize/rest.ts` matches the URL against providers' endpoints.
// https://developer.mozilla.org/docs/Web/API/Window/fetch · https://axios-http.com/docs/api_intro

export interface HttpClient {
  module?: string;
  global?: string;
  /** Steps from the module root or global to the callee; `*` matches any one step. */
  path: string;
  /** Fixed method, or 'options' to read `method` from the options argument. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'options';
  urlArg: number;
  bodyArg: number | null;
  optionsArg: number | null;
  /** Options fields that spell the URL when no URL is given: Node's `{ hostname, path }`. */
  urlParts?: { host: string[]; path: string };
  /** Methods of the returned request that send the body: Node's `req.write(body)`, `req.end(body)`. */
  bodyCalls?: string[];
}

const verbs = ['get', 'post', 'put', 'patch', 'delete'] as const;
const upper = (v: (typeof verbs)[number]) => v.toUpperCase() as HttpClient['method'];

/**
 * Calls that serialize an object's fields into a query string: where a provider's signed redirect
 * URL is built (`ProviderRecognizer.redirect`). The object is argument 0.
 * https://github.com/ljharb/qs · https://nodejs.org/api/querystring.html · https://url.spec.whatwg.org/#interface-urlsearchparams
 */
export const QUERY_SERIALIZERS: { module?: string; global?: string; path: string; isNew?: boolean }[] = [
  { module: 'qs', path: 'stringify' },
  { module: 'qs', path: 'default.stringify' },
  { module: 'querystring', path: 'stringify' },
  { module: 'querystring', path: 'encode' },
  { module: 'node:querystring', path: 'stringify' },
  { module: 'node:querystring', path: 'encode' },
  { global: 'URLSearchParams', path: '', isNew: true },
];

/**
 * Calls that sign a text with a secret (HMAC), or hash a text that ends with one (PayU's salt):
 * where a provider's signed form is authorized (`ProviderRecognizer.signedText`). The text is argument 0.
 * https://nodejs.org/api/crypto.html#hmacupdatedata-inputencoding · https://github.com/brix/crypto-js
 * · https://github.com/Caligatio/jsSHA · https://github.com/emn178/js-sha512
 */
export const MESSAGE_SIGNERS: { module: string; path: string }[] = [
  ...['crypto', 'node:crypto'].flatMap((module) => [
    { module, path: 'createHmac.().update' },
    { module, path: 'default.createHmac.().update' },
    { module, path: 'createHash.().update' },
    { module, path: 'default.createHash.().update' },
  ]),
  ...['SHA512', 'SHA256'].flatMap((fn) => [
    { module: 'crypto-js', path: fn },
    { module: 'crypto-js', path: `default.${fn}` },
  ]),
  { module: 'crypto-js/sha512', path: '' },
  { module: 'crypto-js/sha512', path: 'default' },
  { module: 'jssha', path: 'new().update' },
  { module: 'jssha', path: 'default.new().update' },
  { module: 'js-sha512', path: 'sha512' },
  { module: 'js-sha512', path: 'default' },
  { module: 'js-sha512', path: '' },
  ...['HmacSHA256', 'HmacSHA512'].flatMap((fn) => [
    { module: 'crypto-js', path: fn },
    { module: 'crypto-js', path: `default.${fn}` },
  ]),
  { module: 'crypto-js/hmac-sha256', path: '' },
  { module: 'crypto-js/hmac-sha256', path: 'default' },
];

/**
 * Node's own clients, as Paystack's and other providers' Node samples use them:
 * `https.request({ hostname, path, method }, cb)` (or a URL first, then the options), the body
 * written on the request it returns. https://nodejs.org/api/https.html#httpsrequestoptions-callback
 */
const nodeRequest = (module: string): HttpClient => ({
  module, path: 'request', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 0,
  urlParts: { host: ['hostname', 'host'], path: 'path' }, bodyCalls: ['write', 'end'],
});

export const HTTP_CLIENTS: HttpClient[] = [
  ...['https', 'http', 'node:https', 'node:http'].map(nodeRequest),
  { global: 'fetch', path: '', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { global: 'globalThis', path: 'fetch', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'node-fetch', path: '', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'cross-fetch', path: '', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'undici', path: 'fetch', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'undici', path: 'request', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'ofetch', path: 'ofetch', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'ofetch', path: '$fetch', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 1 },
  { module: 'axios', path: '', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 0 },
  { module: 'axios', path: 'request', method: 'options', urlArg: 0, bodyArg: null, optionsArg: 0 },
  ...verbs.flatMap((v): HttpClient[] => [
    { module: 'axios', path: v, method: upper(v), urlArg: 0, bodyArg: 1, optionsArg: 2 },
    { module: 'axios', path: `create.().${v}`, method: upper(v), urlArg: 0, bodyArg: 1, optionsArg: 2 },
    { module: 'got', path: v, method: upper(v), urlArg: 0, bodyArg: null, optionsArg: 1 },
    { module: 'ky', path: v, method: upper(v), urlArg: 0, bodyArg: null, optionsArg: 1 },
    // NestJS's injected HttpService: the verbs (an Observable) and the axios instance behind them.
    // https://docs.nestjs.com/techniques/http-module
    { module: '@nestjs/axios', path: `HttpService.new().${v}`, method: upper(v), urlArg: 0, bodyArg: 1, optionsArg: 2 },
    { module: '@nestjs/axios', path: `HttpService.new().axiosRef.${v}`, method: upper(v), urlArg: 0, bodyArg: 1, optionsArg: 2 },
  ]),
];
