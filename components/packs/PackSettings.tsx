import { usePacks } from '../../extension/packs/use-packs';
import { LocalPackPanel } from './LocalPackPanel';
import { PackSection } from './PackSection';
import './packs.css';

/** The options page's tour-pack section, wired to the background; the local-pack part in author mode only. */
export function PackSettings() {
  const packs = usePacks();
  const { view } = packs;
  return (
    <PackSection status={view?.signed ?? null} busy={packs.busy} notice={packs.notice} onSave={packs.save} onCheck={packs.check} onRemove={packs.remove}>
      {view?.authorMode && <LocalPackPanel view={view} busy={packs.busy} notice={packs.notice} onLoad={packs.loadLocal} onRemove={packs.removeLocal} />}
    </PackSection>
  );
}
