// Adobe's own fixtures: for each patch with a log signature, a log file holding a line its signature must match.
// Every fixture must match its own patch's rule, and no other patch's rule unless the globs genuinely overlap.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogFiles } from '../../../../src/core/catalog/load';
import type { LogRule, Signature } from '../../../../src/core/catalog/signature';
import { compileGlob, globMatches } from '../../../../src/core/evidence/glob';
import { scanLogFile } from '../../../../src/core/evidence/logFile';
import { LogRuleSet } from '../../../../src/core/evidence/logRules';
import { realworld, requireRealworld } from '../../../support/realworld';

/**
 * Fixture → the other patches whose rules also match it, and why: patches of one replacement chain (or of one
 * fix for several lines) share the very same glob, and a few globs are a shorter form of another.
 */
const OVERLAPS: Record<string, string[]> = {
  // One replacement chain, one glob.
  'ACSD-49970/var/log/debug.log': ['ACSD-49970-V2', 'ACSD-49970-V3', 'ACSD-54095'],
  'ACSD-49970-V2/var/log/debug.log': ['ACSD-49970', 'ACSD-49970-V3', 'ACSD-54095'],
  'ACSD-49970-V3/var/log/debug.log': ['ACSD-49970', 'ACSD-49970-V2', 'ACSD-54095'],
  'ACSD-54095/var/log/debug.log': ['ACSD-49970', 'ACSD-49970-V2', 'ACSD-49970-V3'],
  'MDVA-39305-V2/var/log/support_report.log': ['MDVA-39305-V3'],
  'MDVA-39305-V3/var/log/support_report.log': ['MDVA-39305-V2'],
  // Two patches with the very same glob.
  'ACP2E-3705/var/log/cron.log': ['ACSD-64112'],
  'ACSD-64112/var/log/cron.log': ['ACP2E-3705'],
  'ACSD-56280/var/log/exception.log': ['ACSD-63283'],
  'ACSD-63283/var/log/exception.log': ['ACSD-56280'],
  'ACSD-58446/var/log/exception.log': ['ACSD-59366'],
  'ACSD-59366/var/log/exception.log': ['ACSD-58446'],
  // "GraphQ*Syntax Error: Unexpected <EOF> …" is shared by three patches; two of them also share the
  // "Config element \"FindFilterType\" …" glob, of which ACSD-67941's own is a longer form.
  'ACP2E-4815/var/log/exception.log': ['ACSD-63325', 'ACSD-67941', 'ACSD-68925'],
  'ACSD-63325/var/log/exception.log': ['ACP2E-4815', 'ACSD-67941'],
  'ACSD-67941/var/log/exception.log': ['ACP2E-4815', 'ACSD-63325', 'ACSD-68925'],
  'ACSD-68925/var/log/exception.log': ['ACP2E-4815', 'ACSD-67941'],
  // The other patch's glob is a shorter form of this one's (a path with "*" where this one names a folder).
  'ACSD-63574/var/log/system.log': ['ACSD-53925'],
  'ACSD-66082/var/log/exception.log': ['ACSD-58325'],
  'ACSD-66417/var/log/exception.log': ['ACSD-58108'],
};

/** Fixtures left in the data package for patches whose metadata no longer has a log rule for that file. */
const UNSIGNED: string[] = ['ACSD-53750/var/log/system.log'];

function logRules(s: Signature, out: LogRule[] = []): LogRule[] {
  if (s.type === 'and' || s.type === 'or') s.items.forEach((i) => logRules(i, out));
  else if (s.type === 'log') out.push(s);
  return out;
}

describe('evidence: Adobe metadata fixtures (QPT 1.1.82)', function () {
  this.timeout(60_000);
  before(function () {
    requireRealworld(this);
  });

  it('each fixture matches its own patch and only the listed overlaps', async () => {
    const dir = realworld('qpt-1.1.82');
    const catalog = loadCatalogFiles([join(dir, 'support-patches.json'), join(dir, 'community-patches.json')]);
    assert.equal(catalog.problems.length, 0, JSON.stringify(catalog.problems.slice(0, 3)));
    // (path → glob → patches)
    const byPath = new Map<string, Map<string, Set<string>>>();
    let withMetadata = 0;
    for (const patch of catalog.patches.values()) {
      if (patch.metadata === undefined) continue;
      withMetadata++;
      for (const rule of logRules(patch.metadata)) {
        const globs = byPath.get(rule.path) ?? new Map<string, Set<string>>();
        byPath.set(rule.path, globs);
        const ids = globs.get(rule.match) ?? new Set<string>();
        globs.set(rule.match, ids);
        ids.add(patch.id);
      }
    }
    assert.equal(withMetadata, 163);
    const fixtures = join(dir, 'metadata-fixtures');
    const seenOverlaps: Record<string, string[]> = {};
    const unsigned: string[] = [];
    let files = 0;
    for (const id of readdirSync(fixtures).sort()) {
      for (const name of readdirSync(join(fixtures, id, 'var', 'log'))) {
        const path = `var/log/${name}`;
        const own = catalog.patches.get(id)?.metadata;
        if (own === undefined || !logRules(own).some((r) => r.path === path)) {
          unsigned.push(`${id}/${path}`);
          continue;
        }
        const globs = byPath.get(path)!;
        const list = [...globs.keys()];
        const scan = await scanLogFile(join(fixtures, id, path), new LogRuleSet(list));
        const matched = new Set<string>();
        scan.hits.forEach((h, g) => {
          if (h !== undefined) for (const p of globs.get(list[g])!) matched.add(p);
        });
        files++;
        assert.ok(matched.has(id), `${id}/${path}: its own rule does not match`);
        matched.delete(id);
        if (matched.size > 0) seenOverlaps[`${id}/${path}`] = [...matched].sort();
      }
    }
    assert.deepEqual(unsigned, UNSIGNED);
    assert.equal(files, 125 - UNSIGNED.length);
    assert.deepEqual(seenOverlaps, OVERLAPS);
  });

  it('agrees with the obvious regular expression (metacharacters escaped, "*" as any run) on every glob and fixture line', () => {
    const dir = realworld('qpt-1.1.82');
    const catalog = loadCatalogFiles([join(dir, 'support-patches.json'), join(dir, 'community-patches.json')]);
    const globs = new Set<string>();
    for (const patch of catalog.patches.values())
      if (patch.metadata) for (const r of logRules(patch.metadata)) globs.add(r.match);
    const lines: string[] = [];
    const fixtures = join(dir, 'metadata-fixtures');
    for (const id of readdirSync(fixtures)) {
      for (const name of readdirSync(join(fixtures, id, 'var', 'log'))) {
        lines.push(...readFileSync(join(fixtures, id, 'var', 'log', name), 'utf8').split('\n'));
      }
    }
    let compared = 0;
    let matched = 0;
    for (const glob of globs) {
      assert.ok(!/[?]|\\[*?]/.test(glob), `${glob}: the reference below knows only "*"`);
      const reference = new RegExp(glob.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\\\*/g, '[^\\n]*'));
      const compiled = compileGlob(glob);
      for (const line of lines) {
        const ours = globMatches(compiled, line.replace(/\r$/, ''));
        assert.equal(ours, reference.test(line.replace(/\r$/, '')), `${glob}\n${line}`);
        compared++;
        if (ours) matched++;
      }
    }
    assert.ok(compared > 15_000 && matched > 100, `${compared} pairs, ${matched} matches`);
  });
});
