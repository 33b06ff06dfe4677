import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, CONTEXT, SETTINGS, settingId, TASK_TYPE, VIEWS } from '../../../src/vscode/ids';
import { repoRoot } from '../../support/realworld';

// ids.ts imports nothing from VS Code, so the manifest and the code can be compared under plain mocha.
interface Manifest {
  contributes: {
    commands: Array<{ command: string }>;
    viewsContainers: { activitybar: Array<{ id: string }> };
    views: Record<string, Array<{ id: string }>>;
    taskDefinitions: Array<{ type: string }>;
    configuration: { properties: Record<string, unknown> };
  };
}
const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;

describe('ids.ts and the manifest', () => {
  it('names exactly the commands the manifest contributes', () => {
    const declared = contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(Object.values(COMMANDS).sort(), declared);
  });

  it('names the view container, the view and the task type', () => {
    assert.deepEqual(
      contributes.viewsContainers.activitybar.map((c) => c.id),
      [VIEWS.container],
    );
    assert.deepEqual(
      contributes.views[VIEWS.container].map((v) => v.id),
      [VIEWS.patches],
    );
    assert.deepEqual(
      contributes.taskDefinitions.map((d) => d.type),
      [TASK_TYPE],
    );
  });

  it('names exactly the settings the manifest declares', () => {
    const { section: _section, ...keys } = SETTINGS;
    assert.deepEqual(
      Object.values(keys).map(settingId).sort(),
      Object.keys(contributes.configuration.properties).sort(),
    );
  });

  it('has every context key the `when` clauses use', () => {
    const whens = JSON.stringify(manifest).match(/"when":"[^"]*"/g) ?? [];
    const used = new Set(whens.flatMap((w) => w.match(/\bcommercePatches\.[A-Za-z]+/g) ?? []));
    used.delete(VIEWS.patches);
    assert.deepEqual([...used].sort(), Object.values(CONTEXT).sort());
  });
});
