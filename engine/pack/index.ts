/**
 * Tour packs, for extension pages and the CLIs (this entry carries zod). The widget and content
 * script import `./runtime-check` and `./format` instead.
 */
export { canonicalBytes, canonicalJson } from './canonical';
export { fromBase64, generatePackKeyPair, signBytes, toBase64, verifySignature, type PackKeyPair, type PublicKeyInput } from './crypto';
export { DRAFT_MARKER, PACK_LIMITS, packFileName, type InstalledPack, type PackProblem, type PackRejection } from './format';
export { foreignOrigins } from './origins';
export { Pack, type PackInput } from './schema';
export { checkPackBytes, verifyPack, type PackVerification } from './verify';
