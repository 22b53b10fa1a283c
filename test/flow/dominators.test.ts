// Dominance and reachability over the flow graphs of the flow fixtures, plus a brute-force check of
// computeDominators against the definition on every fixture graph.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpFlow } from '../../src/debug/flow-dump.js';
import { computeDominators, dominates, reaches } from '../../src/flow/dominators.js';
import { infeasibleBranches } from '../../src/flow/infeasible.js';
import type { FileIR, FlowNode, FunctionIR } from '../../src/model/ir.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { functionsNamed, splitFixture } from '../helpers/flow.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/flow');

interface Graph {
  ir: FileIR;
  fn: FunctionIR;
  /** Node ids whose dump text (`kind detail`) equals the label, e.g. `call charge()`, `assume !user`. */
  nodes(label: string): number[];
  node(label: string): number;
}

function graphOf(ir: FileIR, fn: FunctionIR): Graph {
  const labels = dumpFlow(ir, fn)
    .split('\n')
    .slice(1)
    .map((line) => /^\s+\d+ (.+?) @\d+ ->/.exec(line)![1]!);
  const nodes = (label: string) => labels.flatMap((l, i) => (l === label ? [i] : []));
  return {
    ir,
    fn,
    nodes,
    node(label) {
      const found = nodes(label);
      if (found.length !== 1) throw new Error(`expected one node "${label}", found ${found.length}:\n${dumpFlow(ir, fn)}`);
      return found[0]!;
    },
  };
}

function fixture(name: string): Graph {
  const source = fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8');
  const ir = parseFile(`${name}.ts`, source);
  const fn = functionsNamed(ir, splitFixture(source)!.name)[0]!;
  return graphOf(ir, fn);
}

function inline(source: string, name: string): Graph {
  const ir = parseFile('inline.ts', source);
  const fn = functionsNamed(ir, name)[0];
  if (!fn) throw new Error(`no function ${name}`);
  return graphOf(ir, fn);
}

function dom(g: Graph, a: string, b: string, terminal?: (i: number) => boolean): boolean {
  return dominates(computeDominators(g.fn.nodes, terminal), g.node(a), g.node(b));
}

/** a dominates b iff b is unreachable from the entry once a is removed (and b is reachable at all). */
function bruteDominates(nodes: FlowNode[], a: number, b: number): boolean {
  const reachableWithout = (removed: number) => {
    const seen = new Uint8Array(nodes.length);
    const stack = removed === 0 ? [] : [0];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen[x]) continue;
      seen[x] = 1;
      for (const s of [...nodes[x]!.next, ...nodes[x]!.exc]) if (s !== removed && !seen[s]) stack.push(s);
    }
    return seen;
  };
  const all = reachableWithout(-1);
  if (!all[a] || !all[b]) return false;
  if (a === b) return true;
  return !reachableWithout(a)[b];
}

