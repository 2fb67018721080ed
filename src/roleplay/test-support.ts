// Shared by the role-play suites: the bundled scenario registry and a store location per backend.
import { SMA_11_TALKS, type RolePlayScenario } from '../engine/roleplay/index.js';
import {
  postgresLocation,
  postgresSuiteName,
  sqliteLocation,
  testDatabaseUrl,
  type TestLocation,
} from '../store/test-support.js';

export const scenarios = (id: string): RolePlayScenario | undefined =>
  id === SMA_11_TALKS.id ? SMA_11_TALKS : undefined;

export const ASK = { 'first-year-change': 4.612, duration: 1, 'escalation-index': 'none', 'escalation-rate': 0.1 };
export const DEAL = {
  'first-year-change': 0.139,
  duration: 5,
  'escalation-index': 'rok-defense-budget-growth',
  'escalation-rate': 0.1,
};

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set (the suite name says why it is skipped otherwise). */
export const backends: readonly {
  readonly name: string;
  readonly skip: boolean;
  readonly location: () => Promise<TestLocation>;
}[] = [
  { name: 'SQLite', skip: false, location: async () => sqliteLocation() },
  {
    name: postgresSuiteName('PostgreSQL'),
    skip: testDatabaseUrl === undefined,
    location: () => postgresLocation(testDatabaseUrl as string),
  },
];
