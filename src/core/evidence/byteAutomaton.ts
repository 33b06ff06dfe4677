/**
 * An Aho-Corasick automaton over bytes, as a full transition table: one table read per byte of input, whatever
 * the number of words, so scanning is linear in the input. Byte 10 (`\n`) always leads to a state of its own
 * (which otherwise acts as the start state), so one comparison per byte tells both "a word ends here" and "a line
 * ends here". States at or above `firstSpecial` are those two kinds.
 */
export class ByteAutomaton {
  /** `delta[state * 256 + byte]` is the next state. */
  readonly delta: Uint32Array;
  readonly start: number;
  readonly newline: number;
  readonly firstSpecial: number;
  /** For special state s: the words that end there are `outputList[outputStart[s - firstSpecial] .. outputStart[s - firstSpecial + 1]]`. */
  readonly outputStart: Uint32Array;
  readonly outputList: Uint32Array;

  /** `words[i]` is reported as `i`; words must not be empty and must not contain byte 10. */
  constructor(words: readonly Uint8Array[]) {
    // The trie.
    const goto: Int32Array[] = [new Int32Array(256).fill(-1)];
    const outputs: number[][] = [[]];
    words.forEach((word, w) => {
      let s = 0;
      for (const b of word) {
        let next = goto[s][b];
        if (next < 0) {
          next = goto.length;
          goto.push(new Int32Array(256).fill(-1));
          outputs.push([]);
          goto[s][b] = next;
        }
        s = next;
      }
      outputs[s].push(w);
    });
    // Failure links folded into full transitions, breadth first.
    const n = goto.length + 1; // + the newline state
    const nl = goto.length;
    const full: Int32Array[] = goto.map(() => new Int32Array(256));
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (let b = 0; b < 256; b++) {
      const v = goto[0][b];
      if (v >= 0) {
        full[0][b] = v;
        fail[v] = 0;
        queue.push(v);
      } else full[0][b] = 0;
    }
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      for (let b = 0; b < 256; b++) {
        const v = goto[u][b];
        if (v >= 0) {
          fail[v] = full[fail[u]][b];
          if (outputs[fail[v]].length > 0) outputs[v] = outputs[v].concat(outputs[fail[v]]);
          full[u][b] = v;
          queue.push(v);
        } else full[u][b] = full[fail[u]][b];
      }
    }
    full.push(Int32Array.from(full[0]));
    outputs.push([]);
    for (const row of full) row[10] = nl;
    // Renumber: ordinary states first, then the special ones.
    const special = (s: number) => s === nl || outputs[s].length > 0;
    const order: number[] = [];
    for (let s = 0; s < n; s++) if (!special(s)) order.push(s);
    const firstSpecial = order.length;
    for (let s = 0; s < n; s++) if (special(s)) order.push(s);
    const id = new Uint32Array(n);
    order.forEach((s, i) => (id[s] = i));
    this.delta = new Uint32Array(n * 256);
    for (let i = 0; i < n; i++) {
      const row = full[order[i]];
      for (let b = 0; b < 256; b++) this.delta[i * 256 + b] = id[row[b]];
    }
    this.start = id[0];
    this.newline = id[nl];
    this.firstSpecial = firstSpecial;
    this.outputStart = new Uint32Array(n - firstSpecial + 1);
    const list: number[] = [];
    for (let i = firstSpecial; i < n; i++) {
      this.outputStart[i - firstSpecial] = list.length;
      list.push(...outputs[order[i]]);
    }
    this.outputStart[n - firstSpecial] = list.length;
    this.outputList = Uint32Array.from(list);
  }
}
