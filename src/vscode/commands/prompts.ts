import * as vscode from 'vscode';
import { productLabel } from '../../core/text/describe';
import { folderLabel } from '../labels';
import { t } from '../l10n';
import type { CommerceEntry } from '../projects/entries';

/** A patch in a multi-select pick; `requires` are selected with it. */
export interface PatchPickItem extends vscode.QuickPickItem {
  id: string;
  requires: readonly string[];
}

export type PickEntry = PatchPickItem | (vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator });

export function isPatchItem(entry: PickEntry): entry is PatchPickItem {
  return 'id' in entry;
}

export interface PatchPickRequest {
  title: string;
  placeholder: string;
  items: PickEntry[];
}

export type MessageKind = 'info' | 'warning' | 'error';

/**
 * Everything the patch commands ask or tell the user. The extension uses {@link windowPrompts}; the integration
 * tests swap in scripted answers (VS Code's modal dialogs cannot be answered from an extension host).
 */
export interface Prompts {
  pickProject(projects: readonly CommerceEntry[], title: string): Promise<CommerceEntry | undefined>;
  /** The IDs chosen, in list order; undefined when the pick was dismissed. */
  pickPatches(request: PatchPickRequest): Promise<string[] | undefined>;
  /** A modal question; resolves with the chosen button, or undefined for Cancel. */
  confirm(message: string, detail: string, buttons: readonly string[]): Promise<string | undefined>;
  /** A notification; resolves with the button the user clicks (possibly much later), or undefined when dismissed. */
  message(kind: MessageKind, message: string, buttons: readonly string[]): Promise<string | undefined>;
  /** Runs `work` with a cancellable progress notification. */
  progress<T>(title: string, work: (token: vscode.CancellationToken) => Promise<T>): Promise<T>;
  /** One choice among items; undefined when dismissed. */
  pickOne<T>(
    items: ReadonlyArray<vscode.QuickPickItem & { value: T }>,
    title: string,
    placeholder: string,
  ): Promise<T | undefined>;
  /** A line of text (may be empty); undefined when dismissed. */
  input(title: string, prompt: string, value: string): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  async pickProject(projects, title) {
    const picked = await vscode.window.showQuickPick(
      projects.map((entry) => ({
        label: productLabel(entry.analysis.project.product),
        description: folderLabel(entry),
        entry,
      })),
      { title, placeHolder: t('Which project?'), matchOnDescription: true },
    );
    return picked?.entry;
  },

  pickPatches(request) {
    return new Promise((resolve) => {
      const pick = vscode.window.createQuickPick<PickEntry>();
      pick.title = request.title;
      pick.placeholder = request.placeholder;
      pick.canSelectMany = true;
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.items = request.items;
      pick.selectedItems = request.items.filter((i) => i.picked === true);
      const byId = new Map(request.items.filter(isPatchItem).map((i) => [i.id, i]));
      let done = false;
      const finish = (ids: string[] | undefined) => {
        if (done) return;
        done = true;
        resolve(ids);
        pick.dispose();
      };
      pick.onDidChangeSelection((selected) => {
        // Selecting a patch selects the patches it requires (they are offered together).
        const chosen = new Set(selected);
        for (const item of selected) {
          if (!isPatchItem(item)) continue;
          for (const id of item.requires) {
            const required = byId.get(id);
            if (required !== undefined) chosen.add(required);
          }
        }
        if (chosen.size > selected.length) pick.selectedItems = [...chosen];
      });
      pick.onDidAccept(() => {
        const ids = new Set(pick.selectedItems.filter(isPatchItem).map((i) => i.id));
        finish(
          request.items
            .filter(isPatchItem)
            .filter((i) => ids.has(i.id))
            .map((i) => i.id),
        );
      });
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
  },

  async confirm(message, detail, buttons) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  },

  async message(kind, message, buttons) {
    const show =
      kind === 'info'
        ? vscode.window.showInformationMessage
        : kind === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showErrorMessage;
    return show(message, ...buttons);
  },

  async pickOne(items, title, placeholder) {
    const picked = await vscode.window.showQuickPick([...items], {
      title,
      placeHolder: placeholder,
      matchOnDescription: true,
    });
    return picked?.value;
  },

  async input(title, prompt, value) {
    return vscode.window.showInputBox({ title, prompt, value });
  },

  async progress(title, work) {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => work(token),
    );
  },
};
