// What a framework makes of a module it loads itself: its default export (ESM or CommonJS), or,
// when the framework calls that export once to build it, what the call returns.
import type { FrameworkRecognizer } from '../recognizers/define.js';
import { fnKey, isUnknown, type Value } from '../model/values.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { globMatcher } from '../util/glob.js';

/** A module's default export, ESM or CommonJS. */
export function defaultExport(ev: Evaluator, file: string, depth: number): Value[] {
  const esm = ev.ir(file)?.exports.some((x) => x.kind !== 'star' && x.name === 'default');
  return (esm ? ev.exportValue(file, 'default', depth) : ev.moduleValue(file, depth)).filter((v) => !isUnknown(v));
}

/**
 * What a module stands for to its framework: its default export, or what that export returns when
 * it is a factory the framework calls (`moduleFactories`).
 */
export function frameworkModule(ev: Evaluator, frameworks: FrameworkRecognizer[], file: string, depth: number): Value[] {
  const factory = frameworks.some((fw) => (fw.moduleFactories ?? []).some((r) => globMatcher(r.files).test(file) || globMatcher(r.files).test(`/${file}`)));
  return defaultExport(ev, file, depth).flatMap((v) => (factory && v.t === 'fn' ? ev.fnReturns(v.file, v.fn, depth) : [v]));
}

const stems = new WeakMap<Evaluator, Map<string, string[]>>();

/** The files of the scan whose path without extension is `stem`, below any folder (`src/api/booking/services/payment`). */
export function filesAtStem(ev: Evaluator, stem: string): string[] {
  let byStem = stems.get(ev);
  if (!byStem) {
    byStem = new Map();
    for (const f of ev.files.keys()) {
      const own = f.replace(/\.[^/.]+$/, '');
      byStem.set(own, [...(byStem.get(own) ?? []), f]);
    }
    stems.set(ev, byStem);
  }
  const wanted = stem.replace(/\/+/g, '/');
  return [...byStem].filter(([own]) => own === wanted || own.endsWith(`/${wanted}`)).flatMap(([, files]) => files);
}

/** A rule's template with a key's groups filled in (`src/api/$1/services/$2`). */
export function fillGroups(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\d)/g, (_, i: string) => match[Number(i)] ?? '');
}

/** The functions a method of these classes names (`[BookingsController, 'store']`, `'BookingsController.store'`). */
export function methodKeys(ev: Evaluator, classes: Value[], name: string): string[] {
  return classes
    .flatMap((c) => (c.t === 'class' ? ev.classMember(c.file, c.cls, name, false, 0) : []))
    .filter((v): v is Extract<Value, { t: 'fn' }> => v.t === 'fn')
    .map((v) => fnKey(v));
}
