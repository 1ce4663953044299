/** Which database the integration suites run on: PGlite (npm test) or PostgreSQL (npm run test:pg). */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.LUMBUNG_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * PostgreSQL for tests: DATABASE_ADMIN_URL (or DATABASE_URL) is a role that may create
 * databases; tests then connect as `lumbung_tester`, a login role that is neither superuser nor
 * bypasses RLS, exactly like production's application role.
 */
export function testPostgresSettings() {
  const adminUrl =
    process.env.DATABASE_ADMIN_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const appLogin = 'lumbung_tester';
  const databaseUrl = (database: string, user?: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    if (user) {
      url.username = user;
      url.password = '';
    }
    return url.toString();
  };
  return { adminUrl, appLogin, template: 'lumbung_test_template', databaseUrl };
}
