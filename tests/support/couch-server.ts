import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket as NetSocket, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupCouch, type Account } from '../../scripts/couch-setup';

/**
 * A real CouchDB-compatible server for the replication tests: pouchdb-server (npm), in memory, on
 * 127.0.0.1 and a free port, started and stopped by the test itself. Only loopback is ever used.
 */
export const ADMIN: Account = { name: 'quan-tri', password: 'mat-khau-quan-tri' };
export const PROVINCE: Account = { name: 'tinh', password: 'mat-khau-tinh' };
export const DB = 'dan-buoc';

export interface CouchServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts pouchdb-server, makes the admin account, and runs the setup script for the given desks. */
export async function startCouch(desks: Account[]): Promise<CouchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'danbuoc-couch-'));
  const port = await freePort();
  const bin = join(process.cwd(), 'tests', 'support', 'pouchdb-server-launch.mjs');
  const child = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, child);
  // pouchdb-server starts as an "admin party"; creating the first admin ends it.
  const made = await fetch(`${url}_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  if (!made.ok) throw new Error(`could not create the admin: ${made.status} ${await made.text()}`);
  await setupCouch({ server: url, admin: ADMIN, db: DB, desks, province: PROVINCE });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A TCP proxy in front of the server whose connections can be cut at any moment (a network drop). */
export interface CuttableLink {
  url: string;
  /** Destroys every open connection and refuses new ones until `restore`. */
  cut(): void;
  restore(): void;
  /** Bytes that went through, both ways. */
  bytes(): number;
  close(): Promise<void>;
}

export async function cuttableLink(target: string, options: { cutAfterBytes?: number } = {}): Promise<CuttableLink> {
  const { port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  let bytes = 0;
  let cutDone = false;
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = new NetSocket();
    upstream.connect(Number(targetPort), '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
      s.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // A one-shot cut once this much has flowed: the drop lands in the middle of a replication.
        if (options.cutAfterBytes !== undefined && bytes > options.cutAfterBytes && !cutDone) {
          cutDone = true;
          link.cut();
        }
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const link: CuttableLink = {
    url: `http://127.0.0.1:${port}/`,
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      down = false;
    },
    bytes: () => bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return link;
}
