import type autocannon from 'autocannon';

/** A load whose every request is the next signed-in person's, as a whole organisation's polls arrive. */
export function asEveryone(url: string, tokens: string[], path: (i: number) => string): autocannon.Options {
  let turn = 0;
  return {
    url,
    requests: [
      {
        setupRequest: (req) => {
          const i = turn++ % tokens.length;
          return { ...req, path: path(i), headers: { ...req.headers, authorization: `Bearer ${tokens[i]}` } };
        },
      },
    ],
  };
}
