import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Chrome MV3 by default; `wxt build -b firefox` turns the side panel into a sidebar_action.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  imports: false,
  // The pages are Preact function components in TSX.
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: 'Ask a colleague or a department, or thank them, from any page.',
    // unlimitedStorage: outbox items may hold screenshots, and the 10 MB default must never drop a send.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms', 'contextMenus'],
    // Icons: public/icon/16–128.png, rendered from public/icon/tandem.svg.
    action: { default_title: 'Open Tandem', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Quick capture from any page. Firefox owns Ctrl+Shift+K (Web Console) and Ctrl+Shift+Y (Downloads),
    // so it gets Alt+Shift defaults; people change either in the browser's shortcut settings.
    commands: {
      'quick-ask': {
        suggested_key:
          browser === 'firefox' ? { default: 'Alt+Shift+K' } : { default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' },
        description: 'Ask about this page',
      },
      'quick-thank': {
        suggested_key:
          browser === 'firefox' ? { default: 'Alt+Shift+Y' } : { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: 'Thank someone for this page',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'tandem@tandem.local' } } } : {}),
  }),
  zip: { excludeSources: ['node_modules/**', '.data/**', '.output/**', 'bench/**', 'test/**'] },
});
