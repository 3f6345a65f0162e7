// Opening a file, folder or URL with the desktop's default handler, for the shells without one
// of their own: the CLI (the Hotmail page) and the browser host (Help → Open Log Folder).

import { spawn } from 'node:child_process';

/** Opens a file, folder or URL with the desktop's default handler (xdg-open, open, start). */
export function openWithPlatform(pathOrUrl: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [pathOrUrl]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', pathOrUrl]]
        : ['xdg-open', [pathOrUrl]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) => reject(new Error(`Could not open the browser (${command}: ${error.message}).`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

