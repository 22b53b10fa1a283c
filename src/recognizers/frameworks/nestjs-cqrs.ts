// https://docs.nestjs.com/recipes/cqrs
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'nestjs-cqrs',
  name: 'NestJS CQRS',
  docs: 'https://docs.nestjs.com/recipes/cqrs',
  packages: ['@nestjs/cqrs'],
  // `commandBus.execute(new ChargeCommand(...))` runs the `execute` of the class decorated
  // `@CommandHandler(ChargeCommand)` and resolves with what it returns (the query bus likewise);
  // `eventBus.publish(event)` starts each `@EventsHandler(Event)`'s `handle` without waiting for it.
  messages: {
    senders: [
      { clients: ['CommandBus', 'QueryBus'].map((c) => ({ module: '@nestjs/cqrs', path: `${c}.new()` })), calls: { execute: 'call' }, patternArg: 0, payloadArg: 0 },
      { clients: [{ module: '@nestjs/cqrs', path: 'EventBus.new()' }], calls: { publish: 'deferred' }, patternArg: 0, payloadArg: 0 },
    ],
    classHandlers: [
      { module: '@nestjs/cqrs', decorators: ['CommandHandler', 'QueryHandler'], method: 'execute' },
      { module: '@nestjs/cqrs', decorators: ['EventsHandler'], method: 'handle' },
    ],
  },
});
