// Hands an export to the browser as a download: Electron asks where to save it, a browser saves
// it to its downloads. The file is made here (shared/history-export.ts, in this window's words) from
// the conversations main hands over; nothing is written by main itself.

import type { HistoryExport } from '../../../../shared/history';

/** How long the file's blob address stays valid for the download to read it. */
const KEEP_URL_MS = 60_000;

export function saveFile(exported: HistoryExport): void {
  const url = URL.createObjectURL(new Blob([exported.content], { type: exported.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exported.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
