import { execFileSync } from 'node:child_process';

/**
 * Global setup of the workerd project: the Worker's static assets (the published contract), written as
 * wrangler's [build] writes them before a deploy. The pool refuses to start without the folder, and a fresh
 * build keeps it from serving an older contract.
 */
export default function writeWorkerAssets() {
  execFileSync('npm', ['run', '--silent', 'worker:assets'], { stdio: 'inherit' });
}
