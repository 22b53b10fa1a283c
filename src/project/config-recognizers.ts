// Payment wrappers and booking-write helpers named in the config file, as recognizer data: one
// provider recognizer per (provider, module) and one store recognizer per module, matched by the
// same engine as the built-in ones. The module is opaque to the scan (an internal SDK installed
// from a registry), so its calls are what the analysis sees.
import type { ProviderRecognizer, Recognizer, StoreRecognizer } from '../recognizers/define.js';
import { DEFAULT_WRAPPER_REFERENCE_FIELDS, type BookfirstConfig } from './config.js';
import { addTo } from '../util/multimap.js';

/** Configured recognizers are documented by the config page, not a vendor's. */
const CONFIG_DOCS = 'docs/config.md';

export function configRecognizers(config: BookfirstConfig, builtIn: Recognizer[]): Recognizer[] {
  const out: Recognizer[] = [];
  const byProviderModule = new Map<string, BookfirstConfig['payments']>();
  for (const p of config.payments) {
    const key = `${p.provider}\0${p.module}`;
    addTo(byProviderModule, key, p);
  }
  for (const payments of byProviderModule.values()) {
    const { provider, module } = payments[0]!;
    const known = builtIn.find((r): r is ProviderRecognizer => r.kind === 'provider' && r.id === provider);
    const fields = payments.flatMap((p) => p.referenceFields ?? DEFAULT_WRAPPER_REFERENCE_FIELDS);
    out.push({
      kind: 'provider',
      // The provider's id, so the path reports it and its webhooks (events, signature checks) count.
      id: provider,
      name: known ? known.name : 'Payment wrapper',
      docs: CONFIG_DOCS,
      packages: [module],
      clients: [{ module, path: '' }],
      operations: payments.map((p) => ({ call: p.call, role: p.role, api: `${module}:${p.call}` })),
      referenceFields: fields.filter((f, i) => fields.indexOf(f) === i),
      events: known?.events ?? { success: [], failure: [] },
      example: known?.example,
      // A wrapper hands back what the provider returned, so its result is read the provider's way.
      resultIdFields: known?.resultIdFields,
      resultFlags: known?.resultFlags,
    });
  }
  const byModule = new Map<string, BookfirstConfig['bookingWrites']>();
  for (const w of config.bookingWrites) addTo(byModule, w.module, w);
  for (const [module, writes] of byModule) {
    const store: StoreRecognizer = {
      kind: 'store',
      id: module,
      name: `${module} (booking-write helper)`,
      docs: CONFIG_DOCS,
      packages: [module],
      clients: [{ module, path: '' }],
      writes: writes.map((w) => ({ call: w.call, entity: [`name:${w.entity}`], record: w.record })),
      reads: [],
      example: `const booking = await ${writes[0]!.call.replace(/\(\)/g, '') || 'createBooking'}({ ...input, status: 'pending' });`,
    };
    out.push(store);
  }
  return out;
}
