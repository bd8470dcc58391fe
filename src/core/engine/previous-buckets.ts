/**
 * (v2) Which bucket of the previous period stands beside each bucket of the current one, for the
 * previous period drawn as a ghost series over time.
 *
 * The previous period has the current one's length in ms and ends where it starts (`previousRange`),
 * yet the two need not hold the same number of local buckets: a DST change inside either period
 * moves the previous period's start by an hour off a midnight, and a quarter of 92 days reaches
 * back into a fourth month. The extra bucket is then a sliver at the previous period's start, while
 * its end, the current period's start, is a bucket boundary whenever the current range starts on one.
 * So buckets pair by ordinal counted from the end: the last bucket of each period pair, then the
 * one before, and so on; a sliver at the head of the previous period pairs with nothing, and when the
 * previous period has fewer buckets the current period's first ones have no partner. With equal
 * counts this is bucket i with bucket i.
 *
 * @param current How many buckets the current period lists.
 * @param previous How many buckets the previous period lists.
 * @returns For each current bucket, oldest first, the index of its partner among the previous
 *   period's buckets (oldest first), or -1.
 */
export function alignPreviousBuckets(current: number, previous: number): Int32Array {
  const aligned = new Int32Array(current);
  const shift = previous - current;
  for (let i = 0; i < current; i++) {
    const j = i + shift;
    aligned[i] = j >= 0 && j < previous ? j : -1;
  }
  return aligned;
}
