import { setUpTestDatabaseServer } from './test-database';

/** vitest's and Playwright's global setup: one PostgreSQL for the whole run; returns its teardown. */
export default async function globalSetup() {
  return setUpTestDatabaseServer();
}
