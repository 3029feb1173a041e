/** The wait before a retry, which a stop cuts short. */
export class RetrySleep {
  private cancelCurrent?: () => void;

  async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelCurrent = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.cancelCurrent = undefined;
  }

  cancel(): void {
    this.cancelCurrent?.();
  }
}
