import '../../ui/theme.css';
import './style.css';
import { render } from 'preact';
import { markScriptReady } from '../../utils/marks.ts';
import { App } from './app.tsx';

markScriptReady();

render(<App />, document.getElementById('app')!);
