// Exercises the driver's helpers on VS Code's own features, so a failing product check points at the
// product, not at the helpers.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export default [
  {
    name: 'driver helpers read views, the palette, editors and hovers',
    folder: ':empty',
    timeout: 120,
    prepare({ folder }) {
      writeFileSync(
        join(folder, 'shout.ts'),
        'export function shout(text: string): string {\n  return text.toUpperCase();\n}\n',
      );
      writeFileSync(join(folder, 'notes.txt'), 'plain text\n');
    },
    async run(ui) {
      await ui.openViewContainer('Explorer');
      const files = await ui.stable(
        () => ui.treeRows(undefined),
        (rows) => rows.length > 0,
      );
      assert.deepEqual(
        files.map((r) => r.label),
        ['notes.txt', 'shout.ts'],
      );

      await ui.openPalette('>');
      await ui.page.keyboard.type('View: Show Explorer');
      const picks = await ui.quickPickItems();
      assert.ok(picks.includes('View: Show Explorer'), `palette offers: ${picks.join(' | ')}`);
      await ui.closeQuickInput();

      await ui.openFile('shout.ts');
      const hover = await ui.hover('shout', { timeout: 60_000 });
      assert.match(hover, /function shout\(text: string\): string/);
      await ui.screenshot('hover');
      await ui.clearHover();

      // With no extension gallery reachable, checking for updates ends in an error dialog.
      await ui.runCommand('Extensions: Check for Extension Updates');
      const dialog = await ui.dialog({ timeout: 20_000 });
      assert.ok(dialog, 'no dialog appeared');
      assert.match(dialog.message, /Check for Extension Updates/);
      await ui.clickDialogButton(dialog.buttons[0]);
      assert.equal(await ui.dialog(), undefined);

      // Formatting a plain-text file ends in a modal dialog offering to install a formatter.
      await ui.openFile('notes.txt');
      await ui.runCommand('Format Document');
      assert.match((await ui.dialog({ timeout: 20_000 }))?.text ?? '', /no formatter/i);
      await ui.clickDialogButton('Cancel');

      // An extension's information message (here TypeScript's, shout.ts being in no tsconfig project) is a toast.
      await ui.openFile('shout.ts');
      await ui.runCommand('TypeScript: Go to Project Configuration (tsconfig)');
      const toasts = await ui.notifications({ timeout: 20_000 });
      assert.ok(
        toasts.some((t) => /project/i.test(t)),
        `toasts: ${toasts.join(' | ')}`,
      );
      await ui.screenshot('notification');
      const center = await ui.notifications({ center: true });
      assert.ok(
        center.some((n) => toasts.includes(n)),
        `center: ${center.join(' | ')}; toasts: ${toasts.join(' | ')}`,
      );
    },
  },
];
