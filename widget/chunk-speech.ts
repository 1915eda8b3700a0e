import { createPageSpeaker } from '../engine/speech-synthesis';
import { announceChunk } from './chunks';

/** Read-aloud (spoken forms and speechSynthesis): loaded the first time a step is read aloud. */
export type SpeechChunk = { createPageSpeaker: typeof createPageSpeaker };

announceChunk({ createPageSpeaker } satisfies SpeechChunk);
