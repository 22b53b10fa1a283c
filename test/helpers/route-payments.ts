// One Express route of a throwaway app with a Prisma schema: the payment paths confirmation-record
// finds in it, as `line provider api via`. Recognizer tests write the route's body and read these.
import { scan } from '../../src/index.js';
import { makeProject } from './project.js';

export interface RouteApp {
  manifest: string;
  schema: string;
  /** Lines before the route: the requires it uses, the client `db`, the `app`. */
  header: string[];
  /** The route's first lines, inside `app.post(path, async (req, res) => {`. */
  open: string[];
}

export async function routePayments(app: RouteApp, body: string[]): Promise<string[]> {
  const root = makeProject({
    'package.json': app.manifest,
    'prisma/schema.prisma': app.schema,
    'src/server.js': [...app.header, ...app.open, ...body, '});', 'app.listen(3000);'].join('\n'),
  });
  const report = await scan({ root, checks: ['confirmation-record'], threads: 0 });
  return report.checks[0]!.paths.map((p) => `${p.payment.line} ${p.payment.provider} ${p.payment.api} ${p.via}`);
}
