// Functions a schema declares for what is built from it (https://mongoosejs.com/docs/guide.html):
// statics, `bookingSchema.statics.createPending = function (x) { return this.create(x) }`, called as
// `Booking.createPending(x)` with `this` the model; and methods, `bookingSchema.methods.cancel =
// function () { this.status = 'cancelled'; return this.save() }`, called on a document
// (`booking.cancel()`) with `this` that document. So a member the package does not define may be
// such a function. Which stores build models so is data (`schemaFunctions` in the store recognizers).
import { receiverOf, type Value } from '../model/values.js';
import type { StoreRecognizer } from '../recognizers/define.js';
import { isPatternValue } from '../recognizers/match.js';
import { valueKey, type Evaluator, type SchemaFunctions } from '../symbols/evaluate.js';
import { lazyOnce } from '../util/memo.js';
import { addTo } from '../util/multimap.js';

type Ext = Extract<Value, { t: 'ext' }>;

interface Spec {
  module: string;
  models: string[];
  schemaArg: number;
  statics: string;
  methods: string;
  /** The steps a document is found by, for `this` in a method (`findById.()`). */
  document: string[];
}

interface Index {
  /** By schema (its value's key), then by the schema's field (`statics`, `methods`): the functions, by name. */
  functions: Map<string, Map<string, Map<string, Value>>>;
  /** By schema: the models built from it. */
  models: Map<string, Ext[]>;
  /** Object literals set whole as a schema's functions (`schema.statics = { get(id) {...} }`), by key. */
  literals: Map<string, { schemas: Value[]; field: string }>;
}

export function schemaFunctions(ev: Evaluator, stores: StoreRecognizer[]): SchemaFunctions | null {
  const specs: Spec[] = stores.flatMap((s) => {
    const f = s.schemaFunctions;
    return f ? s.packages.map((module) => ({ module, ...f, document: f.document.split('.') })) : [];
  });
  if (specs.length === 0) return null;
  // Building the index evaluates the app's code, which asks these questions again: nothing is declared meanwhile.
  const built = lazyOnce<Index | null>(() => buildIndex(ev, specs), null);
  // Asked of every member of every package's value: most are of other packages.
  const modules = new Set(specs.map((s) => s.module));
  const declared = (model: Ext, spec: Spec, field: string, prop: string): Value[] => {
    const functions = built()?.functions;
    return functions ? schemasOf(ev, model, spec).flatMap((schema) => functions.get(valueKey(schema))?.get(field)?.get(prop) ?? []) : [];
  };
  /** What `this` is in a function set on `field` of these schemas. */
  const selves = (schemas: Value[], field: string): Value[] => {
    const i = built();
    return schemas.flatMap((schema) => {
      const spec = schema.t === 'ext' ? specs.find((s) => s.module === schema.module) : undefined;
      const models = i?.models.get(valueKey(schema)) ?? [];
      if (!spec) return [];
      if (field === spec.statics) return models;
      return field === spec.methods ? models.map((m): Value => ({ ...m, steps: [...m.steps, ...spec.document.map((p) => ({ p }))] })) : [];
    });
  };
  return {
    member(v, prop) {
      if (v.t !== 'ext' || !modules.has(v.module)) return [];
      for (const spec of specs) {
        if (spec.module !== v.module) continue;
        // The model itself has the statics; what its calls found or made (a document) the methods.
        for (let n = v.steps.length; n > 0; n--) {
          const model: Ext = { ...v, steps: v.steps.slice(0, n) };
          if (!spec.models.some((path) => isPatternValue(model, { module: spec.module, path }))) continue;
          return declared(model, spec, n === v.steps.length ? spec.statics : spec.methods, prop);
        }
      }
      return [];
    },
    self(owner) {
      if (owner.t === 'obj') {
        const literal = built()?.literals.get(valueKey(owner));
        return literal ? selves(literal.schemas, literal.field) : [];
      }
      if (owner.t !== 'ext' || !modules.has(owner.module) || owner.steps.length < 2) return [];
      return selves([receiverOf(owner)], owner.steps[owner.steps.length - 1]!.p);
    },
  };
}

/** The schemas a model was built from: its building call's schema argument. */
function schemasOf(ev: Evaluator, model: Ext, spec: Spec): Value[] {
  const call = [...model.steps].reverse().find((s) => s.site !== undefined && s.file !== undefined);
  const site = call ? ev.ir(call.file!)?.sites[call.site!] : undefined;
  const arg = site?.args[spec.schemaArg];
  return arg ? ev.values(call!.file!, arg).filter((v) => v.t === 'ext') : [];
}

function buildIndex(ev: Evaluator, specs: Spec[]): Index {
  const functions = new Map<string, Map<string, Map<string, Value>>>();
  const models = new Map<string, Ext[]>();
  const literals = new Map<string, { schemas: Value[]; field: string }>();
  const fields = new Set(specs.flatMap((s) => [s.statics, s.methods]));
  const declare = (schema: Value, field: string, name: string, fn: Value) => {
    const key = valueKey(schema);
    if (!functions.has(key)) functions.set(key, new Map());
    const byField = functions.get(key)!;
    if (!byField.has(field)) byField.set(field, new Map());
    byField.get(field)!.set(name, fn);
  };
  // Model-building calls are found by their callee's name (`model`), then by value.
  const builders = new Set(specs.flatMap((s) => s.models.map((path) => path.split('.').at(-2) ?? '')));
  for (const ir of ev.files.values()) {
    for (const a of ir.memberAssignments) {
      const t = a.target;
      if (t.k !== 'member' || t.prop === null || t.obj.k !== 'member' || t.obj.prop === null || !fields.has(t.obj.prop)) continue;
      for (const schema of ev.values(ir.file, t.obj.obj)) if (schema.t === 'ext') declare(schema, t.obj.prop, t.prop, { t: 'fn', file: ir.file, fn: a.fn });
    }
    for (const w of ir.fieldWrites ?? []) {
      if (w.op !== '=' || !fields.has(w.prop) || w.value.k !== 'obj') continue;
      const schemas = ev.values(ir.file, w.obj).filter((v) => v.t === 'ext');
      literals.set(`o:${ir.file}:${w.value.pos}`, { schemas, field: w.prop });
      for (const p of w.value.props) {
        if (p.key === null || p.key === '...' || p.value.k !== 'fn') continue;
        for (const schema of schemas) declare(schema, w.prop, p.key, { t: 'fn', file: ir.file, fn: p.value.fn });
      }
    }
    ir.sites.forEach((site, i) => {
      const c = site.callee;
      const name = c.k === 'member' ? c.prop : c.k === 'global' ? c.name : c.k === 'ref' ? ir.bindings[c.b]?.name : null;
      if (!name || !builders.has(name)) return;
      for (const model of ev.values(ir.file, { k: 'call', site: i })) {
        if (model.t !== 'ext') continue;
        const spec = specs.find((s) => s.module === model.module && s.models.some((path) => isPatternValue(model, { module: s.module, path })));
        if (spec) for (const schema of schemasOf(ev, model, spec)) addTo(models, valueKey(schema), model);
      }
    });
  }
  return { functions, models, literals };
}
