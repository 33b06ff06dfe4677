// The Recommended group as a user sees it: a store whose exception.log holds a line that a patch's signature
// matches, and whose app/etc/env.php sets a value another signature asks for; then the notification a user gets
// when a matching line is written to the log.
import * as assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT } from '../../../tools/vscode-host/paths.mjs';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'evidence-store');
/** A copy of the fixture under the git-ignored .cache/ folder, with its logs and settings written there. */
const WORKSPACE = join(CACHE, 'ui-workspaces', 'evidence-store');

/** Writes the workspace (the runner needs the folder before the checks start). */
function prepare() {
  const qpt = join(WORKSPACE, 'vendor', 'magento', 'quality-patches');
  for (const dir of [qpt, join(WORKSPACE, 'var', 'log'), join(WORKSPACE, 'app', 'etc')])
    mkdirSync(dir, { recursive: true });
  for (const f of ['composer.json', 'composer.lock']) copyFileSync(join(FIXTURE, f), join(WORKSPACE, f));
  copyFileSync(
    join(FIXTURE, 'vendor', 'magento', 'quality-patches', 'support-patches.json'),
    join(qpt, 'support-patches.json'),
  );
  writeFileSync(
    join(WORKSPACE, 'var', 'log', 'exception.log'),
    'main.INFO: cache cleaned\n'.repeat(20) +
      '[2025-10-01T10:00:00.123456+00:00] report.CRITICAL: DivisionByZeroError: Division by zero in /app/vendor/magento/module-sales/Model/Order/Tax.php:58\n',
  );
  writeFileSync(
    join(WORKSPACE, 'app', 'etc', 'env.php'),
    "<?php\nreturn ['system' => ['default' => ['dev' => ['js' => ['minify_files' => 1]]]]];\n",
  );
}

prepare();

/** Opens the Patches view and waits for the Recommended group; returns the rows. */
async function openRecommended(ui, { manifest, localize }) {
  await ui.openContributedContainer(localize(manifest.contributes.viewsContainers.activitybar[0].title));
  return ui.stable(
    () => ui.treeRows(undefined, { wait: true }),
    (r) => r.some((x) => x.label === 'Recommended for this store'),
    20_000,
  );
}

export default [
  {
    name: 'recommended group with evidence',
    folder: WORKSPACE,
    async run(ui, ctx) {
      let rows = await openRecommended(ui, ctx);
      const group = rows.find((r) => r.label === 'Recommended for this store');
      assert.equal(group.description, '2');
      assert.equal(group.expanded, true);
      await ui.clickRow('ACSD-90101');
      rows = await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (r) => r.some((x) => x.label === 'exception.log:21'),
      );
      const line = rows.find((r) => r.label === 'exception.log:21');
      assert.match(line.description, /DivisionByZeroError/);
      await ui.clickRow('ACSD-90103');
      await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (r) => r.some((x) => x.label === 'dev/js/minify_files = 1'),
      );
      await ui.screenshot('recommended', { selector: '.part.sidebar' });
    },
  },
  {
    name: 'new evidence notification',
    folder: WORKSPACE,
    async run(ui, ctx) {
      // The first scan has ended (and the logs are watched) once the Recommended group is there.
      await openRecommended(ui, ctx);
      appendFileSync(
        join(WORKSPACE, 'var', 'log', 'exception.log'),
        '[2025-10-01T10:05:00.000000+00:00] report.ERROR: Cannot return null for non-nullable field "CartItem.uid" {"exception":"[object] (GraphQL\\Error\\Error(code: 0)"}\n',
      );
      const toasts = await ui.stable(
        () => ui.notifications(),
        (texts) => texts.includes('ACSD-90102 matches a new error in exception.log'),
        20_000,
      );
      assert.ok(toasts.includes('ACSD-90102 matches a new error in exception.log'), toasts.join(' | '));
      await ui.screenshot('notification', { selector: '.notifications-toasts .notification-toast' });
      await ui.stable(
        () => ui.treeRows(undefined, { wait: true }),
        (r) => r.some((x) => x.label === 'ACSD-90102'),
      );
    },
  },
];
