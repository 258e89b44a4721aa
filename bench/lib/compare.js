"use strict";
/** The bench's equality checks: a baseline that gives another result is no baseline, and the run stops. */

/** Throws unless `ours` and `theirs` serialize alike; the message shows where they part. */
function assertSame(what, ours, theirs) {
  const a = JSON.stringify(ours);
  const b = JSON.stringify(theirs);
  if (a === b) return;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (text) => text.slice(Math.max(0, at - 160), at + 160);
  throw new Error(
    `${what}: the baseline's result differs from ours at character ${at}:\n  ours:  …${around(a)}…\n  naive: …${around(b)}…`,
  );
}

module.exports = { assertSame };
