// Starts pouchdb-server with one fix applied in memory (the installed files are not changed).
//
// pouchdb-validation (used by pouchdb-server 4.2 to run validate_doc_update) overwrites the
// incoming document's `_revisions` with the stored document's before writing it. For a write with
// new_edits=false — every update or deletion that arrives by replication — the new revision is then
// silently dropped (201, no error): a desk's edits and deletions would never reach the server.
// Apache CouchDB has no such step. The fix keeps the incoming `_revisions` when there is one.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const require = createRequire(import.meta.url);

const file = require.resolve('pouchdb-validation');
const buggy = 'newDoc._revisions = (oldDoc || {})._revisions;';
const source = fs.readFileSync(file, 'utf8');
if (!source.includes(buggy)) throw new Error(`pouchdb-validation changed: the line to fix was not found in ${file}`);
const fixed = new Module(file);
fixed.filename = file;
fixed.paths = Module._nodeModulePaths(path.dirname(file));
fixed._compile(source.replace(buggy, 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;'), file);
fixed.loaded = true;
require.cache[file] = fixed;

process.argv = [process.argv[0], require.resolve('pouchdb-server/bin/pouchdb-server'), ...process.argv.slice(2)];
require('pouchdb-server/bin/pouchdb-server');
