// Handlers named by deployment descriptors: AWS SAM `template.yaml` (CodeUri + Handler) and the
// Serverless Framework's `serverless.yml` (`handler: path/file.export`). Read as text, line by line:
// nothing is evaluated, and intrinsic functions (`!Sub`, `${self:...}`) are left alone.

export interface DeclaredHandler {
  /** Root-relative path of the handler's module, without extension. */
  stem: string;
  export: string;
  /** The descriptor that declares it, root-relative. */
  descriptor: string;
  /** Route or event the descriptor wires to it, when it says (`POST /rooms/{roomId}/book`). */
  route: string | null;
}

const SAM = /^template\.ya?ml$/;
const SERVERLESS = /^serverless\.ya?ml$/;

export function isDeploymentDescriptor(name: string): boolean {
  return SAM.test(name) || SERVERLESS.test(name);
}

export function declaredHandlers(descriptor: string, text: string): DeclaredHandler[] {
  const dir = descriptor.includes('/') ? descriptor.slice(0, descriptor.lastIndexOf('/')) : '';
  const name = descriptor.slice(descriptor.lastIndexOf('/') + 1);
  return SAM.test(name) ? samHandlers(descriptor, dir, text) : serverlessHandlers(descriptor, dir, text);
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/').replace(/\/+/g, '/').replace(/(^|\/)\.\//g, '$1').replace(/\/$/, '');
}

function scalar(line: string, key: string): string | null {
  const m = new RegExp(`^\\s*${key}:\\s*['"]?([^'"#\\s]+)['"]?\\s*(?:#.*)?$`).exec(line);
  return m ? m[1]! : null;
}

/** Resources with `Properties: { CodeUri, Handler }`; a Globals CodeUri applies where a function has none. */
function samHandlers(descriptor: string, dir: string, text: string): DeclaredHandler[] {
  const out: DeclaredHandler[] = [];
  const lines = text.split(/\r?\n/);
  let globalCodeUri = '';
  let codeUri: string | null = null;
  let handler: string | null = null;
  let path: string | null = null;
  let method: string | null = null;
  const flush = () => {
    if (handler) {
      const dot = handler.lastIndexOf('.');
      if (dot > 0) {
        out.push({
          stem: join(dir, codeUri ?? globalCodeUri, handler.slice(0, dot)), export: handler.slice(dot + 1), descriptor,
          route: path ? `${(method ?? '').toUpperCase()} ${path}`.trim() : null,
        });
      }
    }
    codeUri = handler = path = method = null;
  };
  let inResources = false;
  for (const line of lines) {
    if (/^\S/.test(line)) {
      flush();
      inResources = /^Resources:/.test(line);
    } else if (inResources && /^ {2}\S[^:]*:\s*$/.test(line)) flush(); // a new resource
    const uri = scalar(line, 'CodeUri');
    if (uri && !inResources) globalCodeUri = uri;
    else if (uri) codeUri = uri;
    handler = scalar(line, 'Handler') ?? handler;
    path = scalar(line, 'Path') ?? path;
    method = scalar(line, 'Method') ?? method;
  }
  flush();
  return out;
}

/** `functions: { name: { handler: src/handlers/book.main, events: [{ http: { path, method } }] } }`. */
function serverlessHandlers(descriptor: string, dir: string, text: string): DeclaredHandler[] {
  const out: DeclaredHandler[] = [];
  let route: string | null = null;
  let last: DeclaredHandler | null = null;
  for (const line of text.split(/\r?\n/)) {
    const h = scalar(line, 'handler');
    if (h) {
      const dot = h.lastIndexOf('.');
      if (dot > 0) {
        last = { stem: join(dir, h.slice(0, dot)), export: h.slice(dot + 1), descriptor, route: null };
        out.push(last);
      }
      continue;
    }
    const p = scalar(line, 'path');
    if (p) route = p;
    const m = scalar(line, 'method');
    if (last && m && route) last.route = `${m.toUpperCase()} /${route.replace(/^\//, '')}`;
  }
  return out;
}
