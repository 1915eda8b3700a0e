import { startBackground } from '../extension/background';

export default defineBackground({ type: 'module', main: startBackground });
