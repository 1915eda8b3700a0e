/**
 * The slice of PouchDB's API the mirror uses, typed here so the sync code does not depend on which
 * PouchDB build provides it (pouchdb-browser in the extension, pouchdb-core + the memory adapter in
 * the Node tests and the bench).
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}

export interface PouchBulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: boolean | string;
  status?: number;
  message?: string;
  reason?: string;
}

export interface PouchReplicationResult {
  ok: boolean;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
}

export interface PouchReplicateOptions {
  filter?: string;
  query_params?: Record<string, string>;
  batch_size?: number;
  batches_limit?: number;
}

export interface PouchDb {
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<PouchBulkResult>;
  bulkDocs(docs: PouchDoc[]): Promise<PouchBulkResult[]>;
  allDocs(options: { include_docs: true; conflicts?: boolean; startkey?: string; endkey?: string }): Promise<{ rows: Array<{ id: string; value: { rev: string }; doc?: PouchDoc }> }>;
  changes(options: { since: number | string; limit?: number }): Promise<{ results: Array<{ id: string; seq: number | string; deleted?: boolean }>; last_seq: number | string }>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
  replicate: {
    to(target: PouchDb | string, options?: PouchReplicateOptions): PromiseLike<PouchReplicationResult>;
    from(source: PouchDb | string, options?: PouchReplicateOptions): PromiseLike<PouchReplicationResult>;
  };
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchRemoteOptions {
  auth?: { username: string; password: string };
  skip_setup?: boolean;
}

/** A PouchDB constructor: `new PouchDB(name)` (local) or `new PouchDB(url, { auth })` (remote). */
export type PouchFactory = {
  local(name: string): PouchDb;
  remote(url: string, options: PouchRemoteOptions): PouchDb;
};
