// What main says about the app (runtime versions, data folder, log file), asked when a component
// that shows it mounts: the menu bar once per window, the About dialog when it opens.

import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc';
import { command } from '../../bridge';

/** Undefined until main has answered (or when it could not). */
export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => {
    let current = true;
    void command('getAppInfo').then((result) => {
      if (current && result.ok) setInfo(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return info;
}
