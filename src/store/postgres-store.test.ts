import { describe } from 'vitest';
import { describeStoreContract } from './store-contract.js';
import { postgresLocation, postgresSkipReason, testDatabaseUrl } from './test-support.js';

if (testDatabaseUrl === undefined) console.warn(postgresSkipReason);

describe.skipIf(testDatabaseUrl === undefined)(`store on PostgreSQL (${postgresSkipReason})`, () => {
  describeStoreContract(() => postgresLocation(testDatabaseUrl ?? ''));
});
