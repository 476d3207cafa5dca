/**
 * From exact shares (real cents) to what each member pays (integer cents).
 */

/**
 * Exact shares are snapped to a millionth of a cent before rounding so that two members with
 * the same exact share, computed along different floating-point paths, tie instead of
 * differing by 1e-12 and being rounded apart.
 */
const SNAP_PER_CENT = 1e6;

export interface RoundSharesOptions {
  /**
   * A member is given a leftover cent only after every member who can take one without going
   * above its bound (e.g. its stand-alone cost, so rounding never breaks individual
   * rationality). Integer cents, same order as the shares.
   */
  upperBoundsCents?: readonly number[];
}

/**
 * Rounds `exactShares` to integer cents that add up exactly to `totalCents`, by the largest
 * remainder method. The difference between `totalCents` and the sum of the exact shares (at
 * most half a cent when the total is the rounded exact total) is first spread equally; each
 * share is then rounded down and the cents left over go one each to the largest remainders.
 * Ties go to the member listed first (deterministic), after members whose upper bound would be
 * exceeded. Every result differs from its (spread) exact share by less than one cent when the
 * exact shares add up to the total within a cent.
 */
export function roundSharesToCents(
  exactShares: readonly number[],
  totalCents: number,
  options: RoundSharesOptions = {},
): number[] {
  if (!Number.isSafeInteger(totalCents))
    throw new RangeError(`totalCents must be an integer, got ${totalCents}`);
  const count = exactShares.length;
  if (count === 0) {
    if (totalCents !== 0) throw new RangeError('Cannot share a non-zero total among nobody');
    return [];
  }
  const exactSum = exactShares.reduce((sum, share) => sum + share, 0);
  if (!Number.isFinite(exactSum)) throw new RangeError('Exact shares must be finite');
  const spread = (totalCents - exactSum) / count;
  const rounded: number[] = new Array(count);
  const remainders: number[] = new Array(count);
  let roundedSum = 0;
  for (let index = 0; index < count; index++) {
    const share = Math.round((exactShares[index]! + spread) * SNAP_PER_CENT) / SNAP_PER_CENT;
    const floor = Math.floor(share);
    rounded[index] = floor;
    remainders[index] = share - floor;
    roundedSum += floor;
  }
  const bounds = options.upperBoundsCents;
  const canTakeCent = (index: number) => bounds === undefined || rounded[index]! + 1 <= bounds[index]!;
  const order = Array.from({ length: count }, (_, index) => index).sort(
    (a, b) => Number(canTakeCent(b)) - Number(canTakeCent(a)) || remainders[b]! - remainders[a]! || a - b,
  );
  // Spreading and snapping keep the leftover within [-1, count + 1]; cycling covers the ends.
  let leftover = totalCents - roundedSum;
  for (let step = 0; leftover > 0; step++, leftover--) rounded[order[step % count]!]! += 1;
  for (let step = 0; leftover < 0; step++, leftover++) rounded[order[count - 1 - (step % count)]!]! -= 1;
  return rounded;
}
