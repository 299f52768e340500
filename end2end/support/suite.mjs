// One browser and one static server per spec file, started before its tests and stopped after them.
import { after, before } from 'node:test';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

/**
 * Returns `{ browser, server }`, filled in once the suite starts. `prefix` is the sub-folder to serve from;
 * `root` the build to serve (default dist/).
 */
export function useBrowserAndServer(prefix, { root } = {}) {
  const env = {};
  before(async () => {
    env.browser = await launch();
    env.server = await serve({ prefix, ...(root ? { root } : {}) });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
