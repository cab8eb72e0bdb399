import { Transform } from "node:stream";

/**
 * The stream a page's HTML goes through on its way out, with React's padding taken out.
 *
 * React 18.3's Node renderer collects HTML in 2 KB buffers. When the next character does not fit in
 * what is left of a buffer (a 2- or 3-byte character, with 1 or 2 bytes left), it sends the whole
 * buffer, not the part it filled. So the page gets 1 or 2 zero bytes there. Any page with a character
 * beyond ASCII can be hit: every language, English too (its dashes and curly quotes). A browser drops
 * a zero byte in text. In an attribute or a script it becomes "\ufffd", which can change a label or
 * break the page's data.
 *
 * A page never needs a raw zero byte: JSON writes one as \u0000, and every form's values lose their
 * control characters when they arrive (`withoutControlCharacters`). So every zero byte is taken out:
 * one `indexOf` per chunk, and a copy only when one is found. `html-stream.server.test.ts` fails if
 * React stops padding; this can then go.
 */
export function htmlWithoutPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) out[length++] = byte;
      done(null, out.subarray(0, length));
    },
  });
}
