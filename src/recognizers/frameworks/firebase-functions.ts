// https://firebase.google.com/docs/functions/http-events
import { defineFramework } from '../define.js';

// Subpaths (`firebase-functions/v2/https`, `/v1`, `/https`) resolve to the package root, so a v2
// named import `onCall` and a v1 `functions.https.onCall` differ only in their steps.
const SDK = [{ module: 'firebase-functions', path: '' }];

/** v2 named import, `https.` namespace (v1, or v2 `import { https }`), v1 builders `region('x').runWith({...}).https.`. */
const https = (fn: string) => [fn, `https.${fn}`, `*.().**.https.${fn}`];

// https://firebase.google.com/docs/functions/firestore-events and the other event providers.
// v1: `functions.firestore.document(path).onCreate(h)`, `functions.pubsub.schedule(s).onRun(h)`...
const V1_EVENTS = ['onCreate', 'onUpdate', 'onDelete', 'onWrite', 'onRun', 'onPublish', 'onDispatch', 'onFinalize'];
// v2: `onDocumentCreated(path | options, h)`, `onSchedule(s, h)`...
const V2_EVENTS = [
  'onDocumentCreated', 'onDocumentUpdated', 'onDocumentDeleted', 'onDocumentWritten',
  'onDocumentCreatedWithAuthContext', 'onDocumentUpdatedWithAuthContext', 'onDocumentDeletedWithAuthContext', 'onDocumentWrittenWithAuthContext',
  'onValueCreated', 'onValueUpdated', 'onValueDeleted', 'onValueWritten',
  'onSchedule', 'onMessagePublished', 'onTaskDispatched', 'onObjectFinalized', 'onCustomEventPublished',
];

export default defineFramework({
  id: 'firebase-functions',
  name: 'Cloud Functions for Firebase',
  docs: 'https://firebase.google.com/docs/functions/http-events',
  packages: ['firebase-functions'],
  registrations: [
    { clients: SDK, calls: https('onRequest'), entry: 'firebase-https' },
    // https://firebase.google.com/docs/functions/callable
    { clients: SDK, calls: https('onCall'), entry: 'firebase-callable' },
    {
      clients: SDK,
      calls: [...V2_EVENTS, ...V2_EVENTS.map((e) => `*.${e}`), ...V1_EVENTS.map((e) => `**.${e}`)],
      routeArg: 0,
      entry: 'firebase-event',
    },
  ],
  // https://firebase.google.com/docs/functions/schedule-functions
  scheduledCalls: ['onSchedule', '*.onSchedule', '**.onRun'],
});
