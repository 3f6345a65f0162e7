// Hands a file to the browser as a download: Electron asks where to save it, a browser saves it to
// its downloads. The file is made in the window (a history export by shared/history-export.ts in
// this window's words, the protocol console's lines); nothing is written by main itself.

export interface FileToSave {
  /** A file name to suggest (no directory). */
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
}

/** How long the file's blob address stays valid for the download to read it. */
const KEEP_URL_MS = 60_000;

export function saveFile(exported: FileToSave): void {
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
