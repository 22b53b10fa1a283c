// Every recognizer, sorted by kind then id. A test keeps this list, the files and the docs in step.
import type { Recognizer } from './define.js';
import express from './frameworks/express.js';
import next from './frameworks/next.js';
import stripe from './providers/stripe.js';
import prisma from './stores/prisma.js';

export const RECOGNIZERS: Recognizer[] = [express, next, stripe, prisma];
