// Folders a framework's config moves: Remix's `appDirectory: 'src'` puts what the conventions call
// `app/` (its `routes/`, its `root.tsx`) in `src/`. Read statically from the config, never run.
import { posix } from 'node:path';
import type { Expr, FileIR } from '../model/ir.js';
import type { FrameworkRecognizer } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { globMatcher } from '../util/glob.js';

/** A moved folder: `real` holds what the framework's conventions look for in `conventional`. */
interface MovedFolder {
  framework: string;
  real: string;
  conventional: string;
}

const built = new WeakMap<Evaluator, AppFolders>();

/** The folders the configs move, read once per analysis (its evaluator) for every stage that asks. */
export function appFolders(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): AppFolders {
  let found = built.get(ev);
  if (!found) built.set(ev, (found = new AppFolders(ev, files, frameworks)));
  return found;
}

export class AppFolders {
  private readonly moved: MovedFolder[];

  constructor(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]) {
    this.moved = [];
    for (const fw of frameworks) {
      if (!fw.appFolder) continue;
      const isConfig = globMatcher(fw.appFolder.configs);
      for (const ir of files) {
        if (!isConfig.test(ir.file)) continue;
        const named = optionIn(ev, ir, fw.appFolder.key);
        const dir = posix.dirname(ir.file);
        const real = named === null ? null : posix.join(dir, named);
        const conventional = posix.join(dir, fw.appFolder.folder);
        if (real !== null && real !== conventional && !real.startsWith('..')) this.moved.push({ framework: fw.id, real, conventional });
      }
    }
  }

  /** The path a file has for a framework's conventions: `src/routes/book.tsx` is `app/routes/book.tsx` under `appDirectory: 'src'`. */
  conventionalPath(framework: string, file: string): string {
    const m = this.moved.find((f) => f.framework === framework && file.startsWith(`${f.real}/`));
    return m ? `${m.conventional}${file.slice(m.real.length)}` : file;
  }

  /** The folder a framework's conventional one is moved to (`app` -> `src`), or itself. */
  realFolder(framework: string, folder: string): string {
    return this.moved.find((f) => f.framework === framework && f.conventional === folder)?.real ?? folder;
  }
}

/** The text of a key of an object the config hands a call or exports: `remix({ appDirectory: 'src' })`, `module.exports = { appDirectory }`. */
function optionIn(ev: Evaluator, ir: FileIR, key: string): string | null {
  // `module.exports = { appDirectory: 'src' }` may be filed as an export of each key.
  const exported = ir.exports.find((x) => x.kind === 'local' && x.name === key);
  const direct = exported?.kind === 'local' ? staticText(ir, exported.value, 0, ev.follow) : null;
  if (direct !== null) return direct.replace(/^\.\//, '').replace(/\/$/, '');
  const exprs: Expr[] = [...ir.sites.flatMap((s) => s.args), ...ir.exports.flatMap((x) => (x.kind === 'local' ? [x.value] : []))];
  for (const e of exprs) {
    for (const v of ev.values(ir.file, e)) {
      const prop = v.t === 'obj' ? v.props.find((p) => p.key === key) : undefined;
      const at = prop && v.t === 'obj' ? ev.ir(v.file) : undefined;
      const text = prop && at ? staticText(at, prop.value, 0, ev.follow) : null;
      if (text !== null) return text.replace(/^\.\//, '').replace(/\/$/, '');
    }
  }
  return null;
}
