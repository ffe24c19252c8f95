/** `matchline import`: filled by the importers (StatsBomb, openfootball). */
import type { Command } from 'commander';
import type { Output } from './commands.js';

export function importCommand(
  _program: Command,
  _io: Output,
  _run: (action: () => number | Promise<number>) => Promise<void>,
): void {}
