import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { PouchDb, PouchRemoteOptions } from '../../extension/sync/pouch-types';

/**
 * PouchDB for Node: the in-memory adapter stands in for a desk's IndexedDB mirror, the HTTP adapter
 * talks to the loopback server. The same replication code as the browser build (pouchdb-browser).
 */
PouchDB.plugin(memory).plugin(http).plugin(replication);

let counter = 0;

export function memoryDb(name = 'desk'): PouchDb {
  counter += 1;
  return new PouchDB(`${name}-${counter}-${Date.now()}`, { adapter: 'memory' }) as unknown as PouchDb;
}

export function remoteDb(url: string, options: PouchRemoteOptions): PouchDb {
  return new PouchDB(url, { ...options, skip_setup: true }) as unknown as PouchDb;
}
