import Decimal from "decimal.js";
import { Money, ZERO, sumMoney } from "./money";

/** Enough digits that the products and quotients of plan amounts in cents are exact integers. */
const Exact = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_DOWN });
type Exact = InstanceType<typeof Exact>;

function sumExact(values: readonly Exact[]): Exact {
  return values.reduce((total, value) => total.plus(value), new Exact(0));
}

/**
 * Divides an amount in cents by weights, exactly: each share is its exact part rounded down to the cent, and the
 * cents left over go one each to the shares that lost the most in rounding (the largest-remainder rule, as seat
 * apportionment uses it), the earlier share first on a tie. The shares add up to the amount, and each is within a
 * cent of its exact part. All weights zero divides equally.
 *
 * `amount` must be whole cents and not negative, the weights not negative; callers refuse other input with a
 * reason the officer can act on, so here it is a programming error.
 */
export function apportion(amount: Money, weights: readonly Money[]): Money[] {
  if (weights.length === 0) throw new RangeError("apportion: nothing to divide among");
  if (amount.isNegative() || !amount.times(100).isInteger()) throw new RangeError(`apportion: ${amount} is not cents`);
  if (weights.some((weight) => weight.isNegative())) throw new RangeError("apportion: a negative weight");
  const total = sumMoney(weights);
  const parts = total.isZero() ? weights.map(() => new Exact(1)) : weights.map((weight) => new Exact(weight));
  const partsTotal = total.isZero() ? new Exact(weights.length) : new Exact(total);
  const cents = new Exact(amount).times(100);
  // Share i is cents·part/total: its whole cents and the remainder are computed as integers over one
  // denominator, so no rounding of a quotient can turn 2.999… into 3.
  const numerators = parts.map((part) => cents.times(part));
  const shares = numerators.map((numerator) => numerator.dividedToIntegerBy(partsTotal));
  let left = cents.minus(sumExact(shares)).toNumber();
  const byRemainder = numerators
    .map((numerator, index) => ({ index, remainder: numerator.modulo(partsTotal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] = shares[index].plus(1);
    left--;
  }
  return shares.map((share) => new Decimal(share.dividedBy(100).toFixed(2)));
}

/** Equal shares of an amount in cents, the first ones a cent larger when it does not divide evenly. */
export function apportionEqually(amount: Money, count: number): Money[] {
  return apportion(
    amount,
    Array.from({ length: count }, () => ZERO),
  );
}
