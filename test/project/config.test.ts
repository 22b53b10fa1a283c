// The config file: validation names the file and every bad key path; options (the command line)
// override what the file says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, loadConfig, parseConfig, validateConfig } from '../../src/project/config.js';
import { resolveSettings } from '../../src/project/settings.js';
import { makeProject } from '../helpers/project.js';

function problems(data: unknown): string[] {
  return validateConfig(data).problems.map((p) => `${p.path}: ${p.message}`);
}

describe('validateConfig', () => {
  it('accepts a complete config and fills in defaults', () => {
    const { config, problems: found } = validateConfig({
      $schema: './node_modules/bookfirst/schema/bookfirst.config.schema.json',
      entities: ['Stay', { name: 'Booking', table: 'tbl_res' }],
      payments: [{ module: '@acme/pay', call: 'charge', provider: 'stripe' }, { module: 'acme-pay/server', call: 'Client.new().refunds.create', role: 'refund', referenceFields: ['reference', 'metadata.*'] }],
      bookingWrites: [{ module: '@acme/db', call: 'reservations.insert', entity: 'Reservation' }, { module: '@acme/db', call: '**.holds.put', record: 'arg0' }],
      include: ['./apps/**'],
      exclude: ['apps/legacy/**'],
      includeTests: true,
      entries: [{ files: 'src/handlers/**/*.ts', exports: ['handler', 'default'] }, { files: ['functions/*.js'] }],
      checks: { 'confirmation-record': { severity: 'medium' } },
      failOn: 'high',
    });
    expect(found).toEqual([]);
    expect(config).toEqual({
      ...emptyConfig(),
      entities: [{ name: 'Stay', table: null }, { name: 'Booking', table: 'tbl_res' }],
      payments: [
        { module: '@acme/pay', call: 'charge', provider: 'stripe', role: 'initiation', referenceFields: null },
        { module: 'acme-pay/server', call: 'Client.new().refunds.create', provider: 'custom', role: 'refund', referenceFields: ['reference', 'metadata.*'] },
      ],
      bookingWrites: [
        { module: '@acme/db', call: 'reservations.insert', entity: 'Reservation', record: 'result' },
        { module: '@acme/db', call: '**.holds.put', entity: 'Booking', record: 'arg0' },
      ],
      include: ['apps/**'],
      exclude: ['apps/legacy/**'],
      includeTests: true,
      entries: [{ files: ['src/handlers/**/*.ts'], exports: ['handler', 'default'] }, { files: ['functions/*.js'], exports: ['*'] }],
      checks: { 'confirmation-record': { enabled: true, severity: 'medium' } },
      failOn: 'high',
    });
  });

  it('names unknown keys at every level, with a suggestion for a near miss', () => {
    expect(problems({ exlude: [], payments: [{ module: 'a', call: 'b', provder: 'stripe' }], checks: { 'confirmation-record': { severty: 'low' } } })).toEqual([
      'exlude: unknown key (did you mean "exclude"?) (allowed: $schema, entities, payments, bookingWrites, include, exclude, includeTests, entries, checks, failOn)',
      'payments[0].provder: unknown key (did you mean "provider"?) (allowed: module, call, provider, role, referenceFields)',
      'checks.confirmation-record.severty: unknown key (did you mean "severity"?) (allowed: enabled, severity)',
    ]);
    expect(problems({ colour: true })).toEqual(['colour: unknown key (allowed: $schema, entities, payments, bookingWrites, include, exclude, includeTests, entries, checks, failOn)']);
  });

  it('names wrong types with what was found', () => {
    expect(problems({ entities: 'Booking', exclude: 'dist/**', includeTests: 'yes', failOn: 3, payments: {} })).toEqual([
      'entities: must be an array (got the string "Booking")',
      'payments: must be an array (got an object)',
      'exclude: must be an array of strings (got the string "dist/**")',
      'includeTests: must be true or false (got the string "yes")',
      'failOn: must be a severity: critical, high, medium, low, info (got number 3)',
    ]);
    expect(problems([])).toEqual([': must be a JSON object (got an array)']);
    expect(problems(null)).toEqual([': must be a JSON object (got null)']);
  });

  it('checks payment wrappers and booking writes field by field', () => {
    expect(problems({
      payments: [{ call: 'charge' }, { module: 'Not A Package', call: 'a..b', provider: 'strpie', role: 'pay' }, { module: '@acme/pay', call: 'x', referenceFields: ['metadata.', 3] }],
      bookingWrites: [{ module: '@acme/db' }, { module: '@acme/db', call: 'insert', entity: 'two words', record: 'arg1' }, 'reservations.insert'],
    })).toEqual([
      'payments[0].module: is required',
      'payments[1].module: must be a package name such as \'@acme/pay\' (got "Not A Package")',
      'payments[1].call: must be a call path such as \'charge\', \'payments.create\' or \'Client.new().charge\' (got "a..b")',
      expect.stringMatching(/^payments\[1\]\.provider: must be a provider id \(did you mean "stripe"\?\): adyen, .*custom \(got "strpie"\)$/),
      'payments[1].role: must be a role: initiation, capture, refund, retrieve, verify-webhook, cancel (got "pay")',
      'payments[2].referenceFields[0]: must be a field path such as \'reference\' or \'metadata.*\' (got "metadata.")',
      'payments[2].referenceFields[1]: must be a string (got number 3)',
      'bookingWrites[0].call: is required',
      'bookingWrites[1].entity: must be an entity or table name (letters, digits, _ and -, optionally schema.table) (got "two words")',
      'bookingWrites[1].record: must be a record place (did you mean "arg0"?): result, arg0 (got "arg1")',
      'bookingWrites[2]: must be an object (got the string "reservations.insert")',
    ]);
  });

  it('accepts the call path syntax of the recognizers', () => {
    for (const call of ['', 'charge', 'payments.create', 'default.charge', 'createClient().charges.create', 'AcmePay.new().charge', '**.reservations.insert', 'api.*.create', '$transaction']) {
      expect(problems({ payments: [{ module: '@acme/pay', call }] }), call).toEqual([]);
    }
    for (const call of ['.charge', 'charge.', 'a b', 'pay(x)', 'new().', 'a/b']) {
      expect(problems({ payments: [{ module: '@acme/pay', call }] }), call).toHaveLength(1);
    }
  });

  it('keeps globs inside the scanned root', () => {
    expect(problems({ include: ['/etc/**', '../other/**', 'src\\**', ''], entries: [{ files: [] }, { files: 'ok/*.ts', exports: [] }, { files: 'x/*.ts', exports: ['handler()'] }] })).toEqual([
      'include[0]: must be a glob relative to the scanned root, with / separators and no .. (got "/etc/**")',
      'include[1]: must be a glob relative to the scanned root, with / separators and no .. (got "../other/**")',
      'include[2]: must be a glob relative to the scanned root, with / separators and no .. (got "src\\\\**")',
      'include[3]: must not be empty',
      'entries[0].files: must not be empty',
      'entries[1].exports: must not be empty',
      'entries[2].exports[0]: must be an export name, \'default\' or \'*\' (got "handler()")',
    ]);
  });

  it('takes a check setting as off, on, a severity or an object, for known checks only', () => {
    expect(validateConfig({ checks: { 'confirmation-record': 'off' } }).config.checks).toEqual({ 'confirmation-record': { enabled: false, severity: null } });
    expect(validateConfig({ checks: { 'confirmation-record': 'low' } }).config.checks).toEqual({ 'confirmation-record': { enabled: true, severity: 'low' } });
    expect(validateConfig({ checks: { 'confirmation-record': { enabled: false } } }).config.checks).toEqual({ 'confirmation-record': { enabled: false, severity: null } });
    expect(problems({ checks: { 'confirmation-recrod': 'off', 'confirmation-record': 'hgh' } })).toEqual([
      'checks.confirmation-recrod: unknown check (did you mean "confirmation-record"?) (known: confirmation-record)',
      'checks.confirmation-record: must be \'off\', \'on\' or a severity (did you mean "high"?): off, on, critical, high, medium, low, info (got "hgh")',
    ].map((line) => expect.stringContaining(line.replace(' (known: confirmation-record)', ''))));
    expect(problems({ checks: { 'confirmation-record': { enabled: 'no', severity: 'urgent' } } })).toEqual([
      'checks.confirmation-record.enabled: must be true or false (got the string "no")',
      'checks.confirmation-record.severity: must be a severity: critical, high, medium, low, info (got "urgent")',
    ]);
    expect(problems({ checks: { 'confirmation-record': 1 } })).toEqual([
      'checks.confirmation-record: must be \'off\', \'on\', a severity or { "enabled", "severity" } (got number 1)',
    ]);
  });
});

