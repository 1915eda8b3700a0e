import { useState, type FormEvent } from 'react';
import { DEFAULT_CATALOGUE, taskTitle } from '../../sessions';
import { outcomeLabel, readProvinceWeekly, type WeeklyRow } from '../../extension/sync/province';
import { loopbackAllowed } from '../../extension/sync/use-desk-sync';

const T = {
  title: 'Số liệu của tỉnh theo tuần',
  intro: 'Trang này chỉ đọc số liệu các điểm hỗ trợ đã gửi lên máy chủ của tỉnh. Dùng tài khoản chỉ đọc của tỉnh; mật khẩu không được lưu lại.',
  serverUrl: 'Địa chỉ máy chủ của tỉnh (bắt đầu bằng https://)',
  username: 'Tên đăng nhập của tỉnh',
  password: 'Mật khẩu',
  read: 'Xem số liệu',
  reading: 'Đang đọc số liệu…',
  empty: 'Máy chủ chưa có số liệu nào.',
  caption: 'Số việc theo tuần, xã, việc và kết quả',
  week: 'Tuần',
  commune: 'Xã/phường',
  task: 'Việc',
  outcome: 'Kết quả',
  count: 'Số việc',
} as const;

/** Province mode: the weekly counts from the replicated records, read with read-only credentials. */
export function ProvinceView() {
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [rows, setRows] = useState<WeeklyRow[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const result = await readProvinceWeekly({ serverUrl, username, password }, { allowLoopback: await loopbackAllowed() });
    setBusy(false);
    if (result.ok) setRows(result.rows);
    else setError(result.error.vi);
  };

  return (
    <main className="page" lang="vi" aria-busy={busy}>
      <h1>{T.title}</h1>
      <p>{T.intro}</p>
      <form onSubmit={(e) => void submit(e)}>
        <p>
          <label htmlFor="province-url">{T.serverUrl}</label>
          <br />
          <input id="province-url" type="url" autoComplete="off" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </p>
        <p>
          <label htmlFor="province-user">{T.username}</label>
          <br />
          <input id="province-user" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </p>
        <p>
          <label htmlFor="province-password">{T.password}</label>
          <br />
          <input id="province-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </p>
        <button type="submit">{T.read}</button>
      </form>
      <div aria-live="polite">
        {busy && <p>{T.reading}</p>}
        {error && <p role="alert">{error}</p>}
        {rows && rows.length === 0 && <p>{T.empty}</p>}
      </div>
      {rows && rows.length > 0 && (
        <table>
          <caption>{T.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{T.week}</th>
              <th scope="col">{T.commune}</th>
              <th scope="col">{T.task}</th>
              <th scope="col">{T.outcome}</th>
              <th scope="col">{T.count}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.week}|${row.commune}|${row.taskId}|${row.outcome}`}>
                <td>{row.week}</td>
                <td>{row.commune}</td>
                <td>{taskTitle(DEFAULT_CATALOGUE, row.taskId).vi}</td>
                <td>{outcomeLabel(row.outcome)}</td>
                <td>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
