import { installStepInspector } from '../extension/authoring/step-inspector';

/**
 * Injected by the editor's "Kiểm tra bước này" into every frame of the tab it checks (never part of
 * the content script): leaves one function on the page's isolated world for the editor to call.
 */
export default defineUnlistedScript(() => installStepInspector());
