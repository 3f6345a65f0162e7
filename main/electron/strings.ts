// The few words main draws itself, in native dialogs, when no window of ours can (its own crash,
// a window whose page hangs). Everything a window shows is in renderer/src/strings.ts.

export const nativeStrings = {
  crash: {
    title: 'MSN Messenger',
    message: 'MSN Messenger ran into a problem and has to restart.',
    detail: (logFolder: string): string =>
      `What went wrong was written to the log in ${logFolder}. You can attach the log file to a bug report.`,
    restart: 'Restart',
    openLogFolder: 'Open Log Folder',
    quit: 'Quit',
  },
  hung: {
    title: 'MSN Messenger',
    message: 'This window is not responding.',
    detail: 'You can wait for it to respond, or reload it.',
    wait: 'Wait',
    reload: 'Reload',
  },
} as const;
