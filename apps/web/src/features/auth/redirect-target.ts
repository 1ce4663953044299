/** Where the login page sends the person afterwards: back where they came from, inside this app only. */
export function redirectTargetFrom(state: unknown): string {
  if (typeof state !== 'object' || state === null) return '/';
  const from: unknown = (state as Record<string, unknown>).from;
  // "//host" and "/\host" are protocol-relative URLs to another site: never follow them.
  if (typeof from !== 'string' || !from.startsWith('/') || /^\/[/\\]/.test(from)) return '/';
  return from === '/masuk' ? '/' : from;
}
