import '../../ui/theme.css';
import './style.css';
import './pulses.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { sessionItem } from '../../utils/storage.ts';
import { App } from './app.tsx';

// index.html's <title> is only what shows before this runs.
document.title = i18n.t('leaderboard.app.documentTitle');
render(<App />, document.getElementById('app')!);
// Another person signed in (or out) in the panel: start again as them.
sessionItem.watch(() => location.reload());
