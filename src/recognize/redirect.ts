// Payments that start with no API call (VNPay): the server signs the parameters into a URL of the
// provider's page and sends the customer there. The call that serializes those parameters into the
// query string is the initiation, and the parameters are its payload (`ProviderRecognizer.redirect`).
// Or the server signs the fields of a form the browser posts to the provider (eSewa): the signing
// call is the initiation (`ProviderRecognizer.signedText`). Or it fills in such a form however it
// signs it (PayFast): the first call handed the form's object is (`ProviderRecognizer.form`).
import { sitesIn, soleDefinition, type CallSite, type Expr, type FileIR, type ObjProp } from '../model/ir.js';
import type { Value } from '../model/values.js';
import { MESSAGE_SIGNERS, QUERY_SERIALIZERS } from '../recognizers/http-clients.js';
import type { PositionalText, ProviderRecognizer, Recognizer } from '../recognizers/define.js';
import { compilePath, isAtPath } from '../recognizers/match.js';
import type { FactContext, SiteFact } from './facts.js';

const serializers = QUERY_SERIALIZERS.map((s) => ({ ...s, tokens: compilePath(s.path) }));

/** Whether a call with this callee value serializes its argument into a query string. */
export function isSerializer(v: Value, site: CallSite): boolean {
  return serializers.some((s) => Boolean(s.isNew) === site.isNew && isAtPath(v, s, s.tokens));
}

export function redirectFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, v: Value): SiteFact | null {
  const arg = serializedObject(ir, site, v);
  if (!arg) return null;
  // The fields assigned one by one (`params['vnp_TxnRef'] = id`) are among the variable's values.
  const keys = keysOf(atItsCall(cx, ir, arg), ir.file, arg, 0, new Set());
  for (const provider of cx.providers) {
    if (provider.kind !== 'provider' || !provider.redirect) continue;
    if (!provider.redirect.keys.every((k) => keys.has(k))) continue;
    // The text signed and then the URL: the last serialization of the same parameters is the URL.
    if (arg.k === 'ref' && serializedLater(cx, ir, site, arg.b)) return null;
    return {
      file: ir.file, site: index, fn: site.fn, kind: 'provider', recognizer: provider, role: 'initiation',
      api: provider.redirect.api, entity: null, bookingLike: false, billing: false, match: null, rest: null, restBody: arg,
    };
  }
  return null;
}

/**
 * The object a call serializes into a query string: a serializer's argument, or the object whose
 * keys a query string is built from by hand, `Object.keys(params).map((k) => `${k}=${params[k]}`).join('&')`
 * (or `Object.entries(params)`).
 */
function serializedObject(ir: FileIR, site: CallSite, v: Value): Expr | null {
  if (isSerializer(v, site)) return site.args[0] ?? null;
  const joiner = site.args[0];
  if (site.callee.k !== 'member' || site.callee.prop !== 'join' || joiner?.k !== 'lit' || joiner.value !== '&') return null;
  const mapping = calledOn(ir, site.callee.obj, 'map');
  const pairs = mapping?.args[0];
  const pair = pairs?.k === 'fn' ? ir.functions[pairs.fn]?.returns : undefined;
  if (!mapping || !pair?.every((r) => r.k === 'tpl' && r.text.includes('='))) return null;
  const listing = mapping.callee.k === 'member' ? calledOn(ir, mapping.callee.obj, 'keys') ?? calledOn(ir, mapping.callee.obj, 'entries') : null;
  return listing?.callee.k === 'member' && listing.callee.obj.k === 'global' && listing.callee.obj.name === 'Object' ? listing.args[0] ?? null : null;
}

/** The call a value is the result of, when it calls a method of this name. */
function calledOn(ir: FileIR, e: Expr, method: string): CallSite | null {
  const site = e.k === 'call' ? ir.sites[e.site] : undefined;
  return site?.callee.k === 'member' && site.callee.prop === method ? site : null;
}

/**
 * A helper's result (`sortObject(params)`, in place or in the variable given it) is what it made of
 * this call's arguments: the helper also sorts what the return URL brings back, which is no payment.
 */
function atItsCall(cx: FactContext, ir: FileIR, arg: Expr): FactContext {
  const producing = arg.k === 'call' ? [arg] : arg.k === 'ref' ? (ir.bindings[arg.b]?.defs ?? []).filter((d) => d.k === 'call') : [];
  const site = producing.length === 1 && producing[0]!.k === 'call' ? ir.sites[producing[0]!.site] : undefined;
  if (!site) return cx;
  const helpers = cx.ev.values(ir.file, site.callee).filter((h) => h.t === 'fn');
  if (helpers.length === 0) return cx;
  const ev = cx.ev.fork((file, fn, index) => {
    const handed = site.args[index];
    return handed && helpers.some((h) => h.file === file && h.fn === fn) ? cx.ev.values(ir.file, handed) : null;
  });
  return { ...cx, ev };
}

