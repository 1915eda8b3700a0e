import { MALFORMED_WORDS, PACK_LIMITS, problemMessage, SCHEMA_WORDS, SIGNATURE_WORDS, SIZE_WORDS, sizeDetail } from '../engine/pack/format';
import { checkPackShape } from '../engine/pack/runtime-check';
import type { Pack } from '../engine/pack/schema';
import type { SignatureChunk } from './chunk-signature';
import { loadChunk } from './chunks';
import type { WidgetConfig } from './config';

/**
 * Fetches the pack the host named, checks its signature over the exact bytes when the host gave a
 * public key (nothing unverified is parsed then; the checking code is a chunk fetched only for a
 * signed pack), and its shape with the zod-free runtime check. A problem comes back as the one line
 * the console error says, Vietnamese first (engine/pack/format.ts).
 */
export type LoadedPack = { ok: true; pack: Pack } | { ok: false; message: string };

const NOT_LOADED = ['Không tải được gói hướng dẫn, nên không hiện nút “Hướng dẫn”.', 'Could not download the pack:'] as const;

async function download(url: string): Promise<Uint8Array | string> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return `HTTP ${response.status} ${url}`;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return `network error ${url}`;
  }
}

export async function loadPack(config: WidgetConfig): Promise<LoadedPack> {
  const fail = (...args: Parameters<typeof problemMessage>): LoadedPack => ({ ok: false, message: problemMessage(...args) });
  const bytes = await download(config.pack);
  if (typeof bytes === 'string') return fail(NOT_LOADED, bytes);
  if (bytes.length > PACK_LIMITS.maxBytes) return fail(SIZE_WORDS, sizeDetail(bytes.length));
  if (config.publicKey) {
    const signature = await download(config.signature ?? `${config.pack}.sig`);
    const text = typeof signature === 'string' ? '' : new TextDecoder().decode(signature).trim();
    // The checking code is fetched only for a signed pack; if it cannot load, the pack stays unverified.
    const verified = await loadChunk<SignatureChunk>('signature').then(
      ({ verifySignature }) => verifySignature(bytes, text, [config.publicKey!]),
      () => false,
    );
    if (!verified) return fail(SIGNATURE_WORDS);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return fail(MALFORMED_WORDS, (error as Error).message);
  }
  const shape = checkPackShape(json);
  return shape.ok ? shape : fail(SCHEMA_WORDS, `${shape.path}: ${shape.message}`);
}
