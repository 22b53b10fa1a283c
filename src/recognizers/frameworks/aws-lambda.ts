// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
import { defineFramework } from '../define.js';

const SOURCE = '{ts,js,mjs,cjs,mts}';

export default defineFramework({
  id: 'aws-lambda',
  name: 'AWS Lambda (Node.js handlers)',
  docs: 'https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html',
  packages: ['aws-lambda', '@types/aws-lambda', '@middy/core', 'serverless', 'aws-cdk-lib'],
  // Which export is a handler is written in serverless.yml / template.yaml / CDK code, which the
  // engine does not read; these are the folder conventions that leave little doubt. A `handler`
  // export elsewhere still becomes an entry point when it reaches a payment and nothing calls it.
  // (`middy(fn)` and other wrappers are unwrapped to the function they hold.)
  routeFiles: [
    { glob: `**/lambda/**/*.${SOURCE}`, exports: ['handler'], entry: 'lambda-handler' },
    { glob: `**/lambdas/**/*.${SOURCE}`, exports: ['handler'], entry: 'lambda-handler' },
    // The Serverless Framework's aws-nodejs-typescript layout: src/functions/<name>/handler.ts exporting `main`.
    { glob: `**/src/functions/*/handler.${SOURCE}`, exports: ['main', 'handler'], entry: 'lambda-handler' },
  ],
});
