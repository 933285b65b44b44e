import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';

/** Thrown when the operating system offers no real encryption: we then store nothing at all. */
export class SecureStorageUnavailableError extends Error {
  override name = 'SecureStorageUnavailableError';
}

export interface SecureStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** On disk: key → base64 of the ciphertext from safeStorage. Never a plaintext value. */
const StoredEntries = z.record(z.string(), z.string());

function unavailableReason(platform: NodeJS.Platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'the operating system offers no encryption (no keychain or secret service is available)';
  }
  // Electron's "basic_text" backend encrypts with a password built into Chromium: that is plain text in disguise.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'no secret service (GNOME Keyring, KWallet) is running, only a built-in password is available';
  }
  return null;
}

/**
 * Secret values (refresh tokens) encrypted with the OS keychain through Electron's safeStorage,
 * kept as base64 ciphertext in one JSON file. Calls run one after another so two writes never
 * lose each other's key.
 */
export function createSecureStore(
  filePath: string,
  platform: NodeJS.Platform = process.platform,
): SecureStore {
  let tail: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  }

  async function readEntries(): Promise<Map<string, string>> {
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      return new Map();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = StoredEntries.safeParse(json);
    if (!parsed.success) {
      console.warn(`Secure storage: ${filePath} is unreadable; starting empty.`);
      return new Map();
    }
    return new Map(Object.entries(parsed.data));
  }

  async function writeEntries(entries: Map<string, string>): Promise<void> {
    await mkdir(dirname(filePath), { recursive: true });
    const temporary = `${filePath}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(Object.fromEntries(entries)), { mode: 0o600 });
    // Rename is atomic: a crash leaves the old file or the new one, never half of one.
    await rename(temporary, filePath);
  }

  return {
    get: (key) =>
      oneAtATime(async () => {
        const ciphertext = (await readEntries()).get(key);
        if (ciphertext === undefined || unavailableReason(platform) !== null) return null;
        try {
          return safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
        } catch {
          // Encrypted under another OS user or a reset keychain: as good as absent.
          return null;
        }
      }),
    set: (key, value) =>
      oneAtATime(async () => {
        const reason = unavailableReason(platform);
        if (reason) throw new SecureStorageUnavailableError(`Not stored: ${reason}.`);
        const entries = await readEntries();
        entries.set(key, safeStorage.encryptString(value).toString('base64'));
        await writeEntries(entries);
      }),
    delete: (key) =>
      oneAtATime(async () => {
        const entries = await readEntries();
        if (!entries.delete(key)) return;
        await writeEntries(entries);
      }),
  };
}