/** The static keys of an object, through spreads (`{ ...params, vnp_SecureHash }`). */
export function keysOf(cx: FactContext, file: string, e: Expr, depth: number, out: Set<string>): Set<string> {
  if (depth > 3) return out;
  for (const o of cx.ev.values(file, e)) {
    if (o.t !== 'obj') continue;
    for (const p of o.props) {
      if (p.key === '...') keysOf(cx, o.file, p.value, depth + 1, out);
      else if (p.key !== null) out.add(p.key);
    }
  }
  return out;
}

/** A later serialization in the same function of the same variable, alone or spread into an object (`{ ...params, vnp_SecureHash }`). */
function serializedLater(cx: FactContext, ir: FileIR, site: CallSite, binding: number): boolean {
  return sitesIn(ir, site.fn).some((other) => {
    if (other.start <= site.start) return false;
    return cx.ev.values(ir.file, other.callee).some((v) => handsVariable(serializedObject(ir, other, v) ?? undefined, binding));
  });
}

/** An argument that is the variable, alone or spread into an object (`{ ...params, vnp_SecureHash }`). */
function handsVariable(arg: Expr | undefined, binding: number): boolean {
  const isBinding = (e: Expr) => e.k === 'ref' && e.b === binding;
  return arg !== undefined && (isBinding(arg) || (arg.k === 'obj' && arg.props.some((p) => p.key === '...' && isBinding(p.value))));
}

const signers = MESSAGE_SIGNERS.map((s) => ({ ...s, tokens: compilePath(s.path) }));

/**
 * A form signed for the provider's page (`ProviderRecognizer.signedText`, eSewa, PayU): the signing
 * call handed a text naming every key as `key=value`, or joining the form's values in order, is the
 * initiation, and those values are its payload.
 */
export function signedTextFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, v: Value): SiteFact | null {
  // The text first: most calls are handed none, and that is cheaper to see than the callee.
  const text = site.isNew ? null : signedTextOf(ir, site.args[0]);
  if (!text || !signers.some((s) => isAtPath(v, s, s.tokens)) || browserModule(cx, ir)) return null;
  for (const provider of cx.providers) {
    const signed = provider.kind === 'provider' ? provider.signedText : undefined;
    if (!signed) continue;
    const props = signed.positional ? positionalFields(text, signed.positional) : namedFields(text, signed.keys, signed.answerKeys);
    if (!props) continue;
    return {
      file: ir.file, site: index, fn: site.fn, kind: 'provider', recognizer: provider, role: 'initiation',
      api: signed.api, entity: null, bookingLike: false, billing: false, match: null, rest: null, signsForm: true,
      // No object of the app's holds these fields together: this one stands for them (its negative
      // position is no object literal's).
      restBody: { k: 'obj', props, pos: -1 - site.start },
    };
  }
  return null;
}

/** The values after `key=` in a text that names every one of `keys` and none of `answerKeys`. */
function namedFields(text: Extract<Expr, { k: 'tpl' }>, keys: string[], answerKeys: string[]): ObjProp[] | null {
  const names = (ks: string[]) => ks.some((k) => new RegExp(`(^|\\W)${k}=`).test(text.text));
  if (!keys.every((k) => names([k])) || names(answerKeys)) return null;
  // A value interpolated right after `key=` is that field; its static prefix names it.
  const statics = text.text.split('${}');
  const props: ObjProp[] = [];
  text.parts.forEach((value, i) => {
    const key = /([A-Za-z_]\w*)=$/.exec(statics[i] ?? '')?.[1];
    if (key) props.push({ key, value });
  });
  return props;
}

/**
 * The fields of a text of values joined in the provider's order (`${key}|${txnid}|${amount}|...`):
 * the values it opens with, up to the first that is not joined by the separator alone. The answer's
 * text runs the other way (`${salt}|${status}||||||${udf5}|...`) and opens with empty fields.
 */
function positionalFields(text: Extract<Expr, { k: 'tpl' }>, rule: PositionalText): ObjProp[] | null {
  const statics = text.text.split('${}');
  const emptyRun = (t: string) => t.length > rule.emptyFields * rule.separator.length && t.split(rule.separator).every((x) => x === '');
  if (statics[0] !== '' || !statics.some(emptyRun)) return null;
  const props: ObjProp[] = [];
  for (let i = 0; i < rule.fields.length && i < text.parts.length; i++) {
    if (i > 0 && statics[i] !== rule.separator) break;
    props.push({ key: rule.fields[i]!, value: text.parts[i]! });
  }
  return props.length >= rule.opening ? props : null;
}

