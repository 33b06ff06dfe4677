/** The deepest nesting of `[`/`{` a YAML file may have: real catalogs and `.magento.env.yaml` files stay below 10. */
export const MAX_FLOW_NESTING = 64;

/**
 * The offset at which `[`/`{` nest deeper than `max` (counted over the whole text, quotes and comments included, so
 * a bracket inside a string can only make the count too high, never too low), or undefined. The YAML parser takes
 * time that grows with the square of the nesting (2,000 `[` take half a second), so such a file is refused first.
 */
export function deepFlowNesting(text: string, max = MAX_FLOW_NESTING): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}
