import '../engine/overlay.css';
import { manifestMatches } from '../engine/sites';
import { startContent } from '../extension/content';

export default defineContentScript({
  matches: manifestMatches(),
  runAt: 'document_idle',
  // Steps may live in iframes (the Ministry of Justice e-form); each frame draws its own steps.
  allFrames: true,
  main(ctx) {
    startContent(ctx.signal);
  },
});
