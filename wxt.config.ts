import preact from '@preact/preset-vite';
import type {} from '@wxt-dev/i18n/module'; // its `i18n` option's type
import { defineConfig } from 'wxt';
import { chromeKey, geckoId } from './extension/utils/extension-ids.ts';

/**
 * Vite wraps each `import()` in a helper that preloads the chunk's dependencies and CSS (~0.7 kB gzip in the
 * side panel's first-paint script). Extension pages load from the extension's own files, so preloading gains
 * nothing: the helper just loads. A lazily loaded view keeps its styles in its page's CSS (its chunk has none).
 */
const noPreloadHelper = {
  name: 'tandem:no-preload-helper',
  enforce: 'pre' as const,
  load: (id: string) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : null),
};

/** The pseudo-locale build (test/support/pseudo-locale.ts): longer, accented words, for the width test. */
const pseudo = process.env.TANDEM_PSEUDO_LOCALE === '1';

// Chrome MV3 by default; `wxt build -b firefox` turns the side panel into a sidebar_action.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  outDirTemplate: pseudo ? '{{browser}}-mv{{manifestVersion}}-pseudo' : undefined,
  imports: false,
  // Every word the extension shows comes from extension/locales/<locale>.yml, through `i18n.t`.
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: pseudo ? '.wxt/pseudo-locales' : undefined },
  // The pages are Preact function components in TSX.
  // Extension pages run in browsers that preload modules themselves: no polyfill for it in every page; and
  // nothing for a lazily loaded chunk to preload (see noPreloadHelper), while pages keep their preload links.
  vite: () => ({
    plugins: [preact(), noPreloadHelper],
    build: {
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file: string, deps: string[], { hostType }: { hostType: 'html' | 'js' }) =>
          hostType === 'html' ? deps : [],
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Tandem',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // unlimitedStorage: outbox items may hold screenshots, and the 10 MB default must never drop a send.
    // identity: company sign-in's browser sign-in window (launchWebAuthFlow), in Chrome and Firefox alike.
    // notifications: what concerns the person, from the background (utils/notifications.ts).
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      'alarms',
      'contextMenus',
      'identity',
      'notifications',
    ],
    // Icons: public/icon/16–128.png, rendered from public/icon/tandem.svg.
    action: { default_title: '__MSG_manifest_openTandem__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Quick capture from any page. Firefox owns Ctrl+Shift+K (Web Console) and Ctrl+Shift+Y (Downloads),
    // so it gets Alt+Shift defaults; people change either in the browser's shortcut settings.
    commands: {
      'quick-ask': {
        suggested_key:
          browser === 'firefox' ? { default: 'Alt+Shift+K' } : { default: 'Ctrl+Shift+K', mac: 'Command+Shift+K' },
        description: '__MSG_manifest_quickAsk__',
      },
      'quick-thank': {
        suggested_key:
          browser === 'firefox' ? { default: 'Alt+Shift+Y' } : { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: '__MSG_manifest_quickThank__',
      },
    },
    // A fixed id wherever Tandem is installed, so policies can name it (README, "Roll out to your company").
    // The server address an administrator sets comes through managed storage: Chrome validates it against
    // this schema; Firefox reads policies.json's 3rdparty section and takes no schema.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: geckoId } } }
      : { key: chromeKey, storage: { managed_schema: 'managed_schema.json' } }),
  }),
  zip: { excludeSources: ['node_modules/**', '.data/**', '.output/**', 'bench/**', 'test/**'] },
});
