import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { downloadBlob } from '../../components/download';
import { EditorPage } from '../../components/editor/EditorPage';
import '../../components/page.css';
import '../../components/editor/editor.css';
import { useEditor } from '../../extension/authoring/use-editor';
import { usePrefs } from '../../extension/prefs/use-prefs';

function Editor() {
  const model = useEditor();
  usePrefs(); // the author's text size and contrast, like every other page
  return <EditorPage model={model} onSave={(name, text) => downloadBlob(name, new Blob([text], { type: 'application/json' }))} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Editor />
  </StrictMode>,
);
