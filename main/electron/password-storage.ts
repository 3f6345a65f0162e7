// Where the desktop app remembers passwords. safeStorage seals them with the system's keychain
// (the macOS Keychain, DPAPI on Windows, a Linux keyring through libsecret or KWallet). On Linux
// without a keyring Electron falls back to `basic_text`, a key built into Chromium and the same on
// every machine: a password sealed with it is as good as in the clear. There, and where the backend
// is unknown, no password is stored at all (the sign-in form says why it does not offer to), and a
// file sealed that way before is removed.

import { safeStorage } from 'electron';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MemorySecretStore, NoSecretStore, SealedFileSecretStore, type SecretStore } from '../app/secret-store';

const UNPROTECTED_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export function desktopSecretStore(dataDir: string, log: (line: string) => void = () => {}): SecretStore {
  const file = join(dataDir, 'passwords.json');
  if (!safeStorage.isEncryptionAvailable()) return new MemorySecretStore();
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (UNPROTECTED_LINUX_BACKENDS.has(backend)) {
      log(`Passwords are not remembered: safeStorage would use "${backend}", which protects nothing.`);
      rmSync(file, { force: true });
      return new NoSecretStore();
    }
  }
  return new SealedFileSecretStore(
    file,
    { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (sealed) => safeStorage.decryptString(sealed) },
    log,
  );
}
