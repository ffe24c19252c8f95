/** Terminal helpers shared by the commands: a progress bar that only draws on a terminal. */
import { logUpdateStderr } from 'log-update';

export function bar(index: number, total: number, width = 30): string {
  const filled = Math.round(((index + 1) / Math.max(1, total)) * width);
  return '█'.repeat(filled) + '░'.repeat(Math.max(0, width - filled));
}

export interface Progress {
  tick(done: number): void;
  /** A line printed above the bar (or plainly when not on a terminal). */
  log(line: string): void;
  done(): void;
}

export function progressBar(total: number, label: string): Progress {
  const interactive = process.stderr.isTTY && (process.stderr.columns ?? 0) > 0;
  const draw = logUpdateStderr;
  return {
    tick(done) {
      if (interactive) draw(`${label} ${bar(done - 1, total)} ${done}/${total}`);
    },
    log(line) {
      if (interactive) draw.clear();
      process.stderr.write(line + '\n');
    },
    done() {
      if (interactive) draw.done();
    },
  };
}
