import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReadError, readTextFile } from '../../../../src/core/files/readTextFile';
import { readFailure } from '../../../../src/core/lock/read';

describe('files: reading a text file from a workspace', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpt-read-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = (file: string, max = 1024) => {
    try {
      readTextFile(file, max);
    } catch (e) {
      assert.ok(e instanceof FileReadError);
      return { code: e.code, reason: readFailure(e.code, e) };
    }
    assert.fail(`${file} was read`);
  };

  it('reads a regular file, and one behind a symbolic link', () => {
    writeFileSync(join(dir, 'a.json'), '{"a": "é"}');
    symlinkSync(join(dir, 'a.json'), join(dir, 'link.json'));
    assert.equal(readTextFile(join(dir, 'link.json'), 1024), '{"a": "é"}');
  });

  it('refuses a FIFO at once instead of waiting for a writer', () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    assert.deepEqual(refusal(join(dir, 'fifo')), {
      code: 'ENOTREG',
      reason: 'is a named pipe (FIFO), not a regular file; not read',
    });
  });

  it('refuses a device (a link to /dev/zero) and a folder', () => {
    symlinkSync('/dev/zero', join(dir, 'zero'));
    assert.deepEqual(refusal(join(dir, 'zero')), {
      code: 'ENOTREG',
      reason: 'is a device or socket, not a regular file; not read',
    });
    assert.equal(refusal(dir).code, 'EISDIR');
  });

  it('refuses a file over the limit, naming the limit', () => {
    writeFileSync(join(dir, 'big'), 'x'.repeat(3 * 1024 * 1024));
    assert.deepEqual(refusal(join(dir, 'big'), 2 * 1024 * 1024), {
      code: 'EFBIG',
      reason: 'is larger than 2 MB; not read',
    });
  });

  it('refuses UTF-16 text, with or without a byte order mark', () => {
    writeFileSync(join(dir, 'bom'), Buffer.from('\ufeff{"packages": []}', 'utf16le'));
    writeFileSync(join(dir, 'plain'), Buffer.from('{"packages": []}', 'utf16le'));
    assert.equal(refusal(join(dir, 'bom')).code, 'EUTF16');
    assert.deepEqual(refusal(join(dir, 'plain')), { code: 'EUTF16', reason: 'is UTF-16 text; save it as UTF-8' });
  });
});
