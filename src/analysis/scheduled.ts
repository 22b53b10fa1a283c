// Entry points that run without a customer's request: scheduled jobs (Vercel cron routes from
// vercel.json, in-process schedulers such as node-cron, BullMQ job schedulers and repeatable jobs,
// Firebase scheduled functions, pg_cron jobs that post to a Supabase edge function) and other
// background consumers (queue workers, Inngest functions, event triggers). The SQL pg_cron jobs
// run themselves is in `project.sqlJobs`.
import type { EntryPoint } from '../graph/entries.js';
import { scheduledReferences } from '../graph/function-references.js';
import type { FileIR } from '../model/ir.js';
import type { FrameworkRecognizer } from '../recognizers/define.js';
import { compilePath, isModuleOrSubpath, matchSteps } from '../recognizers/match.js';
import { staticText } from '../symbols/text.js';
import type { Program } from './program.js';

export interface ScheduledJob {
  entry: EntryPoint;
  /** How it is scheduled: 'vercel-cron', 'netlify-schedule', a framework id ('node-cron', 'bullmq', 'firebase-functions'). */
  via: string;
  schedule: string | null;
}

/** Entry kinds that start from a queue, an event or a timer rather than a customer's request. */
const BACKGROUND_KINDS = new Set(['queue-consumer', 'inngest-function', 'nest-queue', 'firebase-event', 'gcf-event', 'cron-job']);

const memo = new WeakMap<Program, ScheduledJob[]>();

export function scheduledJobs(program: Program): ScheduledJob[] {
  const hit = memo.get(program);
  if (hit) return hit;
  const out: ScheduledJob[] = [];
  const add = (entry: EntryPoint, via: string, schedule: string | null) => {
    if (!out.some((j) => j.entry.fn === entry.fn)) out.push({ entry, via, schedule });
  };
  for (const cron of program.project.cronRoutes) {
    for (const e of program.entries) {
      if (e.route === cron.path && (!cron.dir || e.file.startsWith(`${cron.dir}/`))) add(e, cron.via, cron.schedule);
    }
  }
  for (const f of program.facts) {
    const r = f.recognizer;
    if (f.kind !== 'registration' || r.kind !== 'framework' || !r.scheduledCalls?.includes(f.api)) continue;
    const ir = program.files.get(f.file)!;
    const site = ir.sites[f.site]!;
    const schedule = staticText(ir, site.args[0]);
    for (const e of program.entries) if (e.file === f.file && e.pos === site.start) add(e, r.id, schedule);
  }
  // `export const config = { schedule: '@hourly' }` beside the handler (Netlify scheduled functions).
  for (const e of program.entries) {
    const r = program.recognizers.find((x) => x.id === e.framework);
    if (r?.kind !== 'framework' || !r.scheduleExports) continue;
    const ir = program.files.get(e.file)!;
    for (const rule of r.scheduleExports) {
      const settings = ir.exports.find((x) => x.kind === 'local' && x.name === rule.export);
      const value = settings?.kind === 'local' ? program.ev.values(ir.file, settings.value).find((v) => v.t === 'obj') : undefined;
      const schedule = value?.t === 'obj' ? value.props.find((p) => p.key === rule.key) : undefined;
      if (schedule) add(e, r.id, staticText(ir, schedule.value));
    }
  }
  // `select net.http_post(url := 'https://<ref>.supabase.co/functions/v1/expire-holds', ...)`:
  // the job runs the edge function named by its folder. One the app's own code also calls (a
  // keep-warm ping of a chat assistant that a webhook forwards messages to) serves requests too.
  const called = edgeFunctionsCalledByApp(program);
  for (const job of program.project.sqlJobs) {
    for (const m of job.command.matchAll(EDGE_FUNCTION_URL)) {
      if (called.has(m[1]!)) continue;
      for (const e of program.entries) if (e.kind === 'edge-function' && e.route === `/${m[1]}`) add(e, 'pg_cron', job.schedule);
    }
  }
  // Convex cron jobs name the function they run by reference.
  for (const job of scheduledReferences(program.ev, [...program.files.values()], program.recognizers.filter((r) => r.kind === 'framework'))) {
    for (const e of program.entries) if (e.fn === job.fn) add(e, job.framework, job.schedule);
  }
  const dependsOn = (packages: string[]) => program.project.manifests.some((m) => m.dependencies.some((d) => packages.includes(d)));
  for (const r of program.recognizers) {
    if (r.kind !== 'framework' || !r.schedules || !dependsOn(r.packages)) continue;
    for (const queue of scheduledQueues(program, r)) {
      for (const e of program.entries) if (e.framework === r.id && e.route === queue) add(e, r.id, null);
    }
  }
  memo.set(program, out);
  return out;
}

const EDGE_FUNCTION_URL = /\/functions\/v1\/([A-Za-z0-9_-]+)/g;

/** Edge functions the app's code calls: a URL `.../functions/v1/<name>` in its strings, or `functions.invoke('<name>')`. */
function edgeFunctionsCalledByApp(program: Program): Set<string> {
  const out = new Set<string>();
  for (const ir of program.files.values()) {
    for (const fn of ir.functions) for (const text of fn.strings) for (const m of text.matchAll(EDGE_FUNCTION_URL)) out.add(m[1]!);
    for (const site of ir.sites) {
      if (site.callee.k !== 'member' || site.callee.prop !== 'invoke' || site.callee.obj.k !== 'member' || site.callee.obj.prop !== 'functions') continue;
      const name = staticText(ir, site.args[0]);
      if (name) out.add(name);
    }
  }
  return out;
}

/** Entry points that run in the background: scheduled jobs, queue consumers, event-triggered functions. */
export function backgroundEntries(program: Program): EntryPoint[] {
  const scheduled = new Set(scheduledJobs(program).map((j) => j.entry.fn));
  return program.entries.filter((e) => scheduled.has(e.fn) || BACKGROUND_KINDS.has(e.kind));
}

/** Names of the queues whose jobs a schedule call makes recurring (`new Queue('expire-holds')`). */
function scheduledQueues(program: Program, r: FrameworkRecognizer): Set<string> {
  const out = new Set<string>();
  const rules = (r.schedules ?? []).flatMap((rule) => rule.clients.flatMap((c) => rule.calls.map((call) => ({ rule, tokens: [...compilePath(c.path), ...compilePath(call)], last: call.split('.').pop()! }))));
  for (const ir of program.files.values()) {
    ir.sites.forEach((site) => {
      const name = site.callee.k === 'member' ? site.callee.prop : null;
      const candidates = rules.filter((x) => x.last === name);
      if (candidates.length === 0) return;
      for (const v of program.ev.values(ir.file, site.callee)) {
        if (v.t !== 'ext' || !r.packages.some((p) => isModuleOrSubpath(v.module, p))) continue;
        for (const { rule, tokens } of candidates) {
          if (matchSteps(tokens, v.steps) === null) continue;
          if (rule.option && !hasOption(program, ir, site.args[rule.option.arg], rule.option.key)) continue;
          const made = v.steps.find((s) => s.p === 'new()' && s.site !== undefined && s.file);
          const args = made ? program.files.get(made.file!)?.sites[made.site!]?.args : undefined;
          const queue = args && made ? staticText(program.files.get(made.file!)!, args[rule.queueArg]) : null;
          if (queue) out.add(queue);
        }
      }
    });
  }
  return out;
}

function hasOption(program: Program, ir: FileIR, arg: FileIR['sites'][number]['args'][number] | undefined, key: string): boolean {
  return arg !== undefined && program.ev.values(ir.file, arg).some((v) => v.t === 'obj' && v.props.some((p) => p.key === key));
}