/**
 * A component (`.jsx`/`.tsx`) or a module marked as browser code (`'use client'`): a form it signs
 * is the page posting it itself, with the secret in the browser; no server starts that payment.
 */
function browserModule(cx: FactContext, ir: FileIR): boolean {
  const client = cx.matcher.recognizers.flatMap((r) => (r.kind === 'framework' ? r.clientDirectives ?? [] : []));
  if (client.some((d) => ir.directives.includes(d))) return true;
  return /\.[jt]sx$/.test(ir.file) && !ir.directives.includes('use server');
}

/** The text handed to a signing call: a template or concatenation, in place or in the variable assigned it once. */
function signedTextOf(ir: FileIR, e: Expr | undefined): Extract<Expr, { k: 'tpl' }> | null {
  if (e?.k === 'tpl') return e;
  if (e?.k !== 'ref' || ir.bindings[e.b]?.kind === 'param') return null;
  const def = soleDefinition(ir, e);
  return def?.k === 'tpl' ? def : null;
}

/**
 * A form filled in for the provider's page (`ProviderRecognizer.form`, PayFast): the first call in a
 * function handed an object built there that holds every one of the keys.
 */
export function formFact(cx: FactContext, ir: FileIR, index: number, site: CallSite): SiteFact | null {
  if (site.args.length === 0) return null;
  const forms = formProviders(cx.providers);
  if (forms.length === 0) return null;
  for (const arg of site.args.length === 1 && site.args[0]!.k !== 'obj' ? site.args : site.args.flatMap(withFields)) {
    // Every call site asks: the keys, then the spreads of a literal only when a form has them all.
    if (arg.k !== 'obj' && builtVariable(ir, site, arg) === null) continue;
    const keys = keysOf(cx, ir.file, arg, 0, new Set());
    const provider = forms.find((p) => p.form!.keys.every((k) => keys.has(k)));
    if (!provider || browserModule(cx, ir)) continue;
    const built = builtHere(ir, site, arg);
    if (built === null) continue;
    if (built !== 'literal' && handedEarlier(ir, site, built)) return null;
    return {
      file: ir.file, site: index, fn: site.fn, kind: 'provider', recognizer: provider, role: 'initiation',
      api: provider.form!.api, entity: null, bookingLike: false, billing: false, match: null, rest: null, restBody: arg,
    };
  }
  return null;
}

const formsOf = new WeakMap<Recognizer[], ProviderRecognizer[]>();

/** The providers whose page takes a form: asked at every call site. */
function formProviders(providers: Recognizer[]): ProviderRecognizer[] {
  let forms = formsOf.get(providers);
  if (!forms) formsOf.set(providers, (forms = providers.filter((p): p is ProviderRecognizer => p.kind === 'provider' && Boolean(p.form))));
  return forms;
}

/**
 * Whether an argument is an object built in the call's own function: a literal ('literal'), or a
 * variable of that function given only literals (its binding). A value handed in or returned by
 * another call was built, and counted, where it came from.
 */
function builtHere(ir: FileIR, site: CallSite, arg: Expr): number | 'literal' | null {
  // A literal spreading other objects (`{ ...form, signature }`) hands them on: each must be built
  // here and handed to no call before.
  if (arg.k === 'obj') {
    const spreads = arg.props.filter((p) => p.key === '...').map((p) => builtVariable(ir, site, p.value));
    return spreads.every((b) => b !== null && !handedEarlier(ir, site, b)) ? 'literal' : null;
  }
  return builtVariable(ir, site, arg);
}

/** A variable of the call's function given only literals (and fields assigned there). */
function builtVariable(ir: FileIR, site: CallSite, e: Expr): number | null {
  const b = e.k === 'ref' ? ir.bindings[e.b] : undefined;
  if (!b || b.fn !== site.fn || b.kind === 'param' || b.kind === 'import' || b.defs.length === 0) return null;
  return b.defs.every((d) => d.k === 'obj' || d.k === 'arr') ? (e as Extract<Expr, { k: 'ref' }>).b : null;
}

/** An earlier call in the same function handed the variable, alone or spread into an object. */
function handedEarlier(ir: FileIR, site: CallSite, binding: number): boolean {
  return sitesIn(ir, site.fn).some((other) => other.start < site.start && other.args.flatMap(withFields).some((a) => handsVariable(a, binding)));
}

/** An argument and, for an object literal, the values of its fields: `res.json({ action, form })` hands over `form`. */
function withFields(arg: Expr): Expr[] {
  return arg.k === 'obj' ? [arg, ...arg.props.filter((p) => p.key !== null && p.key !== '...').map((p) => p.value)] : [arg];
}
