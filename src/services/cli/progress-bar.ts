/** A progress bar on stderr for long commands (backtests, simulations), drawn only once work starts. */
import { SingleBar } from 'cli-progress';

export function createProgressBar(
  label: string,
  unit: string,
  every = 1,
): { update: (done: number, total: number, detail?: string) => void; stop: () => void } {
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} {detail}| ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update: (done, total, detail = '') => {
      if (!started) {
        bar.start(total, 0, { detail });
        started = true;
      }
      if (done % every === 0 || done === total) bar.update(done, { detail: detail ? `(${detail}) ` : '' });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
