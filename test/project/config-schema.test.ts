// The JSON Schema that ships with the package (schema/bookfirst.config.schema.json) and the runtime
// validation agree: every example config (docs/config.md, fixtures) passes both, and each broken
// config below fails both.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/project/config.js';

const repo = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schema/bookfirst.config.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Every ```json block of docs/config.md that is a config (an object). */
function docExamples(): [string, unknown][] {
  const text = fs.readFileSync(path.join(repo, 'docs/config.md'), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m, i): [string, unknown] => [`docs/config.md example ${i + 1}`, JSON.parse(m[1]!)]);
}

function fixtureConfigs(): [string, unknown][] {
  const out: [string, unknown][] = [];
  const fixtures = path.join(repo, 'fixtures');
  for (const check of fs.readdirSync(fixtures)) {
    const dir = path.join(fixtures, check);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) {
      for (const file of ['bookfirst.config.json', '.bookfirst.json']) {
        const p = path.join(dir, name, file);
        if (fs.existsSync(p)) out.push([`fixtures/${check}/${name}/${file}`, JSON.parse(fs.readFileSync(p, 'utf8'))]);
      }
    }
  }
  return out;
}

const BROKEN: [string, unknown][] = [
  ['an unknown key', { exlude: ['dist/**'] }],
  ['a list given as a string', { exclude: 'dist/**' }],
  ['a glob that leaves the root', { include: ['../shared/**'] }],
  ['an absolute glob', { exclude: ['/tmp/**'] }],
  ['a payment without its call', { payments: [{ module: '@acme/pay' }] }],
  ['a payment with an unknown field', { payments: [{ module: '@acme/pay', call: 'charge', provder: 'stripe' }] }],
  ['a bad call path', { payments: [{ module: '@acme/pay', call: 'charge()x' }] }],
  ['a bad module name', { bookingWrites: [{ module: 'not a package', call: 'insert' }] }],
  ['an unknown role', { payments: [{ module: '@acme/pay', call: 'charge', role: 'pay' }] }],
  ['an unknown record place', { bookingWrites: [{ module: '@acme/db', call: 'insert', record: 'arg2' }] }],
  ['an entity name with spaces', { entities: ['Room Booking'] }],
  ['an entity object without a name', { entities: [{ table: 'tbl_res' }] }],
  ['entries without files', { entries: [{ exports: ['handler'] }] }],
  ['entries with empty exports', { entries: [{ files: 'src/*.ts', exports: [] }] }],
  ['a check severity that does not exist', { checks: { 'confirmation-record': 'urgent' } }],
  ['a check object with an unknown key', { checks: { 'confirmation-record': { level: 'low' } } }],
  ['includeTests as a string', { includeTests: 'yes' }],
  ['failOn that is not a severity', { failOn: 'error' }],
  ['an array instead of an object', [{ exclude: [] }]],
];

describe('the config JSON Schema', () => {
  it('is a valid draft-07 schema that compiles in strict mode', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(typeof validate).toBe('function');
  });

  const examples = [...docExamples(), ...fixtureConfigs()];
  it('has examples to check: the docs page and the fixtures', () => {
    expect(docExamples().length).toBeGreaterThanOrEqual(3);
    expect(fixtureConfigs().length).toBeGreaterThanOrEqual(4);
  });

  for (const [name, config] of examples) {
    it(`accepts ${name}, and so does the runtime validation`, () => {
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
      expect(validateConfig(config).problems).toEqual([]);
    });
  }

  for (const [name, config] of BROKEN) {
    it(`rejects ${name}, and so does the runtime validation`, () => {
      expect(validate(config)).toBe(false);
      expect(validateConfig(config).problems.length).toBeGreaterThan(0);
    });
  }

  it('leaves which check and provider ids exist to the runtime validation (the schema cannot know later ones)', () => {
    const unknownIds = { checks: { 'no-such-check': 'off' }, payments: [{ module: '@acme/pay', call: 'charge', provider: 'acmepay' }] };
    expect(validate(unknownIds)).toBe(true);
    expect(validateConfig(unknownIds).problems.map((p) => p.path)).toEqual(['payments[0].provider', 'checks.no-such-check']);
  });

  it('ships with the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(manifest.files).toContain('schema');
    expect(manifest.exports['./schema/bookfirst.config.schema.json']).toBe('./schema/bookfirst.config.schema.json');
  });
});