describe('parseConfig and loadConfig', () => {
  it('reports invalid JSON with its line and column, naming the file', () => {
    try {
      parseConfig('{\n  "exclude": ["a"],\n  "failOn": high\n}\n', 'app/bookfirst.config.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).file).toBe('app/bookfirst.config.json');
      expect((error as Error).message).toMatch(/^invalid config app\/bookfirst\.config\.json:\n {2}is not valid JSON: Unexpected token.* \(line 3, column 13\)$/);
    }
  });

  it('lists every problem in one error, each with its key path', () => {
    const error = (() => {
      try {
        parseConfig(JSON.stringify({ exlude: [], failOn: 'hgh' }), 'bookfirst.config.json');
      } catch (e) {
        return e as ConfigError;
      }
      return null;
    })();
    expect(error?.problems.map((p) => p.path)).toEqual(['exlude', 'failOn']);
    expect(error?.message.split('\n')).toEqual([
      'invalid config bookfirst.config.json:',
      expect.stringMatching(/^ {2}exlude: unknown key \(did you mean "exclude"\?\)/),
      '  failOn: must be a severity (did you mean "high"?): critical, high, medium, low, info (got "hgh")',
    ]);
  });

  it('finds bookfirst.config.json or .bookfirst.json at the root, refuses both, and can be told otherwise', () => {
    const none = makeProject({ 'package.json': '{}' });
    expect(loadConfig(none)).toEqual(emptyConfig());
    const one = makeProject({ '.bookfirst.json': '{ "exclude": ["legacy/**"] }' });
    expect(loadConfig(one)).toMatchObject({ file: path.join(one, '.bookfirst.json'), exclude: ['legacy/**'] });
    expect(loadConfig(one, false)).toEqual(emptyConfig());
    const both = makeProject({ 'bookfirst.config.json': '{}', '.bookfirst.json': '{}' });
    expect(() => loadConfig(both)).toThrow(/both bookfirst\.config\.json and \.bookfirst\.json are present; keep one/);
    const other = path.join(one, 'ci.bookfirst.json');
    fs.writeFileSync(other, '{ "failOn": "high" }');
    expect(loadConfig(none, other).failOn).toBe('high');
    expect(() => loadConfig(none, path.join(none, 'missing.json'))).toThrow(/missing\.json:\n {2}could not be read: ENOENT/);
  });
});

describe('resolveSettings', () => {
  const root = makeProject({
    'bookfirst.config.json': JSON.stringify({
      entities: [{ name: 'Stay', table: 'tbl_stay' }],
      bookingWrites: [{ module: '@acme/db', call: 'holds.insert', entity: 'Hold' }],
      payments: [{ module: '@acme/pay', call: 'charge', provider: 'stripe' }],
      include: ['src/**'],
      exclude: ['src/legacy/**'],
      includeTests: true,
      checks: { 'confirmation-record': { enabled: false, severity: 'low' } },
    }),
  });

  it('applies the config when no option says otherwise', () => {
    const s = resolveSettings({ root });
    expect([s.include, s.exclude, s.includeTests]).toEqual([['src/**'], ['src/legacy/**'], true]);
    expect(s.entities).toEqual(['Stay', 'Hold']);
    expect(s.schemaEntities).toEqual([{ name: 'Stay', table: 'tbl_stay', file: 'bookfirst.config.json', line: 1, source: 'config' }]);
    expect(s.checks.map((c) => c.id)).not.toContain('confirmation-record');
    const configured = s.recognizers.filter((r) => r.docs === 'docs/config.md').map((r) => `${r.kind} ${r.id} ${r.packages.join(',')}`);
    expect(configured).toEqual(['provider stripe @acme/pay', 'store @acme/db @acme/db']);
  });

  it('lets options override it: explicit checks run even when off, include replaces, exclude adds', () => {
    const s = resolveSettings({ root, checks: ['confirmation-record'], include: ['apps/**'], exclude: ['**/*.gen.ts'], includeTests: false, entities: ['Berth'] });
    expect(s.checks.map((c) => c.id)).toEqual(['confirmation-record']);
    expect(s.severityOf(s.checks[0]!)).toBe('low');
    expect([s.include, s.exclude, s.includeTests]).toEqual([['apps/**'], ['src/legacy/**', '**/*.gen.ts'], false]);
    expect(s.entities).toEqual(['Stay', 'Hold', 'Berth']);
  });

  it('ignores the file with config: false, and takes a loaded config as it is', () => {
    const s = resolveSettings({ root, config: false });
    expect(s.checks.map((c) => c.id)).toContain('confirmation-record');
    expect(s.severityOf(s.checks.find((c) => c.id === 'confirmation-record')!)).toBe('high');
    const given = resolveSettings({ root, config: { ...emptyConfig(), failOn: 'low', exclude: ['x/**'] } });
    expect(given.exclude).toEqual(['x/**']);
  });
});

describe('jsonErrorOffset', () => {
  it('finds where strict JSON first goes wrong', async () => {
    const { jsonErrorOffset } = await import('../../src/project/config.js');
    expect(jsonErrorOffset('{ "a": [1, 2, { "b": null }], "c": "x\\n" }')).toBeNull();
    expect(jsonErrorOffset('{ "a": 1, }')).toBe(10);
    expect(jsonErrorOffset('{ a: 1 }')).toBe(2);
    expect(jsonErrorOffset('{ "a": 01 }')).toBe(8);
    expect(jsonErrorOffset('{ "a": "x" } extra')).toBe(13);
    expect(jsonErrorOffset('{ "a": "unterminated }')).toBe(22);
    expect(jsonErrorOffset('')).toBe(0);
  });
});
