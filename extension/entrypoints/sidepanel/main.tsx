import '../../ui/theme.css';
import './style.css';
import { render } from 'preact';
import { readEarly } from '../../utils/early-read.ts';
import { markScriptReady } from '../../utils/marks.ts';
import { composeIntentItem, outboxItem, pageContextItem, panelIntentItem, seenInboxItem } from '../../utils/storage.ts';
import { App } from './app.tsx';

markScriptReady();
// Beside the session's read (the app's first render starts it): what a reopened panel or a shortcut shows first,
// and what the signed-in views read once they have rendered (read after that, they answered ~100 ms later).
readEarly(seenInboxItem, composeIntentItem, pageContextItem, outboxItem, panelIntentItem);

render(<App />, document.getElementById('app')!);
