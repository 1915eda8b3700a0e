import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { downloadBlob } from '../../components/download';
import { EditorPage } from '../../components/editor/EditorPage';
import '../../components/page.css';
import '../../components/editor/editor.css';
import { inspectStep } from '../../extension/authoring/inspect-step';
import { EDITOR_TEXT as T } from '../../extension/authoring/editor-strings';
import { useEditor } from '../../extension/authoring/use-editor';
import { usePrefs } from '../../extension/prefs/use-prefs';

function Editor() {
  const model = useEditor();
  usePrefs(); // the author's text size and contrast, like every other page
  return (
    <EditorPage
      model={model}
      onSave={(name, text) => downloadBlob(name, new Blob([text], { type: 'application/json' }))}
      onInspect={async (json, step) => {
        if (model.tabId === undefined) return T.noPortalTab;
        const result = await inspectStep(model.tabId, json, step);
        return result.ok ? { step, counts: result.counts } : result.error;
      }}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Editor />
  </StrictMode>,
);
