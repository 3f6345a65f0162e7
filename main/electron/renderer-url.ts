// Where the renderer is loaded from: the electron-vite dev server while developing, the built
// out/renderer/index.html otherwise. Windows load it; IPC trusts only pages served from it.

import { app } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Set by `electron-vite dev`; never honoured in a packaged app. */
function devServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
}

function rendererFile(): string {
  return join(app.getAppPath(), 'out', 'renderer', 'index.html');
}

export function isDevServer(): boolean {
  return devServerUrl() !== undefined;
}

/** The renderer page showing `route` (a hash route such as `/contacts`). */
export function rendererUrl(route: string): string {
  const base = devServerUrl() ?? pathToFileURL(rendererFile()).href;
  return `${base}#${route}`;
}

/** True for any route of our own renderer page, and for nothing else. */
export function isRendererUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const devUrl = devServerUrl();
  if (devUrl !== undefined) return parsed.origin === new URL(devUrl).origin;
  return parsed.protocol === 'file:' && parsed.host === '' && fileURLToPath(parsed) === rendererFile();
}

export function preloadFile(): string {
  return join(app.getAppPath(), 'out', 'preload', 'index.cjs');
}
