// What a framework hands handlers by name (engine/context-values.ts), and what only looks like it:
// a Map's `set`, a function that fills in its first parameter, a middleware in a scan without the framework.
import { describe, expect, it } from 'vitest';
import { describeExpr } from '../../src/debug/flow-dump.js';
import { contextValues } from '../../src/engine/context-values.js';
import { boundThis } from '../../src/engine/wiring.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';
import { Matcher } from '../../src/recognizers/match.js';
import { load, makeProject, show } from '../helpers/project.js';

/** The values of the callee of the call written `text` in `file`, with the frameworks' context values known. */
function calleeValues(files: Record<string, string>, file: string, text: string): string[] {
  const l = load(makeProject(files));
  l.ev.contextValues = contextValues(l.ev, RECOGNIZERS.filter((r) => r.kind === 'framework'));
  l.ev.thisSource = boundThis(l.ev, new Matcher(RECOGNIZERS));
  const ir = l.files.get(file)!;
  const site = ir.sites.find((_, i) => describeExpr(ir, { k: 'call', site: i }) === text);
  if (!site) throw new Error(`${file} has no call ${text}: ${ir.sites.map((_, i) => describeExpr(ir, { k: 'call', site: i })).join(', ')}`);
  return l.ev.values(file, site.callee).map((v) => show(l.ev, v));
}

const manifest = JSON.stringify({ name: 'desk', dependencies: { express: '^4.19.0', pg: '^8.11.0' } });
const pool = "const { Pool } = require('pg');\nmodule.exports = new Pool();\n";
const route = [
  "const express = require('express');",
  'const router = express.Router();',
  "router.post('/bookings', async (req, res) => { await req.db.query('INSERT INTO bookings (email) VALUES ($1)', [req.body.email]); res.end(); });",
  "router.post('/rooms', async (req, res) => { await req.app.get('db').query('INSERT INTO bookings (email) VALUES ($1)', [req.body.email]); res.end(); });",
  'module.exports = router;',
  '',
].join('\n');

describe('context values: Express', () => {
  it("follows a middleware's req.db = pool to a handler's req.db, not a function that fills in its first parameter", () => {
    const middleware = "const pool = require('./pool');\nmodule.exports = (req, res, next) => { req.db = pool; next(); };\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'attach.js': middleware, 'routes.js': route }, 'routes.js', 'req.db.query()')).toContain('pg Pool.new().query');
    // Three parameters, but the last is never called: no middleware.
    const filler = "const pool = require('./pool');\nmodule.exports = (req, res, options) => { req.db = pool; return options; };\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'attach.js': filler, 'routes.js': route }, 'routes.js', 'req.db.query()')).not.toContain('pg Pool.new().query');
  });

  it('does not follow what the middleware computes per request', () => {
    const perRequest = "const { Pool } = require('pg');\nmodule.exports = (req, res, next) => { const fresh = new Pool(); req.db = fresh; next(); };\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'attach.js': perRequest, 'routes.js': route }, 'routes.js', 'req.db.query()')).not.toContain('pg Pool.new().query');
  });

  it('needs the framework somewhere in the scan', () => {
    const middleware = "const pool = require('./pool');\nmodule.exports = (req, res, next) => { req.db = pool; next(); };\n";
    const handler = "module.exports = async (req, res) => { await req.db.query('SELECT 1'); };\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'attach.js': middleware, 'handler.js': handler }, 'handler.js', 'req.db.query()')).not.toContain('pg Pool.new().query');
  });

  it("follows app.set('db', pool) on an express app to req.app.get('db'), not a Map's set", () => {
    const app = "const express = require('express');\nconst pool = require('./pool');\nconst app = express();\napp.set('db', pool);\napp.use(require('./routes'));\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'app.js': app, 'routes.js': route }, 'routes.js', 'req.app.get().query()')).toContain('pg Pool.new().query');
    const cache = "const express = require('express');\nconst pool = require('./pool');\nconst settings = new Map();\nsettings.set('db', pool);\nexpress().use(require('./routes'));\n";
    expect(calleeValues({ 'package.json': manifest, 'pool.js': pool, 'app.js': cache, 'routes.js': route }, 'routes.js', 'req.app.get().query()')).not.toContain('pg Pool.new().query');
  });
});

