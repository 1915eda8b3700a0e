import { OUTCOME_LABELS, type Message } from '../../sessions';
import { checkServerUrl } from './settings';

/**
 * The province's read-only view of the replicated records: the weekly counts by commune, task and
 * outcome from the design document's `weekly` view, read with the province account (role
 * `province`, which the server refuses every write). Credentials are used for this request only and
 * never stored.
 */
export interface WeeklyRow {
  week: string;
  commune: string;
  taskId: string;
  outcome: string;
  count: number;
}

export type WeeklyResult = { ok: true; rows: WeeklyRow[] } | { ok: false; error: Message };

export async function readProvinceWeekly(input: { serverUrl: string; username: string; password: string }, options: { allowLoopback?: boolean } = {}): Promise<WeeklyResult> {
  const url = checkServerUrl(input.serverUrl, options);
  if (!url.ok) return url;
  let response: Response;
  try {
    response = await fetch(`${url.url}_design/dan-buoc/_view/weekly?group_level=4`, {
      headers: { authorization: `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${input.username}:${input.password}`)))}`, accept: 'application/json' },
      credentials: 'omit',
    });
  } catch {
    return { ok: false, error: { vi: 'Không kết nối được máy chủ của tỉnh. Kiểm tra mạng và địa chỉ máy chủ rồi thử lại.', en: 'Could not reach the server.' } };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, error: { vi: 'Tên đăng nhập hoặc mật khẩu chưa đúng.', en: 'Wrong user name or password.' } };
  if (!response.ok) return { ok: false, error: { vi: `Máy chủ của tỉnh trả lời lỗi ${response.status}. Hỏi người quản lý máy chủ.`, en: `Server error ${response.status}.` } };
  const body = (await response.json()) as { rows?: Array<{ key?: unknown; value?: unknown }> };
  const rows: WeeklyRow[] = [];
  for (const row of body.rows ?? []) {
    const key = row.key;
    if (!Array.isArray(key) || key.length !== 4 || typeof row.value !== 'number' || !key.every((k) => typeof k === 'string')) continue;
    const [week, commune, taskId, outcome] = key as string[];
    rows.push({ week, commune, taskId, outcome, count: row.value });
  }
  return { ok: true, rows };
}

export function outcomeLabel(outcome: string): string {
  return (OUTCOME_LABELS as Record<string, { vi: string } | undefined>)[outcome]?.vi ?? outcome;
}
