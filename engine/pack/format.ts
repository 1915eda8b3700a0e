/**
 * Tour packs: one JSON file `{ packId, version, publishedAt, tours }` plus a detached signature
 * (`<pack>.json.sig`, base64 of an ECDSA P-256 / SHA-256 signature over the file's exact bytes).
 * This module holds what every reader of a pack shares and carries no zod, so the widget and the
 * content script may import it.
 */
export const PACK_LIMITS = {
  /** bytes of the pack file */
  maxBytes: 1024 * 1024,
  maxTours: 200,
} as const;

/**
 * A pack id is a slug. Its version is a positive whole number, and a reader only ever replaces the
 * installed pack with a higher version of the same pack id.
 */
export const PACK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Marks a text `tours:new` (and later the recorder) wrote for the author to rewrite: never published. */
export const DRAFT_MARKER = '[BẢN NHÁP]';

export type PackRejection = 'signature' | 'older' | 'schema' | 'size' | 'origin' | 'malformed' | 'wrong-pack';

export interface InstalledPack {
  packId: string;
  version: number;
}

export interface PackProblem {
  ok: false;
  reason: PackRejection;
  /** Vietnamese first, then the English in brackets: shown to a team lead, logged for a developer */
  message: string;
  /** JSON paths with what is wrong there, for 'schema' and 'origin' */
  details?: string[];
}

/** Vietnamese and English sentence for each rejection; one constant each, so a reader bundles only those it can say. */
export type ProblemWords = readonly [vi: string, en: string];
export const SIGNATURE_WORDS: ProblemWords = [
  'Gói hướng dẫn không có chữ ký hợp lệ của đơn vị phát hành đã được tin cậy, nên không được dùng.',
  'The pack is not signed by a trusted publisher key.',
];
const OLDER_WORDS: ProblemWords = [
  'Gói hướng dẫn này không mới hơn gói đang dùng, nên giữ nguyên gói đang dùng.',
  'The pack is not newer than the installed one.',
];
export const SCHEMA_WORDS: ProblemWords = [
  'Gói hướng dẫn có nội dung sai quy cách, nên không được dùng.',
  'The pack does not match the pack format.',
];
export const SIZE_WORDS: ProblemWords = [
  'Gói hướng dẫn quá lớn, nên không được dùng.',
  'The pack is over the size limits.',
];
const ORIGIN_WORDS: ProblemWords = [
  'Gói hướng dẫn dẫn tới trang web không nằm trong danh sách trang được phép, nên không được dùng.',
  'A tour in the pack points at a site that is not on the allow-list.',
];
export const MALFORMED_WORDS: ProblemWords = [
  'Tệp gói hướng dẫn bị hỏng, không đọc được.',
  'The pack file is not valid JSON text.',
];
const WRONG_PACK_WORDS: ProblemWords = [
  'Đây là một gói hướng dẫn khác với gói đang dùng, nên không thay thế.',
  'The pack has a different pack id from the installed one.',
];

const MESSAGES: Record<PackRejection, ProblemWords> = {
  signature: SIGNATURE_WORDS,
  older: OLDER_WORDS,
  schema: SCHEMA_WORDS,
  size: SIZE_WORDS,
  origin: ORIGIN_WORDS,
  malformed: MALFORMED_WORDS,
  'wrong-pack': WRONG_PACK_WORDS,
};

/** "Vietnamese (English detail)": how every pack problem is said. */
export function problemMessage([vi, en]: ProblemWords, detail?: string): string {
  return `${vi} (${en}${detail ? ` ${detail}` : ''})`;
}

export function packProblem(reason: PackRejection, detail?: string, details?: string[]): PackProblem {
  const message = problemMessage(MESSAGES[reason], detail);
  return details?.length ? { ok: false, reason, message, details } : { ok: false, reason, message };
}

/** The size problem of a file of `bytes` bytes. */
export const sizeDetail = (bytes: number) => `${bytes} bytes, at most ${PACK_LIMITS.maxBytes}.`;

/** The file name `tours:pack` writes, also what an update channel serves. */
export function packFileName(packId: string, version: number): string {
  return `${packId}-${version}.json`;
}
