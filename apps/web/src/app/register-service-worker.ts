import { registerSW } from 'virtual:pwa-register';

/**
 * Installs the service worker that caches the app shell. With autoUpdate a new release activates
 * on its own and the page reloads into it; API calls are never cached.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registerSW({ immediate: true });
}
