/**
 * A fault-injecting StoreFs for tests: wraps another one and makes chosen operations fail with an
 * errno (a full disk, a read-only mount) or makes writes short once a byte budget is used up, the
 * way a file-size limit (`ulimit -f`) or a disk that fills mid-write behaves.
 */
import type { OpenMode, StoreFile, StoreFs } from './fs.js';

export type FsOperation =
  | 'open'
  | 'read'
  | 'write'
  | 'truncate'
  | 'sync'
  | 'kind'
  | 'readdir'
  | 'mkdir'
  | 'rename'
  | 'unlink'
  | 'syncDir';

export interface Faults {
  /** Returns an errno ('ENOSPC', 'EROFS'…) to make the operation fail, or null to let it run. */
  fail?: (operation: FsOperation, path: string, mode?: OpenMode) => string | null;
  /** Bytes that writes may still add in total; past it a write is short, then fails with `budgetErrno`. */
  writeBudget?: number;
  /** The errno once the budget is used up (default EFBIG, as under ulimit -f). */
  budgetErrno?: string;
}

const errnoError = (code: string, operation: string, path: string): Error =>
  Object.assign(new Error(`${code}: ${operation} ${path}`), { code });

/** Fails every operation that changes the disk with EROFS: a store on a read-only mount. */
export const readOnly: Faults['fail'] = (operation, _path, mode) =>
  ['write', 'truncate', 'mkdir', 'rename', 'unlink', 'syncDir'].includes(operation) ||
  (operation === 'open' && mode !== 'read')
    ? 'EROFS'
    : null;

export class FaultyFs implements StoreFs {
  constructor(
    private readonly inner: StoreFs,
    readonly faults: Faults = {},
  ) {}

  private check(operation: FsOperation, path: string, mode?: OpenMode): void {
    const code = this.faults.fail?.(operation, path, mode) ?? null;
    if (code) throw errnoError(code, operation, path);
  }

  async open(path: string, mode: OpenMode): Promise<StoreFile> {
    this.check('open', path, mode);
    const file = await this.inner.open(path, mode);
    const check = (operation: FsOperation) => this.check(operation, path);
    const faults = this.faults;
    return {
      read: (position, length) => (check('read'), file.read(position, length)),
      async write(data, position) {
        check('write');
        const budget = faults.writeBudget ?? Infinity;
        if (budget <= 0) throw errnoError(faults.budgetErrno ?? 'EFBIG', 'write', path);
        const part = data.length > budget ? data.subarray(0, budget) : data;
        const written = await file.write(part, position);
        faults.writeBudget = budget - written;
        return written;
      },
      truncate: (length) => (check('truncate'), file.truncate(length)),
      sync: () => (check('sync'), file.sync()),
      size: () => file.size(),
      close: () => file.close(),
    };
  }

  async kind(path: string) {
    this.check('kind', path);
    return this.inner.kind(path);
  }
  async readdir(path: string) {
    this.check('readdir', path);
    return this.inner.readdir(path);
  }
  async mkdir(path: string) {
    this.check('mkdir', path);
    return this.inner.mkdir(path);
  }
  async rename(from: string, to: string) {
    this.check('rename', to);
    return this.inner.rename(from, to);
  }
  async unlink(path: string) {
    this.check('unlink', path);
    return this.inner.unlink(path);
  }
  async syncDir(path: string) {
    this.check('syncDir', path);
    return this.inner.syncDir(path);
  }
  watch(path: string, onChange: () => void) {
    return this.inner.watch(path, onChange);
  }
}
