/**
 * Prepares a province's CouchDB for Dẫn Bước replication:
 *   - creates the database,
 *   - one user per desk (roles "desk" and "desk:<desk id>": the validate function reads the latter),
 *   - a read-only province user (role "province": a database member, refused every write),
 *   - uploads the design document (validate_doc_update, the weekly view, the desk filter) and the
 *     security object.
 * Idempotent: run it again to add desks or update the design document.
 *
 *   npx tsx scripts/couch-setup.ts --server https://couch.tinh.gov.vn --admin admin:secret \
 *     --db dan-buoc --desk ban-1a2b3c4d:mat-khau --desk ban-5e6f7a8b:mat-khau --province tinh:mat-khau
 */
import { DESIGN_ID, designDocument, securityObject } from '../server/couchdb/design';

export interface Account {
  name: string;
  password: string;
}

export interface CouchSetup {
  /** Server root, e.g. https://couch.example.gov.vn (no database). */
  server: string;
  admin: Account;
  db: string;
  desks: Account[];
  province?: Account;
}

function authHeader(account: Account): string {
  return `Basic ${Buffer.from(`${account.name}:${account.password}`).toString('base64')}`;
}

async function request(setup: CouchSetup, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(new URL(path, setup.server.endsWith('/') ? setup.server : `${setup.server}/`), {
    method,
    headers: { authorization: authHeader(setup.admin), 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function must(setup: CouchSetup, method: string, path: string, body?: unknown, okStatuses: number[] = []): Promise<Record<string, unknown>> {
  const result = await request(setup, method, path, body);
  if (result.status >= 300 && !okStatuses.includes(result.status)) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

/** Creates or updates a document, keeping its current revision. */
async function upsert(setup: CouchSetup, path: string, doc: Record<string, unknown>): Promise<void> {
  const current = await request(setup, 'GET', path);
  const rev = current.status === 200 ? current.json._rev : undefined;
  await must(setup, 'PUT', path, rev ? { ...doc, _rev: rev } : doc);
}

export const deskRoles = (deskId: string) => ['desk', `desk:${deskId}`];

export async function setupCouch(setup: CouchSetup): Promise<void> {
  const db = encodeURIComponent(setup.db);
  await must(setup, 'PUT', '_users', undefined, [412]);
  await must(setup, 'PUT', db, undefined, [412]);
  for (const desk of setup.desks) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(desk.name)) throw new Error(`desk id "${desk.name}" must be the desk's code (lower-case letters, digits, hyphens)`);
    const id = `org.couchdb.user:${desk.name}`;
    await upsert(setup, `_users/${encodeURIComponent(id)}`, { _id: id, name: desk.name, type: 'user', roles: deskRoles(desk.name), password: desk.password });
  }
  if (setup.province) {
    const id = `org.couchdb.user:${setup.province.name}`;
    await upsert(setup, `_users/${encodeURIComponent(id)}`, { _id: id, name: setup.province.name, type: 'user', roles: ['province'], password: setup.province.password });
  }
  await upsert(setup, `${db}/${DESIGN_ID}`, designDocument());
  await must(setup, 'PUT', `${db}/_security`, securityObject());
}

function parseAccount(text: string, what: string): Account {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw new Error(`${what} must be name:password`);
  return { name: text.slice(0, at), password: text.slice(at + 1) };
}

async function main(argv: string[]): Promise<void> {
  const desks: Account[] = [];
  let server = '';
  let admin: Account | undefined;
  let db = 'dan-buoc';
  let province: Account | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--server') server = value;
    else if (flag === '--admin') admin = parseAccount(value, '--admin');
    else if (flag === '--db') db = value;
    else if (flag === '--desk') desks.push(parseAccount(value, '--desk'));
    else if (flag === '--province') province = parseAccount(value, '--province');
    else throw new Error(`unknown option ${flag}`);
  }
  if (!server || !admin) throw new Error('usage: couch-setup --server URL --admin name:password [--db dan-buoc] [--desk id:password]… [--province name:password]');
  await setupCouch({ server, admin, db, desks, province });
  console.log(`${db}: design document, security and ${desks.length} desk user(s)${province ? ' and the province user' : ''} are in place.`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
