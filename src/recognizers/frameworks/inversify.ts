// https://inversify.io/docs/introduction/getting-started/
import { defineFramework } from '../define.js';

// A dependency-injection container, no web framework: Express apps bind their controllers and
// services to identifiers (`container.bind<IBookingService>(TYPES.BookingService).to(BookingService)`),
// inject them (`@inject(TYPES.BookingService) bookings: IBookingService`) and take the controllers
// out where routes are registered (`container.get<BookingController>(TYPES.BookingController)`).
// Parameters and values typed by an interface hold what the identifier was bound to.
export default defineFramework({
  id: 'inversify',
  name: 'InversifyJS (dependency injection)',
  docs: 'https://inversify.io/docs/introduction/getting-started/',
  packages: ['inversify'],
  injection: {
    decorators: [{ module: 'inversify', path: 'inject' }],
    registries: [],
    provider: { token: 'provide', classKeys: [], valueKeys: [], factoryKeys: [] },
    containers: [{
      clients: [{ module: 'inversify', path: 'Container.new()' }],
      // https://inversify.io/docs/api/binding-syntax/
      bindings: [{
        call: 'bind',
        token: 0,
        chained: [
          { method: 'to', as: 'class' },
          { method: 'toSelf', as: 'self' },
          { method: 'toConstantValue', as: 'value' },
          { method: 'toDynamicValue', as: 'factory' },
        ],
      }],
      resolvers: ['get', 'getAsync', 'resolve'],
    }],
  },
});
