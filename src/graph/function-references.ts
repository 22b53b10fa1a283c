// Function references: `ctx.runMutation(internal.bookings.create, args)` (Convex) runs the function
// an app module exports under that path, as a message runs its handler: the sender's argument is
// the handler's parameter, and the call returns what the handler returns. The path is read off the
// reference's value (a property path on the framework's `api` or `internal` object), so a
// reference kept in a variable or imported from elsewhere leads to the same function.
import type { Expr, FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { ClientPattern, FrameworkRecognizer } from '../recognizers/define.js';
import { compilePath, isModuleOrSubpath, matchSteps } from '../recognizers/match.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import type { CallEdge } from './call-graph.js';
import { entryFunctions } from './entries.js';

type Rule = NonNullable<FrameworkRecognizer['references']>;

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

export function referenceEdges(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): CallEdge[] {
  const out: CallEdge[] = [];
  for (const { ir, index, sender, rule, to } of referenceCalls(ev, files, frameworks, (rule) => rule.senders)) {
    const argMap: number[] = [];
    // The framework fills the other parameters (the context); none of this call's arguments is one.
    for (let p = 0; p <= rule.argsParam; p++) argMap[p] = p === rule.argsParam ? sender.argsArg : -1;
    // A call runs it as a step of the caller's chain; one scheduled for later (`ctx.scheduler.runAfter`)
    // runs on its own, an entry point of its own (a scheduled job, see scheduledReferences).
    const edge: CallEdge = { from: fnKey({ file: ir.file, fn: ir.sites[index]!.fn }), file: ir.file, site: index, to, kind: sender.kind, argMap };
    out.push(sender.kind === 'call' ? { ...edge, message: true } : edge);
  }
  return out;
}

/**
 * Functions a schedule runs (Convex `crons.interval('release holds', { minutes: 5 }, internal.holds.release)`),
 * with the schedule's text: scheduled jobs, and still entry points (no request comes through the crons file).
 */
export function scheduledReferences(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): { fn: string; framework: string; schedule: string | null }[] {
  const calls = referenceCalls(ev, files, frameworks, (rule): Scheduler[] => [...(rule.schedules ?? []), ...rule.senders]);
  return calls.flatMap(({ ir, index, sender, to, framework }) => {
    if (!('scheduleArg' in sender)) {
      // Run once, later (`ctx.scheduler.runAfter(30 * 60 * 1000, internal.bookings.expireIfUnpaid, { id })`):
      // the job that expires one unpaid booking. A plain call is a step of its caller's chain.
      return sender.kind === 'deferred' ? [{ fn: to, framework, schedule: `later (${calleeName(ir, index)})` }] : [];
    }
    const arg = ir.sites[index]!.args[sender.scheduleArg];
    return [{ fn: to, framework, schedule: (arg ? staticText(ir, arg) ?? intervalText(ir, arg) : null) ?? calleeName(ir, index) }];
  });
}

type Scheduler = Rule['senders'][number] | NonNullable<Rule['schedules']>[number];

function calleeName(ir: FileIR, index: number): string {
  const callee = ir.sites[index]!.callee;
  return callee.k === 'member' && callee.prop ? callee.prop : 'scheduled';
}

const UNITS = new Set(['seconds', 'minutes', 'hours']);

/** `{ minutes: 5 }` -> `every 5 minutes`; a time of day (`{ hourUTC: 3, minuteUTC: 0 }`) is no interval. */
function intervalText(ir: FileIR, e: Expr): string | null {
  if (e.k !== 'obj' || !e.props.every((p) => p.key !== null && UNITS.has(p.key))) return null;
  const parts = e.props.map((p) => (p.key && p.key !== '...' ? `${p.value.k === 'lit' ? String(p.value.value) : staticText(ir, p.value) ?? '?'} ${p.key}` : null));
  return parts.length > 0 && parts.every((p) => p !== null) ? `every ${parts.join(' ')}` : null;
}

interface ReferenceCall<S> {
  ir: FileIR;
  index: number;
  sender: S & { kind: 'call' | 'deferred' };
  rule: Rule;
  framework: string;
  to: string;
}

/** Calls that hand a function reference to one of the rules' senders, with each handler it names. */
function referenceCalls<S extends { clients: ClientPattern[]; calls: Record<string, 'call' | 'deferred'> | string[]; refArg: number }>(
  ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[], sendersOf: (rule: Rule) => S[],
): ReferenceCall<S>[] {
  const senders = frameworks.flatMap((fw) => (fw.references ? sendersOf(fw.references).map((s) => ({ fw, rule: fw.references!, s })) : [])).flatMap(({ fw, rule, s }) => {
    const calls: [string, 'call' | 'deferred'][] = Array.isArray(s.calls) ? s.calls.map((c) => [c, 'deferred']) : Object.entries(s.calls);
    return s.clients.flatMap((c) => calls.map(([call, kind]) => ({ fw, rule, sender: { ...s, kind }, module: c.module ?? null, tokens: compilePath(c.path ? `${c.path}.${call}` : call) })));
  });
  if (senders.length === 0) return [];
  const byStem = new Map<string, FileIR[]>();
  for (const ir of files) {
    const stem = ir.file.replace(SOURCE, '');
    const list = byStem.get(stem);
    if (list) list.push(ir);
    else byStem.set(stem, [ir]);
  }
  const lastNames = new Set(senders.map((s) => s.tokens[s.tokens.length - 1]));
  const out: ReferenceCall<S>[] = [];
  for (const ir of files) {
    ir.sites.forEach((site, index) => {
      // `ctx.runMutation(...)`, or a function imported on its own (`fetchMutation(...)`, by any local name).
      if (site.callee.k === 'member' ? !lastNames.has(site.callee.prop ?? '') : site.callee.k !== 'ref' || ir.bindings[site.callee.b]?.kind !== 'import') return;
      for (const v of ev.values(ir.file, site.callee)) {
        if (v.t !== 'ext') continue;
        const s = senders.find((x) => (!x.module || isModuleOrSubpath(v.module, x.module)) && matchSteps(x.tokens, v.steps));
        if (!s) continue;
        const ref = site.args[s.sender.refArg];
        for (const to of ref ? targets(ev, ir, ref, s.fw, byStem) : []) out.push({ ir, index, sender: s.sender, rule: s.rule, framework: s.fw.id, to });
        return;
      }
    });
  }
  return out;
}

/** The handlers a reference names: export `create` of `<folder>/bookings.ts` for `internal.bookings.create`. */
function targets(ev: Evaluator, from: FileIR, ref: Expr, fw: FrameworkRecognizer, byStem: Map<string, FileIR[]>): string[] {
  const rule = fw.references!;
  // The keys the framework's registrations hold their handler under (`mutation({ args, handler })`).
  const handlerKeys = (fw.registrations ?? []).flatMap((r) => r.handlerKeys ?? []);
  const out = new Set<string>();
  for (const v of ev.values(from.file, ref)) {
    const path = referencePath(v, rule);
    if (!path || path.length < 2) continue;
    const exported = path[path.length - 1]!;
    const module = `${rule.folder}/${path.slice(0, -1).join('/')}`;
    const candidates = [...byStem].filter(([stem]) => stem === module || stem.endsWith(`/${module}`)).flatMap(([, irs]) => irs);
    // In a monorepo of several Convex apps, the one nearest the caller.
    const nearest = candidates.sort((a, b) => sharedPrefix(b.file, from.file) - sharedPrefix(a.file, from.file) || (a.file < b.file ? -1 : 1))[0];
    for (const x of nearest?.exports ?? []) {
      if (x.kind !== 'local' || x.name !== exported) continue;
      for (const fn of handlersOf(ev, nearest!, x.value, handlerKeys)) out.add(fn);
    }
  }
  return [...out].sort();
}

/** `internal.bookings.create` -> ['bookings', 'create'], when the value starts at one of the rule's roots. */
function referencePath(v: Value, rule: Rule): string[] | null {
  if (v.t !== 'ext') return null;
  for (const root of rule.roots) {
    if (root.module && !isModuleOrSubpath(v.module, root.module)) continue;
    const head = compilePath(root.path);
    if (v.steps.length <= head.length || head.some((t, i) => v.steps[i]!.p !== t)) continue;
    const rest = v.steps.slice(head.length).map((s) => s.p);
    return rest.every((p) => p !== '()' && p !== '[]' && p !== 'new()') ? rest : null;
  }
  return null;
}

/** The function a registration holds: its function argument, or the one at a handler key of its options. */
function handlersOf(ev: Evaluator, ir: FileIR, value: Expr, handlerKeys: string[]): string[] {
  const out: string[] = [];
  for (const def of ev.definitions(ir.file, value)) {
    const defIr = ev.ir(def.file);
    if (!defIr || def.expr.k !== 'call') continue;
    for (const arg of defIr.sites[def.expr.site]!.args) {
      out.push(...entryFunctions(ev, defIr, arg));
      for (const v of ev.values(defIr.file, arg)) {
        const objIr = v.t === 'obj' ? ev.ir(v.file) : undefined;
        if (v.t !== 'obj' || !objIr) continue;
        for (const p of v.props) if (p.key !== null && handlerKeys.includes(p.key)) out.push(...entryFunctions(ev, objIr, p.value));
      }
    }
  }
  return out;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
