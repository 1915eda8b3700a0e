import { verifySignature, type PublicKeyInput } from './crypto';
import { PACK_LIMITS, packProblem, sizeDetail, type InstalledPack, type PackProblem } from './format';
import { jsonPathOf } from '../json-path';
import { foreignOrigins } from './origins';
import { Pack } from './schema';

export type PackVerification = { ok: true; pack: Pack } | PackProblem;

/**
 * Decides whether a downloaded pack may replace the installed one. Cheapest and most decisive
 * first: size, then the signature over the exact bytes (nothing unsigned is parsed), then JSON,
 * allow-listed origins, the schema, and last that it is the same pack in a higher version.
 */
export async function verifyPack(
  bytes: Uint8Array,
  signature: string,
  trustedKeys: readonly PublicKeyInput[],
  installed?: InstalledPack,
): Promise<PackVerification> {
  if (bytes.length > PACK_LIMITS.maxBytes) {
    return packProblem('size', sizeDetail(bytes.length));
  }
  if (!(await verifySignature(bytes, signature, trustedKeys))) return packProblem('signature');
  return checkPackBytes(bytes, installed);
}

/**
 * Everything `verifyPack` checks except the signature. Alone it is only for unsigned local packs
 * in author mode, whose tours then run as drafts.
 */
export function checkPackBytes(bytes: Uint8Array, installed?: InstalledPack): PackVerification {
  if (bytes.length > PACK_LIMITS.maxBytes) {
    return packProblem('size', sizeDetail(bytes.length));
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return packProblem('malformed', (error as Error).message);
  }

  const tours = (json as { tours?: unknown } | null)?.tours;
  if (Array.isArray(tours) && tours.length > PACK_LIMITS.maxTours) {
    return packProblem('size', `${tours.length} tours, at most ${PACK_LIMITS.maxTours}.`);
  }
  const foreign = foreignOrigins(json);
  if (foreign.length) return packProblem('origin', undefined, foreign);

  const parsed = Pack.safeParse(json);
  if (!parsed.success) {
    return packProblem('schema', undefined, parsed.error.issues.map((issue) => `${jsonPathOf(issue.path)}: ${issue.message}`));
  }
  const pack = parsed.data;
  if (installed && pack.packId !== installed.packId) {
    return packProblem('wrong-pack', `Got "${pack.packId}", installed "${installed.packId}".`);
  }
  if (installed && pack.version <= installed.version) {
    return packProblem('older', `Version ${pack.version}, installed ${installed.version}.`);
  }
  return { ok: true, pack };
}
