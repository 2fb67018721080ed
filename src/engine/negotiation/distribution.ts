/**
 * One type for every uncertain number of the engine: Monte Carlo inputs (reservation values, strategy parameters,
 * CPI paths, exchange rates, lapse) and the thresholds of the two-level ratification model. The same shapes draw the
 * same way everywhere, so a scenario's input and a bloc's threshold read alike.
 */
import { normalCdf, normalQuantile } from '../bargaining/normal.js';
import { randomNormal, type Rng } from '../random/rng.js';

/** A stated distribution. A normal with `min`/`max` is clamped to them (the clamped mass sits on the bound). */
export type Distribution =
  | { readonly kind: 'point'; readonly value: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'normal';
      readonly mean: number;
      readonly sd: number;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  | {
      readonly kind: 'discrete';
      readonly outcomes: readonly { readonly value: number; readonly probability: number }[];
    }
  | {
      readonly kind: 'mixture';
      readonly components: readonly { readonly weight: number; readonly distribution: Distribution }[];
    };

const unit = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;

/**
 * One draw. Point draws nothing; uniform, triangular, discrete and mixture one uniform each (a mixture then its
 * component's); normal by Box–Muller (rng.ts `randomNormal`).
 * @example draw({ kind: 'uniform', min: 0, max: 1 }, createRng(1))
 */
export function draw(d: Distribution, rng: Rng): number {
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'normal': {
      const x = randomNormal(rng, d.mean, d.sd);
      return Math.min(d.max ?? Infinity, Math.max(d.min ?? -Infinity, x));
    }
    case 'triangular': {
      const u = rng.next();
      const c = (d.mode - d.min) / (d.max - d.min);
      return u < c
        ? d.min + Math.sqrt(u * (d.max - d.min) * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * (d.max - d.min) * (d.max - d.mode));
    }
    case 'discrete':
    case 'mixture': {
      const items =
        d.kind === 'discrete'
          ? d.outcomes.map((o) => ({ weight: o.probability, draw: () => o.value }))
          : d.components.map((c) => ({ weight: c.weight, draw: () => draw(c.distribution, rng) }));
      let u = rng.next();
      for (const item of items) {
        if (u < item.weight) return item.draw();
        u -= item.weight;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('empty distribution');
      return last.draw();
    }
  }
}

/**
 * Steps the generator exactly as `draw(d, rng)` would, without computing the value: for draws whose value nobody reads
 * (a Monte Carlo chunk's CPI path), where Box–Muller's log, square root and cosine are most of a normal draw's cost.
 * @example skipDraw({ kind: 'normal', mean: 0.02, sd: 0.01 }, rng) // two uniforms, as draw takes
 */
export function skipDraw(d: Distribution, rng: Rng): void {
  switch (d.kind) {
    case 'point':
      return;
    case 'uniform':
    case 'triangular':
    case 'discrete':
      rng.next();
      return;
    case 'normal':
      rng.next();
      rng.next();
      return;
    case 'mixture': {
      // the component draw() picks with the same uniform, then that component's draws
      let u = rng.next();
      for (const c of d.components) {
        if (u < c.weight) return skipDraw(c.distribution, rng);
        u -= c.weight;
      }
      const last = d.components[d.components.length - 1];
      if (!last) throw new Error('empty distribution');
      return skipDraw(last.distribution, rng);
    }
  }
}

/** P(X < x) (strict) or P(X ≤ x): exact for every kind, the clamped bounds of a normal included. */
export function probabilityBelow(d: Distribution, x: number, inclusive: boolean): number {
  const below = (v: number): boolean => (inclusive ? v <= x : v < x);
  switch (d.kind) {
    case 'point':
      return below(d.value) ? 1 : 0;
    case 'uniform':
      if (d.max === d.min) return below(d.min) ? 1 : 0;
      return Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
    case 'normal': {
      // Clamping puts the tails' mass on the bounds: a point mass at each bound that is given.
      if (d.min !== undefined && !below(d.min)) return 0;
      if (d.max !== undefined && below(d.max)) return 1;
      return d.sd === 0 ? (below(d.mean) ? 1 : 0) : normalCdf((x - d.mean) / d.sd);
    }
    case 'triangular': {
      if (d.max === d.min) return below(d.min) ? 1 : 0;
      if (x <= d.min) return 0;
      if (x >= d.max) return 1;
      const width = d.max - d.min;
      return x <= d.mode
        ? (x - d.min) ** 2 / (width * (d.mode - d.min))
        : 1 - (d.max - x) ** 2 / (width * (d.max - d.mode));
    }
    case 'discrete':
      return d.outcomes.reduce((s, o) => s + (below(o.value) ? o.probability : 0), 0);
    case 'mixture':
      return d.components.reduce((s, c) => s + c.weight * probabilityBelow(c.distribution, x, inclusive), 0);
  }
}

/** Why a distribution is not one (null when it is). */
export function distributionProblem(d: Distribution): string | null {
  const total = (ws: readonly number[]): boolean =>
    ws.every((w) => unit(w)) && Math.abs(ws.reduce((a, w) => a + w, 0) - 1) < 1e-9;
  switch (d.kind) {
    case 'point':
      return Number.isFinite(d.value) ? null : 'value not finite';
    case 'uniform':
      return Number.isFinite(d.min) && Number.isFinite(d.max) && d.min <= d.max ? null : 'needs min ≤ max';
    case 'normal':
      if (!(Number.isFinite(d.mean) && Number.isFinite(d.sd) && d.sd >= 0)) return 'needs sd ≥ 0';
      return d.min !== undefined && d.max !== undefined && d.min > d.max ? 'needs min ≤ max' : null;
    case 'triangular':
      return [d.min, d.mode, d.max].every(Number.isFinite) && d.min <= d.mode && d.mode <= d.max
        ? null
        : 'needs min ≤ mode ≤ max';
    case 'discrete':
      return d.outcomes.length > 0 && total(d.outcomes.map((o) => o.probability))
        ? null
        : 'probabilities must sum to 1';
    case 'mixture':
      if (!(d.components.length > 0 && total(d.components.map((c) => c.weight)))) return 'weights must sum to 1';
      return d.components.map((c) => distributionProblem(c.distribution)).find((r) => r !== null) ?? null;
  }
}

/**
 * The p-quantile, the least x with P(X ≤ x) ≥ p: closed forms for point, uniform, normal (clamped to its bounds)
 * and triangular; the discrete outcomes in order; bisection on `probabilityBelow` for a mixture.
 * @example distributionQuantile({ kind: 'uniform', min: 0, max: 1 }, 0.1) // 0.1
 */
export function distributionQuantile(d: Distribution, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`distributionQuantile needs p in (0, 1), got ${p}`);
  switch (d.kind) {
    case 'point':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * p;
    case 'normal':
      return Math.min(d.max ?? Infinity, Math.max(d.min ?? -Infinity, d.mean + d.sd * normalQuantile(p)));
    case 'triangular': {
      const c = d.max === d.min ? 0 : (d.mode - d.min) / (d.max - d.min);
      return p < c
        ? d.min + Math.sqrt(p * (d.max - d.min) * (d.mode - d.min))
        : d.max - Math.sqrt((1 - p) * (d.max - d.min) * (d.max - d.mode));
    }
    case 'discrete': {
      const sorted = [...d.outcomes].sort((a, b) => a.value - b.value);
      let total = 0;
      for (const o of sorted) {
        total += o.probability;
        if (total >= p - 1e-12) return o.value;
      }
      return sorted[sorted.length - 1]?.value ?? NaN;
    }
    case 'mixture': {
      // The mixture's support lies within its components' 1e-9 and 1 − 1e-9 quantiles.
      let lo = Math.min(...d.components.map((c) => distributionQuantile(c.distribution, 1e-9)));
      let hi = Math.max(...d.components.map((c) => distributionQuantile(c.distribution, 1 - 1e-9)));
      for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
        const mid = (lo + hi) / 2;
        if (probabilityBelow(d, mid, true) >= p) hi = mid;
        else lo = mid;
      }
      return hi;
    }
  }
}

/**
 * The distribution held at `value` that consumes the same random numbers as `d` does, so that every later draw of
 * a run is the one it would have been (common random numbers): a uniform or triangular becomes a uniform on
 * [value, value] (one uniform), a normal a normal of sd 0 (Box–Muller's two), a discrete or mixture keeps its
 * weights with every outcome or component held at value.
 */
export function pinDistribution(d: Distribution, value: number): Distribution {
  switch (d.kind) {
    case 'point':
      return { kind: 'point', value };
    case 'uniform':
    case 'triangular':
      return { kind: 'uniform', min: value, max: value };
    case 'normal':
      return { kind: 'normal', mean: value, sd: 0 };
    case 'discrete':
      return { kind: 'discrete', outcomes: d.outcomes.map((o) => ({ value, probability: o.probability })) };
    case 'mixture':
      return {
        kind: 'mixture',
        components: d.components.map((c) => ({
          weight: c.weight,
          distribution: pinDistribution(c.distribution, value),
        })),
      };
  }
}
