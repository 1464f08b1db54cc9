import { type ChildProcess, spawn } from 'node:child_process';
import dbus from 'dbus-next';

/*
 * The desktop's notification service, as Chromium on Linux talks to it: the freedesktop.org Notifications
 * interface on a D-Bus session bus of the test's own. Chromium shows each notification through it (Notify)
 * and hears clicks from it (ActionInvoked): a click here is the one a person makes on the desktop's popup,
 * handed to the extension as a user gesture, exactly as on a real desktop.
 */

export interface DesktopNotification {
  id: number;
  title: string;
  body: string;
  /** Chromium's action keys and labels: '0' for the first button, 'default' for a click on the popup. */
  actions: Record<string, string>;
}

export interface DesktopNotifications {
  /** For the browser's environment: its session bus. */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  /** What the browser asked the desktop to show, oldest first. */
  shown: DesktopNotification[];
  /** A click on the popup (or on one of its buttons, by action key). */
  click(id: number, action?: string): void;
  stop(): Promise<void>;
}

const { Interface } = dbus.interface;

class NotificationsInterface extends Interface {
  shown: DesktopNotification[] = [];
  GetCapabilities() {
    return ['actions', 'body'];
  }
  Notify(_app: string, replaces: number, _icon: string, title: string, body: string, actions: string[]) {
    const id = replaces || this.shown.length + 1;
    const pairs: Record<string, string> = {};
    for (let i = 0; i + 1 < actions.length; i += 2) pairs[actions[i]] = actions[i + 1];
    this.shown.push({ id, title, body, actions: pairs });
    return id;
  }
  CloseNotification(_id: number) {}
  GetServerInformation() {
    return ['tandem-test', 'tandem', '1', '1.2'];
  }
  ActionInvoked(id: number, action: string) {
    return [id, action];
  }
  NotificationClosed(id: number, reason: number) {
    return [id, reason];
  }
}
NotificationsInterface.configureMembers({
  methods: {
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
  },
  signals: { ActionInvoked: { signature: 'us' }, NotificationClosed: { signature: 'uu' } },
});

/** Starts a session bus and the notification service on it; the browser launched with `env` uses them. */
export async function desktopNotifications(): Promise<DesktopNotifications> {
  const daemon: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    daemon.once('error', reject);
    daemon.stdout?.once('data', (d) => resolve(String(d).trim()));
  });
  const bus = dbus.sessionBus({ busAddress: address });
  const service = new NotificationsInterface('org.freedesktop.Notifications');
  bus.export('/org/freedesktop/Notifications', service);
  await bus.requestName('org.freedesktop.Notifications', 0);
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    shown: service.shown,
    click(id, action = 'default') {
      service.ActionInvoked(id, action);
      service.NotificationClosed(id, 2); // dismissed by the user, as a desktop does after a click
    },
    async stop() {
      bus.disconnect();
      daemon.kill();
    },
  };
}
