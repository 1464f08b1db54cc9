import '../../ui/theme.css';
import './style.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { App } from './app.tsx';

// index.html's title is the English fallback; the catalogue's is set before anything shows.
document.title = i18n.t('settings.app.documentTitle');
render(<App />, document.getElementById('app')!);
