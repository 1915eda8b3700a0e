function (doc, req) {
  // What a desk pulls: every withdrawal (a citizen withdrawn anywhere is deleted here too), its own
  // sessions (another machine of the same desk), and deletions.
  return doc._deleted === true || doc.type === 'withdrawal' || doc.deskId === req.query.desk;
}
