// The text pass decides which files get the full analysis: tokens a recognizer knows make a file a
// seed; keys common on their own (`amount`) count only together with the rest of their form or body.
import { describe, expect, it } from 'vitest';
import { relevanceTokens, scanText } from '../../src/engine/relevance.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';

const tokens = relevanceTokens(RECOGNIZERS);
const packages = new Set(tokens.packages);
const seed = (text: string) => scanText('src/x.ts', text, tokens, packages).seed;

describe('relevance tokens', () => {
  it('a form key common on its own is no seed; every key of the form is', () => {
    expect(tokens.texts).not.toContain('amount');
    expect(seed('export const total = (items) => items.reduce((s, i) => s + i.amount, 0);')).toBe(false);
    // PayFast's form: merchant_id, merchant_key, amount, item_name.
    expect(seed('const form = { merchant_id: id, merchant_key: key, amount: total, item_name: "Kayak" };')).toBe(true);
  });

  it('an import of a recognized package, a provider host or a platform global is a seed', () => {
    expect(seed("import Stripe from 'stripe';")).toBe(true);
    expect(seed("await fetch('https://api.paystack.co/transaction/initialize', init);")).toBe(true);
    expect(seed("await strapi.documents('api::booking.booking').create({ data });")).toBe(true);
    expect(seed("import { useState } from 'react';")).toBe(false);
  });
});
