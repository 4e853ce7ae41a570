// The crew's reports that the server has not confirmed yet, kept on the phone (localStorage) so that they survive a
// lost signal, a closed tab and a flat battery. Each has its own report id, made when the button is pressed: sending
// it again after a lost answer cannot double it, because the server answers a known id with what it did the first time.

export class Outbox {
  constructor(username) {
    this.key = `mycity.crew.outbox.${username}`;
  }

  all() {
    try {
      return JSON.parse(localStorage.getItem(this.key) ?? '[]');
    } catch {
      return [];
    }
  }

  /** The reports still to be sent: not those the server refused. */
  pending() {
    return this.all().filter((r) => !r.refused);
  }

  /** Keeps a report the server refused, with the server's reason, for the crew to send again or discard. */
  refuse(reportId, reason) {
    this.save(this.all().map((r) => (r.report_id === reportId ? { ...r, refused: reason } : r)));
  }

  /** A refused report made again: sent as if the button had been pressed now. */
  retry(reportId) {
    this.save(this.all().map((r) => {
      if (r.report_id !== reportId) {
        return r;
      }
      const { refused, ...again } = r;
      return { ...again, at: new Date().toISOString() };
    }));
  }

  add(report) {
    const reports = this.all();
    reports.push(report);
    this.save(reports);
  }

  remove(reportId) {
    this.save(this.all().filter((r) => r.report_id !== reportId));
  }

  save(reports) {
    localStorage.setItem(this.key, JSON.stringify(reports));
  }
}

/** A new report: what the crew pressed, for which bin, when. */
export function report(bin, outcome, reason, note) {
  return {
    report_id: crypto.randomUUID(),
    bin,
    outcome,
    ...(outcome === 'not-emptied' ? { reason } : {}),
    ...(note ? { note } : {}),
    at: new Date().toISOString(),
  };
}
