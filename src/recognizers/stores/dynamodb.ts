// https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/
import { defineStore, type EntitySource } from '../define.js';

// The table is a field of the request (`{ TableName: 'bookings', Item }`), and v3 commands are
// classes handed to `send(new PutCommand(...))`. Entity names come from the arguments, so only a
// request held in a variable named after the booking is recognized, and `send` is not declared
// (telling a PutCommand from a GetCommand needs argument matching on store operations).
export default defineStore({
  id: 'dynamodb',
  name: 'Amazon DynamoDB',
  docs: 'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/',
  packages: ['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb', 'aws-sdk'],
  clients: [
    // v2: `new AWS.DynamoDB.DocumentClient()`, `new DynamoDB.DocumentClient()` from `aws-sdk/clients/dynamodb`.
    { module: 'aws-sdk', path: 'DynamoDB.DocumentClient.new()' },
    { module: 'aws-sdk/clients/dynamodb', path: 'DocumentClient.new()' },
    { module: 'aws-sdk/clients/dynamodb', path: 'default.DocumentClient.new()' },
    // v3 full document client: `DynamoDBDocument.from(new DynamoDBClient({}))` has put/get methods.
    { module: '@aws-sdk/lib-dynamodb', path: 'DynamoDBDocument.from.()' },
    { module: '@aws-sdk/lib-dynamodb', path: 'DynamoDBDocument.new()' },
    { module: '@aws-sdk/lib-dynamodb', path: 'DynamoDBDocumentClient.from.()' },
    { module: '@aws-sdk/lib-dynamodb', path: 'DynamoDBDocumentClient.new()' },
    { module: '@aws-sdk/client-dynamodb', path: 'DynamoDBClient.new()' },
  ],
  // v2 requests run on `.promise()` (the end of the same chain); v3 methods return promises.
  writes: [
    { call: 'put', entity: ['field:TableName'] },
    { call: 'transactWrite', entity: ['field:TableName'] },
    { call: 'batchWrite', entity: ['field:TableName'] },
    ...['PutCommand', 'PutItemCommand'].map((c) => ({ call: 'send', argIs: { index: 0, path: `${c}.new()` }, entity: ['field:TableName'] as EntitySource[] })),
  ],
  // A missing key shows as a response without `Item`.
  reads: [
    { call: 'get', entity: ['field:TableName'], guard: 'null' },
    ...['GetCommand', 'GetItemCommand'].map((c) => ({ call: 'send', argIs: { index: 0, path: `${c}.new()` }, entity: ['field:TableName'] as EntitySource[], guard: 'null' as const })),
  ],
  updates: [
    { call: 'update', entity: ['field:TableName'] },
    { call: 'delete', entity: ['field:TableName'], deletes: true },
    ...['UpdateCommand', 'DeleteCommand', 'UpdateItemCommand', 'DeleteItemCommand'].map((c) => ({ call: 'send', argIs: { index: 0, path: `${c}.new()` }, entity: ['field:TableName'] as EntitySource[] })),
  ],
  example: "await ddb.send(new PutCommand({ TableName: 'bookings', Item: { id: bookingId, ...input, status: 'pending' }, ConditionExpression: 'attribute_not_exists(id)' }));",
  updateExample: "await ddb.send(new UpdateCommand({ TableName: 'bookings', Key: { id: {id} }, UpdateExpression: 'SET #f = :v', ExpressionAttributeNames: { '#f': '{field}' }, ExpressionAttributeValues: { ':v': {value} } }));",
});
