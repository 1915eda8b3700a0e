import { usePacks } from '../../extension/packs/use-packs';
import { PackSection } from './PackSection';
import './packs.css';

/** The options page's tour-pack section, wired to the background. */
export function PackSettings() {
  const packs = usePacks();
  return <PackSection status={packs.status} busy={packs.busy} notice={packs.notice} onSave={packs.save} onCheck={packs.check} onRemove={packs.remove} />;
}
