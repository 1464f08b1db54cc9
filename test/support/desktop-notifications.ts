import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

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

/** What these tests use of @homebridge/dbus-native (its own types stop at the client side). */
interface MessageBus {
  connection: { end(): void };
  requestName(name: string, flags: number, done: (error: unknown, code: number) => void): void;
  exportInterface(
    service: object,
    path: string,
    description: { name: string; methods: Record<string, string[]>; signals: Record<string, string[]> },
  ): void;
}
const dbus = createRequire(import.meta.url)('@homebridge/dbus-native') as {
  sessionBus(options: { busAddress: string }): MessageBus;
};

/** The freedesktop.org Notifications interface, as far as Chromium and Firefox use it. */
const notificationsInterface = {
  name: 'org.freedesktop.Notifications',
  methods: {
    GetCapabilities: ['', 'as'],
    Notify: ['susssasa{sv}i', 'u'],
    CloseNotification: ['u', ''],
    GetServerInformation: ['', 'ssss'],
  },
  signals: { ActionInvoked: ['us', 'id', 'action_key'], NotificationClosed: ['uu', 'id', 'reason'] },
};

/** The service: it records what it is asked to show; its `emit` sends the signals (dbus-native wraps it). */
function notificationService() {
  const shown: DesktopNotification[] = [];
  const service = {
    shown,
    GetCapabilities: () => ['actions', 'body'],
    Notify(_app: string, replaces: number, _icon: string, title: string, body: string, actions: string[]) {
      const pairs: Record<string, string> = {};
      for (let i = 0; i + 1 < actions.length; i += 2) pairs[actions[i]] = actions[i + 1];
      // An update of one still shown replaces it, as on a desktop.
      const index = replaces ? shown.findIndex((n) => n.id === replaces) : -1;
      const id = index >= 0 ? replaces : (shown.at(-1)?.id ?? 0) + 1;
      shown.splice(index >= 0 ? index : shown.length, index >= 0 ? 1 : 0, { id, title, body, actions: pairs });
      return id;
    },
    CloseNotification() {},
    GetServerInformation: () => ['tandem-test', 'tandem', '1', '1.2'],
    emit(_signal: string, ..._args: unknown[]) {},
  };
  return service;
}

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
  const service = notificationService();
  bus.exportInterface(service, '/org/freedesktop/Notifications', notificationsInterface);
  await new Promise<void>((resolve, reject) =>
    bus.requestName(notificationsInterface.name, 4, (error) => (error ? reject(error) : resolve())),
  );
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    shown: service.shown,
    click(id, action = 'default') {
      service.emit('ActionInvoked', id, action);
      service.emit('NotificationClosed', id, 2); // dismissed by the user, as a desktop does after a click
    },
    async stop() {
      bus.connection.end();
      daemon.kill();
    },
  };
}
