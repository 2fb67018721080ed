/**
 * Seeded randomness as data. The engine never calls Math.random(): drivers pass an Rng in.
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state), seeded through splitmix32.
 */

/** The whole generator state: four unsigned 32-bit words. Plain data, so it can be stored and resumed. */
export type RngState = readonly [number, number, number, number];

export interface Rng {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** The current state, to save or to resume with `rngFromState`. */
  state(): RngState;
}

const splitmix32 = (x: number): number => {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
};

/** Mixes a seed and an index into a new seed: run i of a Monte Carlo gets deriveSeed(seed, i) on any worker. */
export function deriveSeed(seed: number, index: number): number {
  return splitmix32(splitmix32(seed >>> 0) ^ (index >>> 0));
}

/** sfc32 with its state in an Int32Array: one class, so a hot loop's `rng.next()` has one shape to inline. */
class Sfc32 implements Rng {
  // Typed-array words stay raw int32 (object fields would box the words above 2^30 on every draw).
  private readonly words: Int32Array;

  constructor(initial: RngState) {
    // Word by word: Int32Array.from walks an iterator, a cost on every Monte Carlo run's createRng.
    const words = new Int32Array(4);
    words[0] = initial[0];
    words[1] = initial[1];
    words[2] = initial[2];
    words[3] = initial[3];
    this.words = words;
  }

  next(): number {
    const s = this.words;
    const a = s[0] as number;
    const b = s[1] as number;
    const c = s[2] as number;
    const d = s[3] as number;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  }

  state(): RngState {
    const s = this.words;
    return [(s[0] as number) >>> 0, (s[1] as number) >>> 0, (s[2] as number) >>> 0, (s[3] as number) >>> 0];
  }
}

export const rngFromState = (initial: RngState): Rng => new Sfc32(initial);

/**
 * A generator from an integer seed.
 * @example const rng = createRng(42); rng.next(); // 0.4318…, the same on every machine
 */
export function createRng(seed: number): Rng {
  const s0 = splitmix32(seed >>> 0);
  const s1 = splitmix32(s0);
  const s2 = splitmix32(s1);
  const s3 = splitmix32(s2);
  const rng = rngFromState([s0, s1, s2, s3]);
  for (let i = 0; i < 12; i++) rng.next(); // discard the first outputs, as sfc32's author recommends
  return rng;
}

/** An integer in [min, max], inclusive. */
export const randomInt = (rng: Rng, min: number, max: number): number => min + Math.floor(rng.next() * (max - min + 1));

/** A normal draw (Box–Muller). */
export function randomNormal(rng: Rng, mean: number, sd: number): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
