// https://github.com/microsoft/tsyringe#readme
import { defineFramework } from '../define.js';

// A dependency-injection container, no web framework: Express apps wire their controllers and
// services through it (`container.registerSingleton(TOKENS.BookingService, BookingService)`, then
// `@inject(TOKENS.BookingService) private bookings: IBookingService` and
// `container.resolve<IBookingController>(TOKENS.BookingController)` where routes are registered).
// Parameters and resolved values typed by an interface hold what the token was registered with.
export default defineFramework({
  id: 'tsyringe',
  name: 'TSyringe (dependency injection)',
  docs: 'https://github.com/microsoft/tsyringe#readme',
  packages: ['tsyringe'],
  injection: {
    decorators: [{ module: 'tsyringe', path: 'inject' }],
    registries: [],
    // https://github.com/microsoft/tsyringe#providers
    provider: { token: 'token', classKeys: ['useClass'], valueKeys: ['useValue'], factoryKeys: ['useFactory'] },
    containers: [{
      clients: [{ module: 'tsyringe', path: 'container' }, { module: 'tsyringe', path: 'container.createChildContainer.()' }],
      // `register(token, provider | Class)`, `registerSingleton(token, Class)` or `registerSingleton(Class)`,
      // `registerInstance(token, value)`, `registerType(token, Class)`.
      bindings: [
        { call: 'register', token: 0, target: 1 },
        { call: 'registerSingleton', token: 0, target: 1 },
        { call: 'registerInstance', token: 0, target: 1 },
        { call: 'registerType', token: 0, target: 1 },
      ],
      resolvers: ['resolve'],
    }],
  },
});
