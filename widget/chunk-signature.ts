import { verifySignature } from '../engine/pack/crypto';

/** Pack signature checking: loaded only when the host gives a public key. */
export { verifySignature };
export type SignatureChunk = { verifySignature: typeof verifySignature };
