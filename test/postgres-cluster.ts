/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, pg_ctl start on
 * a free loopback port, password (SCRAM) authentication, no Unix socket outside the folder. Uses the
 * distribution's server binaries (`apt-get install postgresql` on Debian); `MATCHLINE_PG_BIN` points
 * elsewhere. initdb refuses to run as root, so under root the server runs as the `postgres` system user.
 * Never a mock: when the server cannot start this throws, and the tests that need it fail.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestCluster {
  /** postgres://matchline:<password>@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly password: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): void;
  /** Fast shutdown then start on the same port: every connection is cut. */
  restart(): void;
  /** Fast shutdown, leaving the data folder for `startServer`. */
  stopServer(): void;
  startServer(): void;
  /** A new database on this cluster (one per test file keeps files apart). */
  createDatabase(name: string): Promise<string>;
}

function serverBin(): string {
  const fromEnv = process.env.MATCHLINE_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL server binaries not found (no /usr/lib/postgresql/<version>/bin/initdb): install them with `apt-get install postgresql` or set MATCHLINE_PG_BIN',
    );
  }
  return join(root, versions[0]!, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a server binary, as the `postgres` user when we are root. */
function run(bin: string, tool: string, args: string[]): string {
  const command = join(bin, tool);
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  try {
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

export async function startCluster(): Promise<TestCluster> {
  const bin = serverBin();
  const root = mkdtempSync(join(tmpdir(), 'matchline-pg-'));
  const dataDir = join(root, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, password);
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(root, 0o700);
  run(bin, 'initdb', [
    '-D',
    dataDir,
    '-U',
    'matchline',
    '--pwfile',
    pwfile,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  rmSync(pwfile);
  let port = 0;
  const start = () =>
    run(bin, 'pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(root, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      // Loopback only; the socket stays inside the folder; fsync off is safe for a throwaway cluster
      // and keeps the 2-core CI machine from waiting on the disk.
      `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${root} -c fsync=off -c max_connections=200`,
      'start',
    ]);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (error) {
      if (attempt >= 3) {
        rmSync(root, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const stopServer = () => {
    try {
      run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  const urlFor = (db: string) => `postgres://matchline:${password}@127.0.0.1:${port}/${db}`;
  return {
    url: urlFor('postgres'),
    password,
    port,
    dataDir,
    stop() {
      stopServer();
      rmSync(root, { recursive: true, force: true });
    },
    restart() {
      run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      start();
    },
    stopServer() {
      run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    startServer() {
      start();
    },
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
  };
}
