// https://nextjs.org/docs/app/api-reference/file-conventions/route
import { defineFramework } from '../define.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export default defineFramework({
  id: 'next',
  name: 'Next.js',
  docs: 'https://nextjs.org/docs/app/api-reference/file-conventions/route',
  packages: ['next'],
  routeFiles: [
    { glob: '**/app/**/route.{ts,js,tsx,jsx,mts,mjs}', exports: METHODS, entry: 'next-route' },
    { glob: '**/pages/api/**/*.{ts,js,tsx,jsx,mts,mjs}', exports: ['default'], entry: 'next-api-route' },
    { glob: '**/app/**/page.{ts,js,tsx,jsx}', exports: ['default'], entry: 'next-page' },
    { glob: '**/pages/**/*.{ts,js,tsx,jsx}', exports: ['getServerSideProps'], entry: 'next-page' },
  ],
  // https://nextjs.org/docs/app/api-reference/directives/use-server
  directives: [{ directive: 'use server', entry: 'server-action' }],
  // https://react.dev/reference/rsc/use-client
  clientDirectives: ['use client'],
  // Imports resolve to the package name without its subpath: `notFound` from 'next/navigation'
  // is `next` + `notFound`, `after` from 'next/server' is `next` + `after`.
  aborts: [
    { module: 'next/navigation', path: 'notFound' },
    { module: 'next/navigation', path: 'redirect' },
    { module: 'next/navigation', path: 'permanentRedirect' },
    // https://nextjs.org/docs/app/api-reference/functions/forbidden (and `unauthorized`)
    { module: 'next/navigation', path: 'forbidden' },
    { module: 'next/navigation', path: 'unauthorized' },
  ],
  deferred: [{ module: 'next/server', path: 'after' }],
});
