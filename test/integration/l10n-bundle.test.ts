// Every user-visible string is localizable: runtime strings go through t() and are listed in the English
// bundle l10n/bundle.l10n.json; manifest strings are %keys% of package.nls.json.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { repoRoot } from '../support/realworld';

const ROOT = repoRoot();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, dir, f));
}

/** The literal first arguments of t(...) calls. */
function translatedLiterals(): Set<string> {
  const found = new Set<string>();
  const call = /\bt\(\s*(['"])((?:\\.|(?!\1).)*)\1/g;
  for (const file of sourceFiles('src')) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) found.add(m[2]!.replace(/\\(['"\\])/g, '$1'));
  }
  return found;
}

function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) value.forEach((v) => manifestKeys(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => manifestKeys(v, out));
  return out;
}

describe('localizable strings', () => {
  it('the English runtime bundle lists exactly the strings passed to t()', () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = translatedLiterals();
    assert.ok(used.size > 40, `only ${used.size} strings found`);
    assert.deepEqual([...used].filter((k) => !(k in bundle)), [], 'strings missing from l10n/bundle.l10n.json');
    assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'bundle entries no code uses');
    for (const [key, text] of Object.entries(bundle)) assert.equal(text, key, 'the English bundle maps each text to itself');
  });

  it('every %key% of package.json is in package.nls.json and every NLS entry is used', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as unknown;
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = manifestKeys(manifest);
    assert.deepEqual([...keys].filter((k) => !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.has(k)), []);
  });

  it('VS Code resolves runtime strings through the bundle (English shows the key text)', () => {
    assert.equal(vscode.l10n.t('{0} applicable patches', 3), '3 applicable patches');
  });
});
