import '../../ui/theme.css';
import './style.css';
import { render } from 'preact';
import { sessionItem } from '../../utils/storage.ts';
import { App } from './app.tsx';

render(<App />, document.getElementById('app')!);
// Another person signed in (or out) in the panel: start again as them.
sessionItem.watch(() => location.reload());
