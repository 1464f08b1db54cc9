/** Limits shared by the server (enforced) and the extension (early feedback). */
export const limits = {
  subject: 140,
  details: 4000,
  thankMessage: 1000,
  url: 2048,
  pageTitle: 300,
  selection: 2000,
  recipientsPerThank: 10,
  valuesPerThank: 3,
  idempotencyKey: 100,
  searchQuery: 80,
  pageSize: 50,
  reply: 4000,
  ratingComment: 1000,
} as const;

/** A screenshot's decoded size at most: a JPEG of a visible tab is 50–400 KB. */
export const screenshotMaxBytes = 1024 * 1024;
