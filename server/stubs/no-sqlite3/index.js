throw new Error('sqlite3 is not installed: Dẫn Bước runs pouchdb-server in memory, never with --sqlite.');
