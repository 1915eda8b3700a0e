function (newDoc, oldDoc, userCtx, secObj) {
  // Dẫn Bước: who may write what in the province database. Plain ES5 (CouchDB's JavaScript engine).
  // Admins (the province's operators and the setup script) are exempt. A desk writes only documents
  // stamped with its own desk id, and only the minimal record: any key outside the lists below is
  // refused, so a personal field can never be stored even by a modified desk.
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;

  var desk = null;
  for (var i = 0; i < roles.length; i++) {
    if (typeof roles[i] === 'string' && roles[i].indexOf('desk:') === 0) desk = roles[i].slice(5);
  }
  if (!desk) throw { forbidden: 'only a desk account may write to this database' };

  var KEYS = {
    sessionDoc: ['_id', '_rev', '_revisions', '_conflicts', 'type', 'v', 'deskId', 'commune', 'session'],
    session: ['schemaVersion', 'id', 'deskId', 'memberId', 'startedAt', 'updatedAt', 'endedAt', 'consent', 'citizen', 'tasks'],
    consent: ['textVersion', 'agreed', 'at'],
    citizen: ['ageBand'],
    task: ['taskId', 'outcome', 'reason', 'source', 'at'],
    withdrawalDoc: ['_id', '_rev', '_revisions', 'type', 'v', 'deskId', 'id', 'at']
  };
  function isArray(value) {
    return Object.prototype.toString.call(value) === '[object Array]';
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !isArray(value);
  }
  function onlyKeys(value, allowed, where) {
    if (!isObject(value)) throw { forbidden: where + ' must be an object' };
    for (var key in value) {
      if (allowed.indexOf(key) === -1) throw { forbidden: where + ': field "' + key + '" may not be stored on the province server' };
    }
  }
  function isText(value, max) {
    return typeof value === 'string' && value.length > 0 && value.length <= max;
  }
  function isTime(value) {
    return typeof value === 'number' && value % 1 === 0 && value >= 1577836800000 && value < 4102444800000;
  }
  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  if (newDoc._deleted) {
    // Deleting: only the desk that owns the record (a withdrawal or the desk's own correction).
    if (!oldDoc) return;
    if (oldDoc.type === 'withdrawal') throw { forbidden: 'withdrawals are kept; only an administrator prunes them' };
    if (oldDoc.deskId !== desk) throw { forbidden: 'a desk may delete only its own records' };
    return;
  }

  if (newDoc.deskId !== desk) throw { forbidden: 'a desk may write only its own records (deskId must be ' + desk + ')' };
  if (oldDoc && !oldDoc._deleted && oldDoc.deskId !== desk) throw { forbidden: 'this record belongs to another desk' };

  if (newDoc.type === 'session') {
    onlyKeys(newDoc, KEYS.sessionDoc, 'document');
    if (newDoc.v !== 1) throw { forbidden: 'unknown document version' };
    if (!isText(newDoc.commune, 120)) throw { forbidden: 'commune must be text' };
    var s = newDoc.session;
    onlyKeys(s, KEYS.session, 'session');
    if (newDoc._id !== 's:' + s.id || !UUID.test(s.id)) throw { forbidden: '_id must be "s:" and the session id' };
    if (s.deskId !== desk) throw { forbidden: 'session.deskId must be ' + desk };
    if (!SLUG.test(s.memberId)) throw { forbidden: 'memberId must be a code' };
    if (!isTime(s.startedAt) || !isTime(s.updatedAt) || (s.endedAt !== undefined && !isTime(s.endedAt))) throw { forbidden: 'times must be epoch milliseconds' };
    onlyKeys(s.consent, KEYS.consent, 'session.consent');
    if (s.consent.agreed !== true) throw { forbidden: 'only sessions whose citizen agreed are shared' };
    if (s.citizen !== undefined) onlyKeys(s.citizen, KEYS.citizen, 'session.citizen');
    if (!isArray(s.tasks) || s.tasks.length > 50) throw { forbidden: 'tasks must be a list of at most 50' };
    for (var t = 0; t < s.tasks.length; t++) {
      onlyKeys(s.tasks[t], KEYS.task, 'session.tasks[' + t + ']');
      if (!SLUG.test(s.tasks[t].taskId)) throw { forbidden: 'taskId must be a code' };
    }
    return;
  }
  if (newDoc.type === 'withdrawal') {
    onlyKeys(newDoc, KEYS.withdrawalDoc, 'document');
    if (newDoc._id !== 'w:' + newDoc.id || !UUID.test(newDoc.id)) throw { forbidden: '_id must be "w:" and the session id' };
    if (!isTime(newDoc.at)) throw { forbidden: 'at must be epoch milliseconds' };
    if (oldDoc && !oldDoc._deleted) throw { forbidden: 'a withdrawal is never changed' };
    return;
  }
  throw { forbidden: 'unknown document type' };
}
