// Answers the questions of the apply / revert / .magento.env.yaml commands from the test, and records every
// question and message (VS Code's modal dialogs cannot be answered from inside the extension host).
import * as vscode from 'vscode';
import type { CommerceEntry } from '../../src/vscode/projects/entries';
import {
  isPatchItem,
  type MessageKind,
  type PatchPickItem,
  type PatchPickRequest,
  type Prompts,
} from '../../src/vscode/commands/prompts';

export interface Asked {
  picks: PatchPickRequest[];
  projectPicks: string[][];
  confirms: Array<{ message: string; detail: string; buttons: readonly string[] }>;
  messages: Array<{ kind: MessageKind; message: string; buttons: readonly string[] }>;
  progress: string[];
  pickOnes: Array<{ title: string; labels: string[] }>;
  inputs: Array<{ title: string; prompt: string; value: string }>;
}

export class ScriptedPrompts implements Prompts {
  readonly asked: Asked = {
    picks: [],
    projectPicks: [],
    confirms: [],
    messages: [],
    progress: [],
    pickOnes: [],
    inputs: [],
  };
  /** The label of the item the next single pick returns (undefined = dismissed; default the first item). */
  pickOneWith: ((labels: string[]) => string | undefined) | undefined;
  /** What the next text input returns (undefined = dismissed). */
  inputWith: string | undefined = '';
  /** What the next patch pick returns: IDs, or a function of the request (default: the preselected items). */
  pick: string[] | undefined | ((request: PatchPickRequest) => string[] | undefined) = (r) => pickedIds(r);
  /** The button the next confirmation returns (undefined = Cancel). */
  confirmWith: string | undefined | ((buttons: readonly string[]) => string | undefined) = (buttons) => buttons[0];
  /** The button clicked on a message (undefined = dismissed). */
  messageWith: (message: string, buttons: readonly string[]) => string | undefined = () => undefined;
  /** The project picked among several (by lock file suffix); default the first. */
  projectWith: ((projects: readonly CommerceEntry[]) => CommerceEntry | undefined) | undefined;

  pickProject(projects: readonly CommerceEntry[]): Promise<CommerceEntry | undefined> {
    this.asked.projectPicks.push(projects.map((p) => p.lockFile));
    return Promise.resolve(this.projectWith ? this.projectWith(projects) : projects[0]);
  }

  pickPatches(request: PatchPickRequest): Promise<string[] | undefined> {
    this.asked.picks.push(request);
    return Promise.resolve(typeof this.pick === 'function' ? this.pick(request) : this.pick);
  }

  confirm(message: string, detail: string, buttons: readonly string[]): Promise<string | undefined> {
    this.asked.confirms.push({ message, detail, buttons });
    return Promise.resolve(typeof this.confirmWith === 'function' ? this.confirmWith(buttons) : this.confirmWith);
  }

  message(kind: MessageKind, message: string, buttons: readonly string[]): Promise<string | undefined> {
    this.asked.messages.push({ kind, message, buttons });
    return Promise.resolve(this.messageWith(message, buttons));
  }

  async progress<T>(title: string, work: (token: vscode.CancellationToken) => Promise<T>): Promise<T> {
    this.asked.progress.push(title);
    const source = new vscode.CancellationTokenSource();
    try {
      return await work(source.token);
    } finally {
      source.dispose();
    }
  }

  pickOne<T>(items: ReadonlyArray<vscode.QuickPickItem & { value: T }>, title: string): Promise<T | undefined> {
    const labels = items.map((i) => i.label);
    this.asked.pickOnes.push({ title, labels });
    const label = this.pickOneWith ? this.pickOneWith(labels) : labels[0];
    return Promise.resolve(items.find((i) => i.label === label)?.value);
  }

  input(title: string, prompt: string, value: string): Promise<string | undefined> {
    this.asked.inputs.push({ title, prompt, value });
    return Promise.resolve(this.inputWith);
  }

  /** The last message, for assertions. */
  lastMessage(): { kind: MessageKind; message: string; buttons: readonly string[] } | undefined {
    return this.asked.messages[this.asked.messages.length - 1];
  }
}

export function patchItems(request: PatchPickRequest): PatchPickItem[] {
  return request.items.filter(isPatchItem);
}

export function pickedIds(request: PatchPickRequest): string[] {
  return patchItems(request)
    .filter((i) => i.picked === true)
    .map((i) => i.id);
}