describe('context values: hapi', () => {
  const hapiManifest = JSON.stringify({ name: 'desk', dependencies: { '@hapi/hapi': '^21.3.0', pg: '^8.11.0' } });
  const handler = "exports.book = async (request, h) => { await request.server.app.db.query('SELECT 1'); await request.db.query('SELECT 2'); return h.response(); };\n";
  const server = (plugin: string) =>
    `const Hapi = require('@hapi/hapi');\nconst pool = require('./pool');\nconst { book } = require('./handler');\nconst init = async () => {\n  const server = Hapi.server();\n  ${plugin}\n  server.route({ method: 'POST', path: '/b', handler: book });\n};\ninit();\n`;
  const project = (plugin: string) => ({ 'package.json': hapiManifest, 'pool.js': pool, 'handler.js': handler, 'server.js': server(plugin) });

  it("follows the server's app and its request decorations, not another object's app nor a decoration of the toolkit", () => {
    expect(calleeValues(project('server.app.db = pool;'), 'handler.js', 'request.server.app.db.query()')).toContain('pg Pool.new().query');
    expect(calleeValues(project('const settings = { app: {} };\n  settings.app.db = pool;'), 'handler.js', 'request.server.app.db.query()')).not.toContain('pg Pool.new().query');
    expect(calleeValues(project("server.decorate('request', 'db', pool);"), 'handler.js', 'request.db.query()')).toContain('pg Pool.new().query');
    expect(calleeValues(project("server.decorate('toolkit', 'db', pool);"), 'handler.js', 'request.db.query()')).not.toContain('pg Pool.new().query');
  });
});

describe('context values: Elysia', () => {
  const elysiaManifest = JSON.stringify({ name: 'desk', dependencies: { elysia: '^1.1.0', pg: '^8.11.0' } });
  const routes = [
    "import { Elysia } from 'elysia';",
    "import { clients } from './clients';",
    "export const routes = new Elysia().use(clients).post('/b', async ({ store, db }) => { await store.db.query('SELECT 1'); await db.query('SELECT 2'); });",
    '',
  ].join('\n');
  const project = (clients: string) => ({ 'package.json': elysiaManifest, 'pool.js': pool, 'routes.ts': routes, 'clients.ts': `import { Elysia } from 'elysia';\nimport pool from './pool';\n${clients}\n` });

  it("follows an app's state and derive, not a factory's state nor another object's resolve", () => {
    expect(calleeValues(project("export const clients = new Elysia().state('db', pool);"), 'routes.ts', 'store.db.query()')).toContain('pg Pool.new().query');
    expect(calleeValues(project("const factory = { state: (name, value) => factory };\nfactory.state('db', pool);\nexport const clients = new Elysia();"), 'routes.ts', 'store.db.query()')).not.toContain('pg Pool.new().query');
    expect(calleeValues(project('export const clients = new Elysia().derive(() => ({ db: pool }));'), 'routes.ts', 'db.query()')).toContain('pg Pool.new().query');
    expect(calleeValues(project('const loader = { resolve: (fn) => fn };\nloader.resolve(() => ({ db: pool }));\nexport const clients = new Elysia();'), 'routes.ts', 'db.query()')).not.toContain('pg Pool.new().query');
  });
});

describe('context values: Fastify', () => {
  const fastifyManifest = JSON.stringify({ name: 'desk', dependencies: { fastify: '^4.28.0', pg: '^8.11.0' } });
  const server = [
    "const Fastify = require('fastify');",
    "const pool = require('./pool');",
    'const app = Fastify();',
    "app.decorate('db', pool);",
    "app.post('/b', async function book(request, reply) { await this.db.query('SELECT 1'); });",
    "['x'].forEach(function each() { this.db.end(); });",
    '',
  ].join('\n');

  it("follows this.db in a route's function handler, bound to the instance, not in any other function", () => {
    const files = { 'package.json': fastifyManifest, 'pool.js': pool, 'server.js': server };
    expect(calleeValues(files, 'server.js', 'this.db.query()')).toContain('pg Pool.new().query');
    expect(calleeValues(files, 'server.js', 'this.db.end()')).not.toContain('pg Pool.new().end');
  });
});
