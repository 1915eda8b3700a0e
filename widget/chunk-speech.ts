import { createPageSpeaker } from '../engine/speech-synthesis';

/** Read-aloud (spoken forms and speechSynthesis): loaded the first time a step is read aloud. */
export { createPageSpeaker };
export type SpeechChunk = { createPageSpeaker: typeof createPageSpeaker };
