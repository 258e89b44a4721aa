/* Apart from the signatures' reader, so that the pane shows times without loading an XML parser at start. */

/**
 * A signing time as the officer reads it, in the zone the signature states it in ("25.03.2025 08:15:30 UTC"): not
 * converted, so that it reads the same on every machine. Text that is no ISO time is shown as it is.
 */
export function formatSigningTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hours, minutes, seconds, zone] = match;
  const time = `${hours}:${minutes}${seconds ? `:${seconds}` : ""}`;
  const zoneText = zone === undefined ? "" : zone === "Z" ? " UTC" : ` UTC${zone}`;
  return `${day}.${month}.${year} ${time}${zoneText}`;
}
