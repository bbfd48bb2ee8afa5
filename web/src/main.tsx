import { shellPainted } from './lib/shell-paint';
import './styles.css';

/*
 * The entry is small on purpose: it lets the browser show the page shell (the featured title the
 * server painted into it) before the app's code is fetched and run, then starts the app.
 */
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
await shellPainted();
const { start } = await import('./app/start');
start(root);
