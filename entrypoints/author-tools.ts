import { startAuthorScript } from '../extension/authoring/tools/script';

// Author mode only: injected by the background into a portal tab when the picker or the recorder starts.
export default defineUnlistedScript(() => startAuthorScript());
