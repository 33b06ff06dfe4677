import type { QptInvocation } from './command';

/** An invocation shown as a command line, for messages only (it is never run through a shell). */
export function displayCommand(inv: Pick<QptInvocation, 'command' | 'args'>): string {
  return [inv.command, ...inv.args].map(displayArg).join(' ');
}

function displayArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
