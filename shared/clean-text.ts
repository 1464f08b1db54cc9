/*
 * Text people type for other people to read. A subject, a name or a thank-you made of nothing but
 * zero-width characters, unusual spaces or combining marks shows as a blank: it says nothing, and
 * in a list it looks like a glitch or a spoof. Every such field goes through these two helpers.
 */

/**
 * Explicit bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): RLO makes `gnp.exe` show as
 * `exe.png`, and an unclosed one reverses whatever the page shows after the text. Nobody needs them
 * to write Arabic or Hebrew (the bidi algorithm, LRM/RLM and the isolates do it), so they go.
 */
const bidiOverrides = /[\u202A-\u202E]/g;

/** Invisible characters that mean nothing at either end of a text (ZWSP, ZWNJ, ZWJ, marks, joiners, isolates). */
const invisibleEdges =
  /^[\s\u061C\u180E\u200B-\u200F\u2060-\u2064\u2066-\u2069\uFEFF]+|[\s\u061C\u180E\u200B-\u200F\u2060-\u2064\u2066-\u2069\uFEFF]+$/g;

/**
 * Something that shows: not white space, not a control or format character, not a combining mark
 * alone (it has nothing to sit on), and not the blank letters used for invisible names (Hangul
 * fillers, the blank Braille pattern).
 */
const visible = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** Drops bidi overrides anywhere and invisible characters at both ends. */
export const cleanText = (text: string) => text.replace(bidiOverrides, '').replace(invisibleEdges, '');

/** Whether a person reading the text would see anything. */
export const hasVisibleText = (text: string | undefined) => !!text && visible.test(text);
