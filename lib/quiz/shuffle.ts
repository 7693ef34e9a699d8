// Options in an order of their own for each learner and attempt, so that "the key is usually the
// second option" stops being a strategy. Pure and synchronous: the quiz runner orders options in
// the browser (a guest's quiz works offline), and anything that knows the seed (the attempt id)
// can compute the same order again, on the server as well.
//
// Seed -> order: HMAC-SHA-256 keyed by the seed over (question id, block number) gives a stream of
// 32-bit words; Fisher-Yates draws from it with rejection, so every order is exactly as likely as
// any other (no modulo bias). SHA-256 is written out because Web Crypto is asynchronous and the
// order is needed during render; the test checks it against reference digests.

/** Types whose options carry no order of their own. */
const SHUFFLED_TYPES: ReadonlySet<string> = new Set(["single", "multiple", "scenario", "discern"]);
// Not "true-false": True then False is a convention, not a cue, and swapping it would only
// slow readers down. Not "sort": each item is judged on its own (its pile is the answer, not its
// place), and issue #20 leaves sort items in authored order.

export interface OrderedOption {
  id: string;
  /** "None of these"-style options stay last, in authored order. */
  pinLast?: boolean;
}

/** The options of `question` in the order this seed shows them; other types come back as they are. */
export function shuffleOptions<Q extends { id: string; type: string; options: readonly OrderedOption[] }>(question: Q, seed: string): Q {
  if (!SHUFFLED_TYPES.has(question.type)) return question;
  const order = optionOrder(question.options, seed, question.id);
  return { ...question, options: order.map((i) => question.options[i]) as unknown as Q["options"] };
}

/** Every question of a quiz with its options in this seed's order. */
export function shuffleQuiz<T extends { questions: readonly { id: string; type: string; options: readonly OrderedOption[] }[] }>(quiz: T, seed: string): T {
  return { ...quiz, questions: quiz.questions.map((q) => shuffleOptions(q, seed)) };
}

/** Indices into `options`: the unpinned ones shuffled, then the pinned ones in authored order. */
export function optionOrder(options: readonly OrderedOption[], seed: string, questionId: string): number[] {
  const free = options.flatMap((o, i) => (o.pinLast ? [] : [i]));
  const pinned = options.flatMap((o, i) => (o.pinLast ? [i] : []));
  const next = wordStream(seed, questionId);
  for (let i = free.length - 1; i > 0; i--) {
    const j = drawBelow(next, i + 1);
    [free[i], free[j]] = [free[j], free[i]];
  }
  return [...free, ...pinned];
}

/**
 * A uniform integer in [0, n) from a stream of uniform 32-bit words: words at or above the largest
 * multiple of n are thrown away, so no remainder is favoured.
 */
export function drawBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`cannot draw below ${n}`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  for (;;) {
    const w = next();
    if (w < limit) return w % n;
  }
}

/** 32-bit words of HMAC-SHA-256(seed, "<questionId>\0<block>"), block after block. */
function wordStream(seed: string, questionId: string): () => number {
  const key = utf8(seed);
  let block = 0;
  let words: Uint32Array = new Uint32Array(0);
  let at = 0;
  return () => {
    if (at === words.length) {
      words = hmacSha256(key, utf8(`${questionId}\u0000${block++}`));
      at = 0;
    }
    return words[at++];
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** HMAC-SHA-256 (RFC 2104) as eight big-endian words. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint32Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? wordsToBytes(sha256(key)) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 0x36;
    outer[i] = block[i] ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(wordsToBytes(sha256(inner)), 64);
  return sha256(outer);
}

export function wordsToBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w));
  return out;
}

// prettier-ignore
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) as eight big-endian words. */
export function sha256(message: Uint8Array): Uint32Array {
  const blocks = Math.ceil((message.length + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(message);
  buf[message.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = message.length * 8;
  view.setUint32(buf.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(buf.length - 4, bits >>> 0);
  const H = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const W = new Uint32Array(64);
  for (let b = 0; b < blocks; b++) {
    for (let t = 0; t < 16; t++) W[t] = view.getUint32(b * 64 + t * 4);
    for (let t = 16; t < 64; t++) {
      const s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
      const s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
      W[t] = W[t - 16] + s0 + W[t - 7] + s1;
    }
    let [a, bb, c, d, e, f, g, h] = H;
    for (let t = 0; t < 64; t++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    H[0] += a;
    H[1] += bb;
    H[2] += c;
    H[3] += d;
    H[4] += e;
    H[5] += f;
    H[6] += g;
    H[7] += h;
  }
  return H;
}
