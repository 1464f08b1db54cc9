import { join } from 'node:path';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { type ScreenshotStore, screenshotStore } from '../blobs/screenshots.ts';

/** Node's screenshots: files under `<dataDir>/blobs`, through unstorage's fs-lite driver. */
export const nodeScreenshots = (dataDir: string): ScreenshotStore =>
  screenshotStore(createStorage({ driver: fsLite({ base: join(dataDir, 'blobs') }) }));
