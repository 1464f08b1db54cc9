import { defineConfig } from 'wxt';

// Chrome MV3 by default; `wxt build -b firefox` turns the side panel into a sidebar_action.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: 'Ask a colleague or a department, or thank them, from any page.',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    action: { default_title: 'Open Tandem' },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'tandem@tandem.local' } } } : {}),
  }),
  zip: { excludeSources: ['node_modules/**', '.data/**', '.output/**', 'bench/**', 'test/**'] },
});
