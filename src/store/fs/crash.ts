/**
 * A simulated disk for power-loss tests, in the manner of SQLite's crash tests: an in-memory StoreFs
 * that remembers what is durable apart from what the process sees. File data becomes durable only
 * when the file is synced; folder entries (creations, renames, removals) go through an ordered
 * journal and become durable when their folder is synced, as on ext4 with an ordered journal.
 * At a crash, each unsynced write of a file may be kept, lost or torn (only a prefix reaches the
 * disk), independently of the others, so later writes can survive earlier ones (reordering, with
 * zero-filled holes); a prefix of the unsynced journal survives. `crashAfter` kills the "process"
 * at a chosen operation: that one and every later one throw, as if it had died there.
 */
import type { EntryKind, OpenMode, StoreFile, StoreFs } from './fs.js';

type Node = { readonly type: 'dir' } | { readonly type: 'file'; readonly inode: Inode };

type DataOp =
  | { readonly kind: 'write'; readonly position: number; readonly bytes: Buffer }
  | { readonly kind: 'truncate'; readonly length: number };

type JournalOp =
  | { readonly kind: 'put'; readonly path: string; readonly node: Node }
  | { readonly kind: 'remove'; readonly path: string }
  | { readonly kind: 'rename'; readonly from: string; readonly to: string };

class Inode {
  /** What the process reads. */
  data: Buffer;
  /** Unsynced changes since `durable`, in order. */
  pending: DataOp[] = [];
  constructor(public durable: Buffer) {
    this.data = Buffer.from(durable);
  }
}

/** Raised by every operation from the crash point on: the process is dead. */
export class SimulatedCrash extends Error {
  readonly code = 'ESIMCRASH';
  constructor() {
    super('simulated power loss');
  }
}

const errno = (code: string, path: string): Error => Object.assign(new Error(`${code}: ${path}`), { code });

const parentOf = (path: string): string => {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
};

function applyData(data: Buffer, op: DataOp): Buffer {
  if (op.kind === 'truncate')
    return op.length <= data.length
      ? data.subarray(0, op.length)
      : Buffer.concat([data, Buffer.alloc(op.length - data.length)]);
  const end = op.position + op.bytes.length;
  const out = end > data.length ? Buffer.concat([data, Buffer.alloc(end - data.length)]) : Buffer.from(data);
  op.bytes.copy(out, op.position);
  return out;
}

function applyJournal(names: Map<string, Node>, op: JournalOp): void {
  const drop = (path: string) => {
    for (const key of [...names.keys()]) if (key === path || key.startsWith(`${path}/`)) names.delete(key);
  };
  if (op.kind === 'put') names.set(op.path, op.node);
  else if (op.kind === 'remove') drop(op.path);
  else {
    const node = names.get(op.from);
    if (!node) return;
    drop(op.to);
    names.delete(op.from);
    names.set(op.to, node);
  }
}

