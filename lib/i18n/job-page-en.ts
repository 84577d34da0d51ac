import type { JobPageDictionary } from "./job-page-zh";

export const jobPageEn: JobPageDictionary = {
  failures: {
    title: (n) => `Failed hosts (${n})`,
    region: "Failure summary",
    task: (task) => `task “${task}”`,
    noTask: "no failed task recorded",
    line: (n) => `line ${n}`,
    locating: "Finding it in the output…",
    notInOutput: "the output shows no failure line for this host",
    prev: "Previous failure",
    next: "Next failure",
    position: (at, n) => (at > 0 ? `Failure ${at}/${n}` : `${n} ${n === 1 ? "failure" : "failures"}`),
  },
  lineView: {
    wrap: "Wrap lines",
    wrapHint: "Long lines fold onto several rows; off, they scroll sideways (this browser remembers the choice)",
    lineLink: (n) => `Link to line ${n}`,
  },
  rerunConfirm: {
    title: (id) => `Re-run job #${id}`,
    body: "This runs the job again with its original options:",
    template: "Template",
    playbook: "Playbook",
    module: "Module",
    inventory: "Inventory",
    limit: "Limit",
    noLimit: "(none: every host of the inventory)",
    hosts: "Hosts",
    hostCount: (n) => `${n}`,
    hostsUnknown: "unknown",
    dontAsk: "Don't ask again",
    confirm: "Re-run now",
    cancel: "Cancel",
  },
  skipToJobs: "Skip to the job list",
  queue: {
    place: (position, template, name, limit) =>
      `Queued, #${position} (${template ? "template" : "inventory"} “${name}” allows ${limit} job${limit === 1 ? "" : "s"} at a time)`,
    short: (position) => `#${position}`,
  },
};
