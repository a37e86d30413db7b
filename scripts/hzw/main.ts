import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeFilesAtomic } from '../../electron/main/atomicWrite';
import { USAGE, parseArgs, type Command } from './args';
import type { ConvertResult } from './commands';
import type { InfoReport } from './info';
import { outputPaths, refuseLinksOutside } from './outputPaths';
import { printLines, terminalJson } from './terminal';
import { BUDGETS } from '../../shared/formats/budgets';
import type { WorkerReply, WorkerTask } from './worker';
import { WORKER_LIMITS, stopOf, stoppedReply, watchRss } from './workerLimits';

const EXIT = { ok: 0, refused: 1, usage: 2, cancelled: 130 } as const;

function progressLine(label: string): (fraction: number | null) => void {
  const tty = process.stderr.isTTY;
  let shown = -1;
  return (fraction) => {
    if (fraction === null) {
      if (tty && shown >= 0) process.stderr.write('\r\x1b[K');
      return;
    }
    const percent = Math.floor(fraction * 100);
    if (tty) process.stderr.write(`\r${label} ${percent}%`);
    else if (percent >= shown + 25 || (percent === 100 && shown < 100))
      process.stderr.write(`${label} ${percent}%\n`);
    shown = percent;
  };
}

function runWorker(task: WorkerTask): Promise<WorkerReply & { type: 'done' | 'failed' }> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'worker.mjs');
  const worker = new Worker(script, { workerData: task, resourceLimits: WORKER_LIMITS });
  const show = progressLine(task.command === 'info' ? 'hzw: reading' : 'hzw: converting');
  const cancel = () => {
    // Nothing is written before the worker finishes, so stopping it leaves no partial output.
    void worker.terminate();
    show(null);
    printLines(process.stderr, ['hzw: cancelled, nothing written']);
    process.exit(EXIT.cancelled);
  };
  process.once('SIGINT', cancel);
  return new Promise((done) => {
    let settled = false;
    const settle = (reply: WorkerReply & { type: 'done' | 'failed' }) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      stopWatching();
      show(null);
      process.off('SIGINT', cancel);
      void worker.terminate();
      done(reply);
    };
    const deadline = setTimeout(
      () => settle(stoppedReply(task.input, 'deadline')),
      BUDGETS.cliWorkerDeadlineMs,
    );
    const stopWatching = watchRss(() => settle(stoppedReply(task.input, 'memory')));
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') show(reply.fraction);
      else settle(reply);
    });
    // Out of memory or a crash ends in a refusal naming the file, never in a stack trace.
    worker.on('error', (error) => {
      const { stop, detail } = stopOf(error);
      settle(stoppedReply(task.input, stop, detail));
    });
    worker.on('exit', (code) => settle(stoppedReply(task.input, 'crash', `exit code ${code}`)));
  });
}

function printInfo(reports: InfoReport[], json: boolean): void {
  if (json) {
    process.stdout.write(`${terminalJson(reports)}\n`);
    return;
  }
  for (const r of reports) {
    const lines = [`File:     ${r.file}`, `Format:   ${r.format}`];
    if (r.encoding) lines.push(`Encoding: ${r.encoding}`);
    for (const layer of r.layers) {
      const types = Object.entries(layer.geometryTypes)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ');
      lines.push(
        `Layer:    ${layer.name}`,
        `  CRS:      ${layer.crs}${r.crsSource ? ` (${r.crsSource})` : ''}`,
      );
      lines.push(`  Features: ${layer.count}${types ? ` (${types})` : ''}`);
      lines.push(`  Fields:   ${layer.fields.map((f) => `${f.name}:${f.type}`).join(', ')}`);
    }
    if (r.refused) lines.push(`Refused features: ${r.refused}`);
    lines.push(...(r.mappingLines ?? []));
    for (const w of r.warnings) lines.push(`Warning:  ${w.en}`);
    printLines(process.stdout, lines);
  }
}

async function writeOutput(result: ConvertResult, output: string): Promise<void> {
  const paths = outputPaths(
    result.files.map((f) => f.name),
    output,
  );
  await refuseLinksOutside(paths);
  // A shapefile set is replaced as one (electron/main/atomicWrite.ts): old set or new, never mixed.
  await writeFilesAtomic(
    result.files.map((file, i) => ({ path: paths[i]!, bytes: file.bytes })),
    { keepBackup: false },
  );
  printLines(process.stderr, [
    ...result.renamed.map((r) => `hzw: field renamed in ${r.layer}: ${r.from} → ${r.to}`),
    ...result.warnings.map((w) => `hzw: warning: ${w.en}`),
  ]);
}

async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    printLines(process.stderr, [`hzw: ${(error as Error).message}`, '', ...USAGE.split('\n')]);
    return EXIT.usage;
  }
  if (command.command === 'help') {
    printLines(process.stdout, USAGE.split('\n'));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const task: WorkerTask =
    command.command === 'info'
      ? { command: 'info', input: command.input, options: command.options }
      : { command: 'convert', input: command.input, output: command.output, options: command.options };
  const reply = await runWorker(task);
  if (reply.type === 'failed') {
    if (reply.name === 'UsageError') {
      printLines(process.stderr, [`hzw: ${reply.message}`, '', ...USAGE.split('\n')]);
      return EXIT.usage;
    }
    if (reply.problems) {
      printLines(process.stderr, [
        `hzw: refused ${reply.file ?? command.input}:`,
        ...reply.problems.map(
          (p) =>
            `  ${p.index === null ? '' : `#${p.index} `}${p.field ? `${p.field}: ` : ''}${p.reason.en} / ${p.reason.zh}`,
        ),
      ]);
    } else printLines(process.stderr, [`hzw: ${reply.message}`]);
    return EXIT.refused;
  }
  if (command.command === 'info') printInfo(reply.result as InfoReport[], command.options.json ?? false);
  else {
    try {
      await writeOutput(reply.result as ConvertResult, command.output);
    } catch (error) {
      printLines(process.stderr, [`hzw: ${(error as Error).message}`]);
      return EXIT.refused;
    }
  }
  return EXIT.ok;
}

process.exitCode = await main(process.argv.slice(2));
