// Functions a schema declares for the models built from it: Mongoose statics
// (https://mongoosejs.com/docs/guide.html#statics). `bookingSchema.statics.createPending = function
// (x) { return this.create(x) }` is called as `Booking.createPending(x)`, with `this` the model. So a
// model's member that its package does not define may be such a function, and `this` in one is
// every model built from that schema. Which stores build models so is data (`schemaStatics`).
import type { Value } from '../model/values.js';
import type { StoreRecognizer } from '../recognizers/define.js';
import { isPatternValue } from '../recognizers/match.js';
import { valueKey, type Evaluator, type SchemaStatics } from '../symbols/evaluate.js';
import { addTo } from '../util/multimap.js';

interface Spec {
  module: string;
  models: string[];
  schemaArg: number;
  member: string;
}

interface Index {
  /** By schema (its value's key): the functions it declares, by name. */
  functions: Map<string, Map<string, Value>>;
  /** By schema: the models built from it. */
  models: Map<string, Value[]>;
  /** Object literals set whole as a schema's functions (`schema.statics = { get(id) {...} }`), by key: their schemas. */
  literals: Map<string, Value[]>;
}

export function schemaStatics(ev: Evaluator, stores: StoreRecognizer[]): SchemaStatics | null {
  const specs: Spec[] = stores.flatMap((s) => (s.schemaStatics ? s.packages.map((module) => ({ module, ...s.schemaStatics! })) : []));
  if (specs.length === 0) return null;
  let index: Index | null = null;
  // Building the index evaluates the app's code, which asks these questions again: nothing is declared meanwhile.
  let building = false;
  const built = (): Index | null => {
    if (index || building) return index;
    building = true;
    try {
      index = buildIndex(ev, specs);
    } finally {
      building = false;
    }
    return index;
  };
  // Asked of every member of every package's value: most are of other packages.
  const modules = new Set(specs.map((s) => s.module));
  const specOf = (v: Value) => specs.find((s) => s.models.some((path) => isPatternValue(v, { module: s.module, path })));
  return {
    member(v, prop) {
      if (v.t !== 'ext' || !modules.has(v.module)) return [];
      const spec = specOf(v);
      if (!spec) return [];
      const functions = built()?.functions;
      if (!functions) return [];
      return schemasOf(ev, v, spec).flatMap((schema) => {
        const fn = functions.get(valueKey(schema))?.get(prop);
        return fn ? [fn] : [];
      });
    },
    self(v) {
      // A method of the literal set whole: `this` is the models of the schema it was set on.
      if (v.t === 'obj') {
        const index = built();
        return (index?.literals.get(valueKey(v)) ?? []).flatMap((schema) => index!.models.get(valueKey(schema)) ?? []);
      }
      if (v.t !== 'ext' || !modules.has(v.module) || v.steps.length < 2) return [];
      const spec = specs.find((s) => s.module === v.module && v.steps[v.steps.length - 1]!.p === s.member);
      if (!spec) return [];
      const schema: Value = { ...v, steps: v.steps.slice(0, -1) };
      return built()?.models.get(valueKey(schema)) ?? [];
    },
  };
}

/** The schemas a model was built from: its building call's schema argument. */
function schemasOf(ev: Evaluator, model: Extract<Value, { t: 'ext' }>, spec: Spec): Value[] {
  const call = [...model.steps].reverse().find((s) => s.site !== undefined && s.file !== undefined);
  const site = call ? ev.ir(call.file!)?.sites[call.site!] : undefined;
  const arg = site?.args[spec.schemaArg];
  return arg ? ev.values(call!.file!, arg).filter((v) => v.t === 'ext') : [];
}

function buildIndex(ev: Evaluator, specs: Spec[]): Index {
  const functions = new Map<string, Map<string, Value>>();
  const models = new Map<string, Value[]>();
  const literals = new Map<string, Value[]>();
  const declare = (schema: Value, name: string, fn: Value) => {
    const key = valueKey(schema);
    if (!functions.has(key)) functions.set(key, new Map());
    functions.get(key)!.set(name, fn);
  };
  const members = new Set(specs.map((s) => s.member));
  // Model-building calls are found by their callee's name (`model`), then by value.
  const builders = new Set(specs.flatMap((s) => s.models.map((path) => path.split('.').at(-2) ?? '')));
  for (const ir of ev.files.values()) {
    for (const a of ir.memberAssignments) {
      const t = a.target;
      if (t.k !== 'member' || t.prop === null || t.obj.k !== 'member' || t.obj.prop === null || !members.has(t.obj.prop)) continue;
      for (const schema of ev.values(ir.file, t.obj.obj)) if (schema.t === 'ext') declare(schema, t.prop, { t: 'fn', file: ir.file, fn: a.fn });
    }
    for (const w of ir.fieldWrites ?? []) {
      if (w.op !== '=' || !members.has(w.prop) || w.value.k !== 'obj') continue;
      const schemas = ev.values(ir.file, w.obj).filter((v) => v.t === 'ext');
      addTo(literals, `o:${ir.file}:${w.value.pos}`, ...schemas);
      for (const p of w.value.props) {
        if (p.key === null || p.key === '...' || p.value.k !== 'fn') continue;
        for (const schema of schemas) declare(schema, p.key, { t: 'fn', file: ir.file, fn: p.value.fn });
      }
    }
    ir.sites.forEach((site, i) => {
      const c = site.callee;
      const name = c.k === 'member' ? c.prop : c.k === 'global' ? c.name : c.k === 'ref' ? ir.bindings[c.b]?.name : null;
      if (!name || !builders.has(name)) return;
      for (const model of ev.values(ir.file, { k: 'call', site: i })) {
        const spec = model.t === 'ext' ? specs.find((s) => s.module === model.module && s.models.some((path) => isPatternValue(model, { module: s.module, path }))) : undefined;
        if (!spec || model.t !== 'ext') continue;
        for (const schema of schemasOf(ev, model, spec)) addTo(models, valueKey(schema), model);
      }
    });
  }
  return { functions, models, literals };
}
