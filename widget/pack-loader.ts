import { PACK_LIMITS, packProblem, type PackProblem } from '../engine/pack/format';
import { checkPackShape } from '../engine/pack/runtime-check';
import type { Pack } from '../engine/pack/schema';
import type { SignatureChunk } from './chunk-signature';
import { loadChunk } from './chunks';
import type { WidgetConfig } from './config';

/**
 * Fetches the pack the host named, checks its signature over the exact bytes when the host gave a
 * public key (nothing unverified is parsed then; the checking code is a chunk fetched only for a
 * signed pack), and its shape with the zod-free runtime check.
 */
export type LoadedPack = { ok: true; pack: Pack } | { ok: false; message: string };

const fail = (problem: PackProblem): LoadedPack => ({
  ok: false,
  message: problem.details?.length ? `${problem.message} ${problem.details[0]}` : problem.message,
});

async function download(url: string): Promise<Uint8Array | string> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return `HTTP ${response.status} ${url}`;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return `network error ${url}`;
  }
}

const NOT_LOADED = ['Không tải được gói hướng dẫn, nên không hiện nút “Hướng dẫn”.', 'Could not download the pack:'] as const;

export async function loadPack(config: WidgetConfig): Promise<LoadedPack> {
  const bytes = await download(config.pack);
  if (typeof bytes === 'string') return { ok: false, message: `${NOT_LOADED[0]} (${NOT_LOADED[1]} ${bytes})` };
  if (bytes.length > PACK_LIMITS.maxBytes) return fail(packProblem('size', `${bytes.length} bytes, at most ${PACK_LIMITS.maxBytes}.`));
  if (config.publicKey) {
    const signature = await download(config.signature ?? `${config.pack}.sig`);
    const text = typeof signature === 'string' ? '' : new TextDecoder().decode(signature).trim();
    // The checking code is fetched only for a signed pack; if it cannot load, the pack stays unverified.
    const verified = await loadChunk<SignatureChunk>('signature').then(
      ({ verifySignature }) => verifySignature(bytes, text, [config.publicKey!]),
      () => false,
    );
    if (!verified) return fail(packProblem('signature'));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return fail(packProblem('malformed', (error as Error).message));
  }
  const shape = checkPackShape(json);
  if (!shape.ok) return fail(packProblem('schema', undefined, [`${shape.path}: ${shape.message}`]));
  return { ok: true, pack: shape.pack };
}
