// https://docs.nestjs.com/controllers
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'nestjs',
  name: 'NestJS',
  docs: 'https://docs.nestjs.com/controllers',
  packages: ['@nestjs/common', '@nestjs/core', '@nestjs/microservices', '@nestjs/graphql', '@nestjs/websockets', '@nestjs/bull', '@nestjs/schedule'],
  // https://docs.nestjs.com/microservices/basics#sending-messages: `client.send(pattern, data)`
  // answers through the `@MessagePattern(pattern)` handler, `emit` reaches `@EventPattern` later.
  messages: {
    senders: [{
      clients: ['ClientProxy', 'ClientKafka', 'ClientRMQ', 'ClientNats', 'ClientRedis', 'ClientTCP', 'ClientGrpcProxy', 'ClientMqtt'].map((c) => ({ module: '@nestjs/microservices', path: `${c}.new()` })),
      calls: { send: 'call', emit: 'deferred' },
      patternArg: 0,
      payloadArg: 1,
    }],
    handlers: { module: '@nestjs/microservices', decorators: ['MessagePattern', 'EventPattern'] },
  },
  // `send` returns a cold Observable: callers turn it into a promise with rxjs (`await
  // firstValueFrom(client.send(p, dto).pipe(timeout(5000)))`), so the handler has run when that settles.
  // https://rxjs.dev/api/index/function/firstValueFrom
  settles: [{ module: 'rxjs', path: 'firstValueFrom' }, { module: 'rxjs', path: 'lastValueFrom' }],
  // The reply a caller gets is what the handler returned, through operators that do not change it.
  keepsValues: [{
    method: 'pipe',
    operators: ['timeout', 'retry', 'take', 'first', 'last', 'tap', 'defaultIfEmpty', 'throwIfEmpty'].map((path) => ({ module: 'rxjs', path })),
    // `client.send(p, dto).pipe(map((reply) => repo.create({ invoiceId: reply.id })))`: the reply.
    // https://rxjs.dev/api/operators/map
    valueCallbacks: ['map', 'tap', 'switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'filter'].map((path) => ({ module: 'rxjs', path })),
  }],
  // Services reached through constructor injection need no rule: a parameter typed
  // `BookingsService` already resolves to that class. One typed by an interface is injected by
  // token: https://docs.nestjs.com/fundamentals/custom-providers
  injection: {
    decorators: [{ module: '@nestjs/common', path: 'Inject' }],
    registries: [{ decorator: { module: '@nestjs/common', path: 'Module' }, key: 'providers' }],
    provider: { token: 'provide', classKeys: ['useClass', 'useExisting'], valueKeys: ['useValue'], factoryKeys: ['useFactory'] },
  },
  decorators: [
    {
      module: '@nestjs/common',
      classDecorators: ['Controller'],
      methodDecorators: ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Search'],
      entry: 'nest-route',
    },
    // https://docs.nestjs.com/microservices/basics#request-response
    {
      module: '@nestjs/microservices',
      classModule: '@nestjs/common',
      classDecorators: ['Controller'],
      methodDecorators: ['MessagePattern', 'EventPattern'],
      entry: 'nest-message',
      patterns: true,
    },
    // https://docs.nestjs.com/graphql/resolvers
    { module: '@nestjs/graphql', classDecorators: ['Resolver'], methodDecorators: ['Mutation', 'Query'], entry: 'nest-graphql' },
    // https://docs.nestjs.com/websockets/gateways
    { module: '@nestjs/websockets', classDecorators: ['WebSocketGateway'], methodDecorators: ['SubscribeMessage'], entry: 'nest-gateway' },
    // https://docs.nestjs.com/techniques/queues (`@nestjs/bullmq` has no method decorator: its
    // `process()` is found as a function nobody in the scan calls).
    { module: '@nestjs/bull', classDecorators: ['Processor'], methodDecorators: ['Process'], entry: 'nest-queue' },
    // https://docs.nestjs.com/techniques/task-scheduling: `@Cron()`, `@Interval()`, `@Timeout()` on a
    // provider's method run it on a timer (expiring unpaid bookings), a background job like node-cron's.
    { module: '@nestjs/schedule', classModule: '@nestjs/common', classDecorators: ['Injectable'], methodDecorators: ['Cron', 'Interval', 'Timeout'], entry: 'cron-job' },
  ],
});
