import { PACK_LIMITS } from '../../engine/pack/format';

/** The pack file and its detached signature (`<pack url>.sig`), or why they could not be fetched. */
export type Download =
  | { ok: true; bytes: Uint8Array; signature: string }
  | { ok: false; reason: 'unreachable' | 'http'; detail: string }
  | { ok: false; reason: 'size'; detail: string };

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const SIGNATURE_MAX_BYTES = 1024;

class TooLarge extends Error {}

/** Reads at most `max` bytes of the body; more is an error, so a huge file is never held whole. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new TooLarge(`${declared} bytes, at most ${max}.`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(`more than ${max} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Fetches without cookies, without the HTTP cache and without following redirects (a redirect could
 * lead to an origin the team lead never allowed). Never throws.
 */
export async function downloadPack(fetcher: Fetcher, url: string): Promise<Download> {
  const init: RequestInit = { credentials: 'omit', cache: 'no-store', redirect: 'error' };
  async function get(target: string, max: number): Promise<Uint8Array | Exclude<Download, { ok: true }>> {
    let response: Response;
    try {
      response = await fetcher(target, init);
    } catch (error) {
      return { ok: false, reason: 'unreachable', detail: `${target}: ${(error as Error).message}` };
    }
    if (!response.ok) return { ok: false, reason: 'http', detail: `HTTP ${response.status} ${target}` };
    try {
      return await readCapped(response, max);
    } catch (error) {
      if (error instanceof TooLarge) return { ok: false, reason: 'size', detail: `${target}: ${error.message}` };
      return { ok: false, reason: 'unreachable', detail: `${target}: ${(error as Error).message}` };
    }
  }
  const bytes = await get(url, PACK_LIMITS.maxBytes);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const signature = await get(`${url}.sig`, SIGNATURE_MAX_BYTES);
  // A missing or oversize signature file is no valid signature: the pack is judged as unsigned.
  if (!(signature instanceof Uint8Array)) return signature.reason === 'unreachable' ? signature : { ok: true, bytes, signature: '' };
  return { ok: true, bytes, signature: new TextDecoder().decode(signature).trim() };
}
