// https://typegraphql.com/docs/resolvers.html
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'type-graphql',
  name: 'TypeGraphQL',
  docs: 'https://typegraphql.com/docs/resolvers.html',
  packages: ['type-graphql'],
  // `@Resolver() class BookingResolver { @Mutation() createBooking(...) }`: each query and mutation is
  // an operation of the GraphQL endpoint, run by the schema `buildSchema({ resolvers })` makes.
  decorators: [{ module: 'type-graphql', classDecorators: ['Resolver'], methodDecorators: ['Mutation', 'Query'], entry: 'graphql-resolver' }],
});
