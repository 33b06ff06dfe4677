// Picks the integration suite's output out of the workbench console, where the extension host's console
// lands mixed with the workbench's own log lines. test/integration/index.ts starts each line it prints
// with MARKER when INTEGRATION_CONSOLE_MARKER is set.

export const MARKER = '@@suite@@ ';

/** The suite's text in a workbench console message, or undefined for any other message. */
export function extensionHostLine(text) {
  const at = text.indexOf(MARKER);
  return at === -1 ? undefined : text.slice(at + MARKER.length);
}
