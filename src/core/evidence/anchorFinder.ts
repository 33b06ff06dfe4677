/** Longest shift of the finder, and the longest part of an anchor it compares before checking the whole anchor. */
const WINDOW = 16;
/** Anchors shorter than this are not worth a prefilter: their globs are tested on every line. */
export const MIN_ANCHOR = 4;

/**
 * Finds where any of a set of byte strings (anchors) occurs, Wu-Manber style: a window of `m` bytes slides
 * over the input and the last two bytes under it say how far it may jump without skipping an occurrence; only
 * where that is 0 are the anchors ending there compared. On log noise the window jumps most of its length at
 * each step, so far fewer than one step is taken per byte, and the time is linear in the input whatever it holds.
 */
export class AnchorFinder {
  private readonly m: number;
  private readonly shift: Uint8Array;
  /** Anchors by the two bytes they end with. */
  private readonly buckets: (number[] | undefined)[] = [];

  /** Every anchor must be at least {@link MIN_ANCHOR} bytes long. */
  constructor(private readonly anchors: readonly Uint8Array[]) {
    this.m = anchors.length === 0 ? WINDOW : Math.min(WINDOW, ...anchors.map((a) => a.length));
    const m = this.m;
    this.shift = new Uint8Array(65536).fill(m - 1);
    anchors.forEach((anchor, k) => {
      const tail = anchor.subarray(anchor.length - m);
      for (let j = 1; j < m; j++) {
        const gram = (tail[j - 1] << 8) | tail[j];
        if (m - 1 - j < this.shift[gram]) this.shift[gram] = m - 1 - j;
      }
      const last = (tail[m - 2] << 8) | tail[m - 1];
      (this.buckets[last] ??= []).push(k);
    });
  }

  /**
   * Calls `found(end, anchor)` for every anchor occurrence in `data` that ends at index `end` >= `from`, in order
   * of `end` (anchors ending at the same byte in the order given).
   */
  find(data: Uint8Array, from: number, found: (end: number, anchor: number) => void): void {
    if (this.anchors.length === 0) return;
    const { shift, buckets, anchors } = this;
    const n = data.length;
    let i = Math.max(this.m - 1, from);
    while (i < n) {
      const step = shift[(data[i - 1] << 8) | data[i]];
      if (step !== 0) {
        i += step;
        continue;
      }
      for (const k of buckets[(data[i - 1] << 8) | data[i]]!) {
        const anchor = anchors[k];
        const start = i - anchor.length + 1;
        if (start < 0) continue;
        let j = anchor.length - 1;
        while (j >= 0 && data[start + j] === anchor[j]) j--;
        if (j < 0) found(i, k);
      }
      i++;
    }
  }
}
