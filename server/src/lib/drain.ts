/**
 * Whether this instance is draining: told to stop (SIGTERM) but still answering every request while
 * a load balancer, seeing `/readyz` answer 503, stops sending it new ones.
 */
export class Drain {
  private started = false;

  get draining(): boolean {
    return this.started;
  }

  begin(): void {
    this.started = true;
  }
}
