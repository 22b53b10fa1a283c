import { parseSync } from 'oxc-parser';
const n = +process.argv[2];
const kind = process.argv[3];
const src = kind === 'ltjs' ? 'export const v = (a) =>\n  ' + Array.from({ length: n }, (_, i) => `a.p${i}`).join(' <\n  ') + ';\n' : kind === 'lt' ? 'export const v = (a: any) =>\n  ' + Array.from({ length: n }, (_, i) => `a.p${i}`).join(' <\n  ') + ';\n'
  : kind === 'gt' ? 'export const v = (a: any) =>\n  ' + Array.from({ length: n }, (_, i) => `a.p${i}`).join(' >\n  ') + ';\n'
  : kind === 'ltid' ? 'export const v = (a: any) =>\n  ' + Array.from({ length: n }, (_, i) => `p${i}`).join(' < ') + ';\n'
  : 'type T = ' + 'A<'.repeat(n) + 'x' + '>'.repeat(n) + ';';
const t = performance.now();
const r = parseSync(process.argv[4] ?? 'a.ts', src);
console.log(n, kind, Math.round(performance.now() - t), 'ms', r.errors.length);
