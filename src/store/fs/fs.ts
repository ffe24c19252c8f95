/**
 * The file operations the file store uses, behind one small interface, so that tests can put a
 * fault-injecting layer (lost, torn and reordered unsynced writes at a crash point) in place of the
 * real file system. The real one never follows a symbolic link and refuses anything but regular
 * files and folders; every failure becomes a typed STORE_IO error with the path and a sentence.
 */
import { constants, watch as watchFs } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { MatchlineError } from '../../events/index.js';

export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

/** How to open a file: read an existing one, write an existing one, create a new one, or replace. */
export type OpenMode = 'read' | 'write' | 'create' | 'replace';

export interface StoreFile {
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
  /** Writes at `position` and returns how many bytes were written: possibly fewer than asked. */
  write(data: Uint8Array, position: number): Promise<number>;
  truncate(length: number): Promise<void>;
  sync(): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface StoreFs {
  /** Opens a regular file; never follows a symlink, refuses FIFOs, devices and folders. */
  open(path: string, mode: OpenMode): Promise<StoreFile>;
  /** What is at `path` (without following a symlink), or null when nothing is. */
  kind(path: string): Promise<EntryKind | null>;
  readdir(path: string): Promise<string[]>;
  /** Creates one folder; an existing folder is fine. */
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing file is fine. */
  unlink(path: string): Promise<void>;
  /** Makes a folder's entries (creations, renames) durable. */
  syncDir(path: string): Promise<void>;
  /** Calls `onChange` when something in the folder changes; returns a function that stops it. */
  watch(path: string, onChange: () => void): () => void;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'it is a symbolic link, and the store never follows links',
  EFBIG: 'the file would pass the size limit (ulimit -f)',
  EIO: 'an input/output error (a failing disk or a lost network share)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'the path is too long',
  EEXIST: 'it already exists',
  EBUSY: 'it is busy',
  ENXIO: 'it is not a regular file (no such device)',
};

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code))
  );
}

/** A typed STORE_IO error: what the store was doing, where, and why, in one sentence. */
export function storeIoError(error: unknown, path: string, doing: string): MatchlineError {
  if (error instanceof MatchlineError) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' ? raw : '';
  const reason = REASONS[code] ?? (error instanceof Error ? error.message : 'an unknown failure');
  return new MatchlineError({
    code: 'STORE_IO',
    message: `cannot ${doing}: ${reason}${code ? ` (${code})` : ''}`,
    file: path,
    ...(code ? { errno: code } : {}),
  });
}

/** Runs one file operation and turns its failure into STORE_IO. */
export async function io<T>(path: string, doing: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw storeIoError(error, path, doing);
  }
}

const FLAGS: Record<OpenMode, number> = {
  read: constants.O_RDONLY,
  write: constants.O_RDWR,
  create: constants.O_RDWR | constants.O_CREAT | constants.O_EXCL,
  replace: constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC,
};

class NodeFile implements StoreFile {
  constructor(private readonly handle: FileHandle) {}
  async read(position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === length ? buffer : buffer.subarray(0, done);
  }
  async write(data: Uint8Array, position: number): Promise<number> {
    return (await this.handle.write(data, 0, data.length, position)).bytesWritten;
  }
  truncate(length: number): Promise<void> {
    return this.handle.truncate(length);
  }
  sync(): Promise<void> {
    return this.handle.sync();
  }
  async size(): Promise<number> {
    return (await this.handle.stat()).size;
  }
  close(): Promise<void> {
    return this.handle.close();
  }
}

const kindOf = (stats: {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}): EntryKind =>
  stats.isSymbolicLink() ? 'symlink' : stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';

/** The real file system (node:fs), with O_NOFOLLOW and O_NONBLOCK so a link or a FIFO cannot trap it. */
export const nodeFs: StoreFs = {
  async open(path, mode) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    const handle = await open(path, FLAGS[mode] | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
    const stats = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (!stats.isFile()) {
      await handle.close();
      throw Object.assign(new Error('not a regular file'), {
        code: stats.isDirectory() ? 'EISDIR' : 'ENXIO',
      });
    }
    return new NodeFile(handle);
  },
  async kind(path) {
    try {
      return kindOf(await lstat(path));
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
  },
  readdir: (path) => readdir(path),
  async mkdir(path) {
    try {
      await mkdir(path);
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      if ((await nodeFs.kind(path)) !== 'directory')
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
  },
  rename: (from, to) => rename(from, to),
  async unlink(path) {
    try {
      await unlink(path);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  },
  async syncDir(path) {
    const handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  watch(path, onChange) {
    try {
      const watcher = watchFs(path, { persistent: false }, () => onChange());
      watcher.on('error', () => undefined); // the polling fallback keeps going
      return () => watcher.close();
    } catch {
      return () => undefined; // no notifications here (some network file systems): polling only
    }
  },
};
