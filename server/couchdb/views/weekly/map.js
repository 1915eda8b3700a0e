function (doc) {
  // One row per task of a session: [ISO week (Vietnam time, UTC+7), commune, task, outcome].
  // With the built-in _count reduce, group_level 4 gives the province's weekly counts.
  if (doc.type !== 'session' || !doc.session || !doc.session.tasks) return;
  var day = Math.floor((doc.session.startedAt + 7 * 3600000) / 86400000);
  var weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  var thursday = day - weekday + 4;
  var date = new Date(thursday * 86400000);
  var year = date.getUTCFullYear();
  var week = Math.floor((thursday - Math.floor(Date.UTC(year, 0, 1) / 86400000)) / 7) + 1;
  var label = year + '-W' + (week < 10 ? '0' : '') + week;
  for (var i = 0; i < doc.session.tasks.length; i++) {
    var task = doc.session.tasks[i];
    emit([label, doc.commune, task.taskId, task.outcome], null);
  }
}
