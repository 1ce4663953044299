/** The PostgreSQL error under drizzle's wrapper (drizzle puts the driver's error in `cause`). */
export async function databaseErrorOf(
  attempt: Promise<unknown>,
): Promise<{ message: string; code?: string }> {
  try {
    await attempt;
  } catch (error) {
    let current: unknown = error;
    while (current instanceof Error && current.cause instanceof Error) current = current.cause;
    return current as { message: string; code?: string };
  }
  throw new Error('expected the database to refuse, but it accepted');
}