describe('dominators on flow fixtures', () => {
  it('a call after `if (!x) return` is dominated by the truthy assume, not the falsy one', () => {
    const g = fixture('if-early-return');
    expect(dom(g, 'assume user', 'call charge()')).toBe(true);
    expect(dom(g, 'assume !user', 'call charge()')).toBe(false);
    expect(dom(g, 'assume !user', 'return null')).toBe(true);
  });

  it('a call after `if (!x) throw` is dominated by the assume node', () => {
    const g = fixture('class-method');
    expect(dom(g, 'assume id', 'call this.pay.create()')).toBe(true);
    expect(dom(g, 'call new Error()', 'call this.pay.create()')).toBe(false);
    // The throw leaves through the throw exit, never the normal one.
    expect(reaches(g.fn.nodes, g.node('throw'), 1)).toBe(false);
    expect(reaches(g.fn.nodes, g.node('throw'), 2)).toBe(true);
  });

  it('a throw inside try reaches the catch; the code after the guard is dominated by it', () => {
    const g = fixture('throw-in-try');
    expect(dom(g, 'assume input.ok', 'call accept()')).toBe(true);
    expect(dom(g, 'assume input.ok', 'call reject()')).toBe(false);
    expect(reaches(g.fn.nodes, g.node('throw'), g.node('call reject()'))).toBe(true);
    expect(dom(g, 'call accept()', 'call done()')).toBe(false);
  });

  it('a call in the catch is not dominated by a write in the try', () => {
    const g = fixture('try-catch');
    expect(dom(g, 'call db.write()', 'call report()')).toBe(false);
    expect(dom(g, 'call db.write()', 'call notify()')).toBe(true);
    expect(dom(g, 'call db.write()', 'call done()')).toBe(false);
    // The write may have been made and the next call failed: the catch is reachable from the write.
    expect(reaches(g.fn.nodes, g.node('call db.write()'), g.node('call report()'))).toBe(true);
    expect(reaches(g.fn.nodes, g.node('call notify()'), g.node('call report()'))).toBe(false);
  });

  it('finally copies: the return-path copy follows the try, the exceptional copy does not', () => {
    const g = fixture('try-catch-finally-return');
    const closes = g.nodes('call db.close()');
    expect(closes).toHaveLength(4);
    const d = computeDominators(g.fn.nodes);
    const create = g.node('call db.create()');
    const start = g.node('call pay.start()');
    expect(dominates(d, create, start)).toBe(true);
    expect(dominates(d, g.node('assume booking'), start)).toBe(true);
    const afterStart = closes.filter((c) => dominates(d, start, c));
    expect(afterStart).toHaveLength(1);
    expect(g.fn.nodes[afterStart[0]!]!.next).toEqual([1]);
    const toThrowExit = closes.filter((c) => g.fn.nodes[c]!.next.includes(2));
    expect(toThrowExit).toHaveLength(1);
    expect(dominates(d, create, toThrowExit[0]!)).toBe(false);
    expect(dominates(d, create, g.node('call fallback()'))).toBe(false);
  });

  it('try/finally: the code after it is dominated by the try body, the exceptional copy is not', () => {
    const g = fixture('try-finally');
    const [normal, exceptional] = g.nodes('call lock.release()');
    const d = computeDominators(g.fn.nodes);
    expect(dominates(d, g.node('call work()'), g.node('call after()'))).toBe(true);
    expect(dominates(d, g.node('call work()'), normal!)).toBe(true);
    expect(dominates(d, g.node('call work()'), exceptional!)).toBe(false);
    expect(dominates(d, g.node('call lock.acquire()'), exceptional!)).toBe(true);
  });

  it('branches: neither arm dominates the join', () => {
    const g = fixture('if-else');
    expect(dom(g, 'call a()', 'call c()')).toBe(false);
    expect(dom(g, 'call b()', 'call c()')).toBe(false);
    expect(dom(g, 'join', 'call c()')).toBe(true);
    expect(dom(g, 'entry', 'call c()')).toBe(true);
  });

  it('switch: fallthrough and default', () => {
    const g = fixture('switch-fallthrough-default');
    expect(dom(g, 'call b()', 'call after()')).toBe(false);
    expect(dom(g, 'call d()', 'call c()')).toBe(false);
    expect(reaches(g.fn.nodes, g.node('call a()'), g.node('call b()'))).toBe(true);
    expect(reaches(g.fn.nodes, g.node('call d()'), g.node('call c()'))).toBe(true);
    expect(reaches(g.fn.nodes, g.node('call b()'), g.node('call c()'))).toBe(false);
  });

  it('loops: the body does not dominate the code after the loop', () => {
    const w = fixture('while-break-continue');
    expect(dom(w, 'call queue.pop()', 'call handle()')).toBe(true);
    expect(dom(w, 'call queue.pop()', 'call finish()')).toBe(false);
    const d = fixture('do-while-continue');
    expect(dom(d, 'call job.run()', 'call job.close()')).toBe(false);
    expect(dom(d, 'call job.again()', 'call job.close()')).toBe(true);
    const l = fixture('labeled-loops');
    expect(dom(l, 'call check()', 'call done()')).toBe(false);
    expect(reaches(l.fn.nodes, l.node('assume cell.hit'), l.node('call nextRow()'))).toBe(false);
  });

  it('a loop over a list found non-empty runs its body: the zero-iteration branch is infeasible', () => {
    const g = inline(
      'async function f(xs: any[]) {\n  if (xs.length === 0) return;\n  for (const x of xs) await write(x);\n  await pay();\n}\n',
      'f',
    );
    const dead = infeasibleBranches(g.ir, g.fn);
    expect([...dead]).toEqual([g.nodes('assume xs.length == 0')[1]]);
    expect(dom(g, 'call write()', 'call pay()', (i) => dead.has(i))).toBe(true);
    expect(dom(g, 'call write()', 'call pay()')).toBe(false);
  });

  it('a repeated test of a binding assigned once contradicts the earlier one; of a reassigned or shrunk one, not', () => {
    const once = inline('function f(b: any) {\n  if (!b) return;\n  if (!b) lost();\n  if (b === 1) one();\n  if (b === 2) two();\n}\n', 'f');
    const onceDead = [...infeasibleBranches(once.ir, once.fn)].map((i) => once.fn.nodes[i]!);
    // `!b` again is dead; `b === 2` after `b === 1`'s else branch is not (b may be 2), but
    // nothing dominates the `== 2` branch with `== 1`, so only the repeated test goes.
    expect(onceDead.map((n) => [n.truthy, n.expr?.k])).toEqual([[false, 'ref']]);
    const reassigned = inline('function f(b: any) {\n  if (!b) return;\n  b = next();\n  if (!b) lost();\n}\n', 'f');
    expect(infeasibleBranches(reassigned.ir, reassigned.fn).size).toBe(0);
    const assignedLater = inline('function f() {\n  let b;\n  if (b) return;\n  b = load();\n  if (b) found();\n}\n', 'f');
    expect(infeasibleBranches(assignedLater.ir, assignedLater.fn).size).toBe(0);
    const shrunk = inline('async function f(xs: any[]) {\n  if (!xs.length) return;\n  xs.splice(0);\n  for (const x of xs) await write(x);\n}\n', 'f');
    expect(infeasibleBranches(shrunk.ir, shrunk.fn).size).toBe(0);
  });

  it('`x > 0` claims x is not zero, but `x <= 0` does not claim it is (x may be negative)', () => {
    const g = inline('function f(x: number) {\n  if (x > 0) return;\n  if (x === 0) free();\n  else refund();\n}\n', 'f');
    // Past `x > 0` failing, x may be zero or negative: neither branch of `x === 0` is ruled out.
    expect(infeasibleBranches(g.ir, g.fn).size).toBe(0);
    const positive = inline('function f(x: number) {\n  if (!(x > 0)) return;\n  if (x === 0) free();\n}\n', 'f');
    const dead = [...infeasibleBranches(positive.ir, positive.fn)].map((i) => positive.fn.nodes[i]!);
    expect(dead.map((n) => [n.compare?.literal, n.compare?.equal])).toEqual([[0, true]]);
  });

  it('unreachable nodes dominate nothing and are dominated by nothing', () => {
    const g = inline('function f(a: any) {\n  return a.x();\n  dead();\n}\n', 'f');
    const d = computeDominators(g.fn.nodes);
    const dead = g.node('call dead()');
    expect(d.reachable[dead]).toBe(0);
    expect(dominates(d, 0, dead)).toBe(false);
    expect(dominates(d, dead, dead)).toBe(false);
    expect(d.idom[0]).toBe(-1);
  });

  it('a terminal call (never returns) cuts its normal successors', () => {
    const g = inline('function f(x: any) {\n  if (!x) abort();\n  pay();\n}\n', 'f');
    const abort = g.node('call abort()');
    expect(dom(g, 'assume x', 'call pay()')).toBe(false);
    expect(dom(g, 'assume x', 'call pay()', (i) => i === abort)).toBe(true);
    expect(reaches(g.fn.nodes, abort, g.node('call pay()'))).toBe(true);
    expect(reaches(g.fn.nodes, abort, g.node('call pay()'), (i) => i === abort)).toBe(false);
  });

  it('a terminal call keeps its exceptional successors', () => {
    const src = 'function f() {\n  try {\n    stop();\n    more();\n  } catch {\n    handled();\n  }\n}\n';
    const g = inline(src, 'f');
    const stop = g.node('call stop()');
    const terminal = (i: number) => i === stop;
    const d = computeDominators(g.fn.nodes, terminal);
    expect(d.reachable[g.node('call more()')]).toBe(0);
    // more()'s handler edge sits on the node before it (stop) and must survive the cut.
    expect(reaches(g.fn.nodes, stop, g.node('call handled()'), terminal)).toBe(true);
    expect(reaches(g.fn.nodes, stop, g.node('call more()'), terminal)).toBe(false);
    expect(d.reachable[g.node('call handled()')]).toBe(1);
  });

  it('the right side of a logical assignment is conditional, like the binary operator', () => {
    const g = inline('async function f(c: any) {\n  c.booking ||= await create();\n  c.other &&= refresh();\n  pay();\n}\n', 'f');
    expect(dom(g, 'call create()', 'call pay()')).toBe(false);
    expect(dom(g, 'call refresh()', 'call pay()')).toBe(false);
  });

  it('computeDominators agrees with the definition on every fixture graph', () => {
    let checked = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const ir = parseFile(file, fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const fn of ir.functions) {
        const d = computeDominators(fn.nodes);
        for (let a = 0; a < fn.nodes.length; a++) {
          for (let b = 0; b < fn.nodes.length; b++) {
            const expected = bruteDominates(fn.nodes, a, b);
            if (dominates(d, a, b) !== expected) throw new Error(`${file} ${fn.name}: dominates(${a}, ${b}) should be ${expected}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
