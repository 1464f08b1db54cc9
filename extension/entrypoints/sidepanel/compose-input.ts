import type { Importance } from '../../../shared/asks.ts';

export type Mode = 'ask' | 'thank';

/** What the Ask fields hold, as typed. */
export interface AskInput {
  subject: string;
  details: string;
  /** YYYY-MM-DD, or '' for none. */
  expectedBy: string;
  importance: Importance;
  /** Attach the page the panel was opened on (when there is one). */
  attach: boolean;
  /** A screenshot (data URL) of the page at `url`, when the person took one: it goes with that page only. */
  screenshot: { url: string; image: string } | null;
}

/** What the Thank fields hold, as typed. */
export interface ThankInput {
  message: string;
  values: string[];
  private: boolean;
}

export const emptyAsk: AskInput = {
  subject: '',
  details: '',
  expectedBy: '',
  importance: 'normal',
  attach: true,
  screenshot: null,
};
export const emptyThank: ThankInput = { message: '', values: [], private: false };

/** The composer's fields that can carry an error, in the order they show (the first one gets the focus). */
export const fieldKeys = ['to', 'subject', 'details', 'importance', 'expectedBy', 'message', 'values'] as const;
export type FieldKey = (typeof fieldKeys)[number];
export type FieldErrors = Partial<Record<FieldKey, string>>;

const keyOfInput: Partial<Record<keyof AskInput | keyof ThankInput, FieldKey>> = {
  subject: 'subject',
  details: 'details',
  expectedBy: 'expectedBy',
  importance: 'importance',
  message: 'message',
  values: 'values',
};

/** The fields (that can carry an error) an edit of the Ask or Thank input touched. */
export const keysOf = (patch: Partial<AskInput> | Partial<ThankInput>): FieldKey[] =>
  Object.keys(patch).flatMap((k) => keyOfInput[k as keyof typeof keyOfInput] ?? []);
