// Resolved values: what a symbolic Expr denotes once imports, exports, classes and factories are
// followed across files. Ext values keep the path taken from a package's root, so recognizers can
// match `stripe: new().paymentIntents.create.()` however the client reached the call.

export interface Step {
  /** A property name, '()' for a call, 'new()' for construction, '[]' for an element. */
  p: string;
  /** For call steps: the site, so arguments can be read (entity names, payloads). */
  file?: string;
  site?: number;
}

export type Value =
  | { t: 'ext'; module: string; steps: Step[]; typeArgs?: string[] }
  | { t: 'global'; steps: Step[] } // steps[0] is the global's name
  | { t: 'fn'; file: string; fn: number }
  | { t: 'class'; file: string; cls: number }
  | { t: 'inst'; file: string; cls: number }
  | { t: 'obj'; file: string; pos: number; props: import('./ir.js').ObjProp[]; shape?: true }
  | { t: 'ns'; file: string }
  | { t: 'lit'; value: string | number | boolean | null }
  | { t: 'param'; file: string; fn: number; index: number; steps: Step[] }
  // An object a framework fills (tRPC's `{ ctx }`); `of` is the handler parameter holding it, whose other members are request input.
  | { t: 'fields'; fields: Record<string, Value[]>; of?: { file: string; fn: number; index: number } }
  // What a module the scan cannot resolve exports, with the steps taken from it: nothing is known
  // about it (no recognizer matches it, it counts as unknown), but a call's result keeps its site.
  | { t: 'opaque'; specifier: string; steps: Step[] }
  | { t: 'unknown' };

/** A value nothing is known about: unknown, or from a module the scan cannot resolve. */
export function isUnknown(v: Value): boolean {
  return v.t === 'unknown' || v.t === 'opaque';
}

/** A value reached by steps from a root (a module, a global, a parameter, an unresolved import): the steps keep each call's site. */
export function hasSteps(v: Value): v is Extract<Value, { steps: Step[] }> {
  return v.t === 'ext' || v.t === 'global' || v.t === 'param' || v.t === 'opaque';
}

/** What a member's value was read on: `stripe.checkout.sessions` for `stripe.checkout.sessions.create`. */
export function receiverOf<V extends Extract<Value, { steps: Step[] }>>(v: V): V {
  return { ...v, steps: v.steps.slice(0, -1) };
}

export interface FnRef {
  file: string;
  fn: number;
}

export function fnKey(r: FnRef): string {
  return `${r.file}#${r.fn}`;
}

export function stepsText(steps: Step[]): string {
  return steps.map((s) => s.p).join('.');
}
