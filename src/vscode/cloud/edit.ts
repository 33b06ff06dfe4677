import { addQualityPatches, removeQualityPatches } from '../../core/cloud/envYaml';
import { editFile, type FileEditResult } from '../fileEdit';

export { StaleDocumentError } from '../fileEdit';
export type EnvYamlEditResult = FileEditResult;

/**
 * Adds IDs to, or removes them from, `stage.build.QUALITY_PATCHES` through a `WorkspaceEdit` (so Undo works), with
 * minimal text edits that keep every comment and the layout of the rest of the file. A missing file is created
 * (when adding). Invalid YAML throws `InputError`; bad IDs `PatchIdError`.
 */
export function editQualityPatches(
  file: string,
  ids: readonly string[],
  op: 'add' | 'remove',
): Promise<EnvYamlEditResult> {
  const compute = (text: string) =>
    op === 'add' ? addQualityPatches(text, ids, file) : removeQualityPatches(text, ids, file);
  return editFile(file, compute, op === 'add');
}
