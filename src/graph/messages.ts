// Message links between services: `client.send(pattern, payload)` reaches the handlers whose
// decorator names the same pattern (NestJS `@MessagePattern`/`@EventPattern`). Patterns are compared
// as static text, following constants across files; object patterns (`{ cmd: 'book' }`) by their fields;
// message classes (`bus.execute(new ChargeCommand())` to `@CommandHandler(ChargeCommand)`) by the class.
import type { Expr, FileIR } from '../model/ir.js';
import { fnKey } from '../model/values.js';
import type { FrameworkRecognizer } from '../recognizers/define.js';
import { compilePath, isModuleOrSubpath, matchSteps } from '../recognizers/match.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import type { CallEdge } from './call-graph.js';
import { decoratorIs } from './entries.js';
import { addTo } from '../util/multimap.js';

export function messageEdges(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): CallEdge[] {
  const rules = frameworks.flatMap((fw) => (fw.messages ? [fw.messages] : []));
  if (rules.length === 0) return [];
  const follow = ev.follow;
  const patternKey = (ir: FileIR, e: Expr | undefined): string | null => {
    if (!e) return null;
    const text = staticText(ir, e, 0, follow);
    if (text !== null && !text.includes('${}')) return `s:${text}`;
    for (const v of ev.values(ir.file, e)) {
      // A message class names itself: the decorator's class and the instance a sender builds.
      if (v.t === 'class' || v.t === 'inst') return `c:${v.file}#${v.cls}`;
      if (v.t !== 'obj') continue;
      const objIr = ev.ir(v.file)!;
      const fields = v.props.map((p) => `${p.key}=${staticText(objIr, p.value, 0, follow)}`).sort();
      if (fields.every((f) => !f.endsWith('=null'))) return `o:${fields.join(',')}`;
    }
    return null;
  };
  // Handlers by pattern.
  const handlers = new Map<string, { fn: string; payloadParam: number }[]>();
  for (const rule of rules) {
    for (const ir of files) {
      for (const c of rule.classHandlers ? ir.classes : []) {
        const fn = c.methods[rule.classHandlers!.find((h) => c.decorators.some((d) => decoratorIs(ev, ir, d.name, h.module, h.decorators)))?.method ?? ''];
        if (fn === undefined) continue;
        const keys = c.decorators.flatMap((d) => d.args.map((a) => patternKey(ir, a)));
        for (const key of keys) if (key) addTo(handlers, key, { fn: fnKey({ file: ir.file, fn }), payloadParam: 0 });
      }
      if (!rule.handlers) continue;
      const methodRule = rule.handlers;
      ir.functions.forEach((f, index) => {
        for (const d of f.decorators) {
          const named = decoratorIs(ev, ir, d.name, methodRule.module, methodRule.decorators);
          const key = named ? patternKey(ir, d.args[0]) : null;
          if (!key) continue;
          const payload = f.paramDecorators.findIndex((ds) => ds.some((x) => x.name.k === 'ref' && ir.bindings[x.name.b]?.name === 'Payload'));
          addTo(handlers, key, { fn: fnKey({ file: ir.file, fn: index }), payloadParam: payload === -1 ? 0 : payload });
        }
      });
    }
  }
  if (handlers.size === 0) return [];
  const senders = rules.flatMap((r) => r.senders).flatMap((s) => s.clients.flatMap((c) =>
    Object.entries(s.calls).map(([call, kind]) => ({ module: c.module ?? null, tokens: compilePath(c.path ? `${c.path}.${call}` : call), kind, sender: s })),
  ));
  const out: CallEdge[] = [];
  for (const ir of files) {
    ir.sites.forEach((site, index) => {
      if (site.callee.k !== 'member' || !senders.some((s) => s.tokens[s.tokens.length - 1] === (site.callee as { prop: string | null }).prop)) return;
      for (const v of ev.values(ir.file, site.callee)) {
        if (v.t !== 'ext') continue;
        const s = senders.find((x) => (!x.module || isModuleOrSubpath(v.module, x.module)) && matchSteps(x.tokens, v.steps));
        if (!s) continue;
        const key = patternKey(ir, site.args[s.sender.patternArg]);
        for (const h of (key && handlers.get(key)) || []) {
          const argMap: number[] = [];
          argMap[h.payloadParam] = s.sender.payloadArg;
          out.push({ from: fnKey({ file: ir.file, fn: site.fn }), file: ir.file, site: index, to: h.fn, kind: s.kind, argMap, message: true });
        }
        return;
      }
    });
  }
  return out;
}
