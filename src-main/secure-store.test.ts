import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecureStore, SecureStorageUnavailableError } from './secure-store';
import { resetFakeElectron, safeStorage } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let dir: string;
let filePath: string;
beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'agentdeck-secure-'));
  filePath = join(dir, 'userData', 'secure-storage.json');
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const SECRET = 'refresh-token-6f1c2a9b';

describe('secure storage', () => {
  it('round-trips a value through safeStorage encryption', async () => {
    const store = createSecureStore(filePath);
    await store.set('refreshToken', SECRET);
    expect(safeStorage.encryptString).toHaveBeenCalledWith(SECRET);
    // A fresh store reads the file again: nothing is only in memory.
    await expect(createSecureStore(filePath).get('refreshToken')).resolves.toBe(SECRET);
    expect(safeStorage.decryptString).toHaveBeenCalled();
  });

  it('writes base64 ciphertext per key and never the plaintext', async () => {
    const store = createSecureStore(filePath);
    await store.set('refreshToken', SECRET);
    const text = await readFile(filePath, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(Buffer.from(text).includes(Buffer.from(SECRET))).toBe(false);
    const onDisk: unknown = JSON.parse(text);
    expect(onDisk).toEqual({ refreshToken: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
  });

  it('refuses to store when the OS offers no encryption, and writes nothing', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const store = createSecureStore(filePath);
    await expect(store.set('refreshToken', SECRET)).rejects.toThrow(SecureStorageUnavailableError);
    await expect(store.set('refreshToken', SECRET)).rejects.toThrow(
      /Not stored: the operating system offers no encryption/,
    );
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it("refuses Linux's built-in-password backend, which is plain text in disguise", async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    await expect(createSecureStore(filePath, 'linux').set('refreshToken', SECRET)).rejects.toThrow(
      /no secret service/,
    );
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('answers null for an unknown key or a value it can no longer decrypt', async () => {
    const store = createSecureStore(filePath);
    await expect(store.get('refreshToken')).resolves.toBeNull();
    await store.set('refreshToken', SECRET);
    safeStorage.decryptString.mockImplementationOnce(() => {
      throw new Error('Error while decrypting the ciphertext');
    });
    await expect(store.get('refreshToken')).resolves.toBeNull();
  });

  it('deletes one key and keeps the others, even when writes overlap', async () => {
    const store = createSecureStore(filePath);
    await Promise.all([store.set('a', 'one'), store.set('b', 'two'), store.set('c', 'three')]);
    await store.delete('b');
    await expect(store.get('a')).resolves.toBe('one');
    await expect(store.get('b')).resolves.toBeNull();
    await expect(store.get('c')).resolves.toBe('three');
  });
});
