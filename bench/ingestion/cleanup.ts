/**
 * What a run created and must remove however it ends: topics, consumer groups, data folders,
 * a platform still running. Undone last first; a failing step is reported and the others still run.
 */
export class Cleanup {
  private readonly steps: { label: string; undo: () => Promise<unknown> | unknown }[] = [];
  private running?: Promise<void>;

  add(label: string, undo: () => Promise<unknown> | unknown): void {
    this.steps.push({ label, undo });
  }

  run(): Promise<void> {
    this.running ??= this.undoAll();
    return this.running;
  }

  private async undoAll(): Promise<void> {
    for (const { label, undo } of this.steps.reverse()) {
      try {
        await undo();
      } catch (error) {
        process.stderr.write(`  cleanup: ${label} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }
}
