// The format of my own messages (Font dialog). Kept in localStorage so every conversation
// window uses the same one; a stored value that fails the schema is ignored.

import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_MESSAGE_FORMAT, type MessageFormat } from '../../../../shared/model';
import { messageFormatSchema } from '../../../../shared/schemas';

const STORAGE_KEY = 'msn.messageFormat';

function loadFormat(): MessageFormat {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === null) return DEFAULT_MESSAGE_FORMAT;
    const parsed = messageFormatSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_MESSAGE_FORMAT;
  } catch {
    return DEFAULT_MESSAGE_FORMAT;
  }
}

export function useMyFormat(): [MessageFormat, (format: MessageFormat) => void] {
  const [format, setFormat] = useState(loadFormat);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_KEY) setFormat(loadFormat());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const save = useCallback((next: MessageFormat) => {
    setFormat(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch (error) {
      console.warn('Could not keep the message format:', error);
    }
  }, []);
  return [format, save];
}
