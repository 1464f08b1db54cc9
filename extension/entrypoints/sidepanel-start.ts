import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { askInboxEarly } from '../utils/early-inbox.ts';
import { peekEarly, readEarly } from '../utils/early-read.ts';
import {
  composeIntentItem,
  freshMeItem,
  lastServerItem,
  outboxItem,
  pageContextItem,
  panelIntentItem,
  seenInboxItem,
  sessionItem,
} from '../utils/storage.ts';

/**
 * The side panel's first script: a small classic script at the top of its page, run while the panel's modules
 * load (they have run 20–90 ms later). It starts the storage reads the panel's first render needs and, when the
 * panel opens on the inbox, the inbox's request; the modules take them up (utils/early-read.ts, early-inbox.ts).
 */
export default defineUnlistedScript(() => {
  readEarly(
    sessionItem,
    freshMeItem,
    lastServerItem,
    composeIntentItem,
    pageContextItem,
    seenInboxItem,
    outboxItem,
    panelIntentItem,
  );
  // Opened by a shortcut, the composer comes first and the inbox waits until the page is idle (signed-in.tsx).
  Promise.all([peekEarly(sessionItem), peekEarly(composeIntentItem)])
    .then(([session, intent]) => {
      if (session && !intent) askInboxEarly(session);
    })
    .catch(() => {}); // the panel reads again, and reports
});