/** A small deterministic PRNG (mulberry32), so a failing crash replays from its seed. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class CrashFs implements StoreFs {
  /** What the process sees: path -> node. */
  private names: Map<string, Node>;
  /** What a power loss keeps of the folders. */
  private durableNames: Map<string, Node>;
  private journal: JournalOp[] = [];
  private dead = false;
  /** Operations left before the crash (Infinity: none planned). */
  private left: number;
  /** Operations run so far (to choose a crash point). */
  operations = 0;

  constructor(options: { crashAfter?: number; names?: Map<string, Node> } = {}) {
    this.left = options.crashAfter ?? Infinity;
    this.names = options.names ?? new Map<string, Node>([['/', { type: 'dir' }]]);
    this.durableNames = new Map(this.names);
  }

  get crashed(): boolean {
    return this.dead;
  }

  /** Kills the process now (an operation in flight fails at its next step). */
  crash(): void {
    this.dead = true;
  }

  /**
   * The disk after a power loss now: a new CrashFs holding what survived. `random` chooses, for every
   * unsynced write, whether it was kept, lost or torn, and how much of the journal reached the disk.
   */
  afterPowerLoss(random: () => number, crashAfter?: number): CrashFs {
    this.dead = true;
    const names = new Map(this.durableNames);
    const survived = Math.floor(random() * (this.journal.length + 1));
    for (const op of this.journal.slice(0, survived)) applyJournal(names, op);
    const images = new Map<Inode, Inode>();
    const imageOf = (inode: Inode): Inode => {
      let image = images.get(inode);
      if (!image) {
        let data = inode.durable;
        for (const op of inode.pending) {
          const roll = random();
          if (roll < 0.35) continue; // lost
          if (roll < 0.55 && op.kind === 'write') {
            const kept = Math.floor(random() * op.bytes.length);
            data = applyData(data, { ...op, bytes: op.bytes.subarray(0, kept) }); // torn
          } else data = applyData(data, op);
        }
        image = new Inode(Buffer.from(data));
        images.set(inode, image);
      }
      return image;
    };
    const out = new Map<string, Node>();
    for (const [path, node] of names)
      out.set(path, node.type === 'dir' ? node : { type: 'file', inode: imageOf(node.inode) });
    return new CrashFs({ names: out, ...(crashAfter === undefined ? {} : { crashAfter }) });
  }

  /** The bytes the process would read at `path` (for the test's own checks). */
  peek(path: string): Buffer | null {
    const node = this.names.get(path);
    return node?.type === 'file' ? node.inode.data : null;
  }

  /** Every operation starts here: it fails once the process is dead, or kills it at the crash point. */
  private step(): Promise<void> {
    if (this.dead) return Promise.reject(new SimulatedCrash());
    this.operations += 1;
    if (--this.left < 0) {
      this.dead = true;
      return Promise.reject(new SimulatedCrash());
    }
    return Promise.resolve();
  }

  private log(op: JournalOp): void {
    applyJournal(this.names, op);
    this.journal.push(op);
  }

  private needParent(path: string): void {
    if (this.names.get(parentOf(path))?.type !== 'dir') throw errno('ENOENT', path);
  }

  async open(path: string, mode: OpenMode): Promise<StoreFile> {
    await this.step();
    let node = this.names.get(path);
    if (node?.type === 'dir') throw errno('EISDIR', path);
    if (mode === 'create' && node) throw errno('EEXIST', path);
    if (!node) {
      if (mode === 'read' || mode === 'write') throw errno('ENOENT', path);
      this.needParent(path);
      node = { type: 'file', inode: new Inode(Buffer.alloc(0)) };
      this.log({ kind: 'put', path, node });
    } else if (mode === 'replace') {
      const op: DataOp = { kind: 'truncate', length: 0 };
      node.inode.data = applyData(node.inode.data, op);
      node.inode.pending.push(op);
    }
    const inode = node.inode;
    const step = () => this.step();
    return {
      async read(position, length) {
        await step();
        return Buffer.from(inode.data.subarray(position, position + length));
      },
      async write(data, position) {
        await step();
        if (mode === 'read') throw errno('EBADF', path);
        const op: DataOp = { kind: 'write', position, bytes: Buffer.from(data) };
        inode.data = applyData(inode.data, op);
        inode.pending.push(op);
        return data.length;
      },
      async truncate(length) {
        await step();
        const op: DataOp = { kind: 'truncate', length };
        inode.data = applyData(inode.data, op);
        inode.pending.push(op);
      },
      async sync() {
        await step();
        inode.durable = Buffer.from(inode.data);
        inode.pending = [];
      },
      async size() {
        await step();
        return inode.data.length;
      },
      close: () => Promise.resolve(),
    };
  }

  async kind(path: string): Promise<EntryKind | null> {
    await this.step();
    const node = this.names.get(path);
    return node ? (node.type === 'dir' ? 'directory' : 'file') : null;
  }

  async readdir(path: string): Promise<string[]> {
    await this.step();
    if (this.names.get(path)?.type !== 'dir') throw errno('ENOENT', path);
    const prefix = path === '/' ? '/' : `${path}/`;
    return [...this.names.keys()]
      .filter((key) => key.startsWith(prefix) && key !== path && !key.slice(prefix.length).includes('/'))
      .map((key) => key.slice(prefix.length));
  }

  async mkdir(path: string): Promise<void> {
    await this.step();
    const node = this.names.get(path);
    if (node?.type === 'dir') return;
    if (node) throw errno('ENOTDIR', path);
    this.needParent(path);
    this.log({ kind: 'put', path, node: { type: 'dir' } });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.step();
    if (!this.names.has(from)) throw errno('ENOENT', from);
    this.needParent(to);
    this.log({ kind: 'rename', from, to });
  }

  async unlink(path: string): Promise<void> {
    await this.step();
    if (this.names.get(path)?.type === 'dir') throw errno('EISDIR', path);
    if (this.names.has(path)) this.log({ kind: 'remove', path });
  }

  async syncDir(path: string): Promise<void> {
    await this.step();
    // The journal is ordered: making this folder's last entry durable makes every earlier one durable.
    const touches = (op: JournalOp) =>
      op.kind === 'rename'
        ? parentOf(op.from) === path || parentOf(op.to) === path
        : parentOf(op.path) === path;
    let last = -1;
    this.journal.forEach((op, i) => {
      if (touches(op)) last = i;
    });
    for (const op of this.journal.slice(0, last + 1)) applyJournal(this.durableNames, op);
    this.journal = this.journal.slice(last + 1);
  }

  watch(): () => void {
    return () => undefined; // subscriptions fall back to polling
  }
}
