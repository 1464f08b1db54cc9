import '../../ui/theme.css';
import './style.css';
import { render } from 'preact';
import { readEarly } from '../../utils/early-read.ts';
import { markScriptReady } from '../../utils/marks.ts';
import { composeIntentItem, pageContextItem, seenInboxItem } from '../../utils/storage.ts';
import { App } from './app.tsx';

markScriptReady();
// Beside the session's read (the app's first render starts it): what a reopened panel or a shortcut shows first.
readEarly(seenInboxItem, composeIntentItem, pageContextItem);

render(<App />, document.getElementById('app')!);
