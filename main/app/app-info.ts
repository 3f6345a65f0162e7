// Help → About and Help → Open Log Folder: what the app runs on (read from the process itself, so
// every shell tells the truth: Electron and Chromium only where they are) and where its files are.

import { dirname } from 'node:path';
import type { AppInfo } from '../../shared/ipc';
import { MessengerError } from '../client/errors';

export function appInfo(dataFolder: string, logFile: string | undefined): AppInfo {
  const { node, electron, chrome } = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
  return {
    versions: { node, ...(electron && { electron }), ...(chrome && { chromium: chrome }) },
    dataFolder,
    ...(logFile && { logFile }),
  };
}

/** Opens the log file's folder with `showFolder`; a shell that writes no log, or cannot show a folder, says so. */
export async function openLogFolder(logFile: string | undefined, showFolder: ((folder: string) => Promise<void>) | undefined): Promise<void> {
  if (logFile === undefined) throw new MessengerError({ kind: 'unsupported', reason: 'no-log-file' });
  if (!showFolder) throw new MessengerError({ kind: 'unsupported', reason: 'cannot-show-folders' });
  const folder = dirname(logFile);
  try {
    await showFolder(folder);
  } catch {
    throw new MessengerError({ kind: 'unsupported', reason: 'folder-unavailable', detail: { folder } });
  }
}
