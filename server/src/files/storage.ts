// Where uploaded files (visit photos) live: a local folder by default, behind an interface an
// object store can implement. Keys are content hashes, so a re-upload stores nothing new.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  private file(key: string) {
    if (!/^[a-f0-9]{64}$/.test(key)) throw new Error('storage keys are sha256 hex');
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer) {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: 'w' });
  }

  async get(key: string) {
    try {
      return await readFile(this.file(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }
}
