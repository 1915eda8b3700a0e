import { verifySignature } from '../engine/pack/crypto';
import { announceChunk } from './chunks';

/** Pack signature checking: loaded only when the host gives a public key. */
export type SignatureChunk = { verifySignature: typeof verifySignature };

announceChunk({ verifySignature } satisfies SignatureChunk);
