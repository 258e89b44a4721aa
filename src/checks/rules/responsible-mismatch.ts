import { Implementer } from "../../model/plan";
import { Rule } from "../types";
import { rowName, rowNameEn } from "../text";

/**
 * A row whose responsible party names another implementer than the schedule's owner: another partner at
 * all, or the implementer (ELVL) without the owner beside it. "ELVL ja Tartu linn" in Tartu's schedule is
 * joint work and fine; generic words ("partnerid", "graafiline disainer") name no one.
 */
export const responsibleMismatch: Rule = {
  meta: {
    id: "responsible-mismatch",
    severity: "warning",
    category: "parties",
    description: {
      et: "Vastutajaks on märgitud teine elluviija või partner kui ajakava omanik",
      en: "A row's responsible party names another implementer than the schedule's owner",
    },
  },
  check({ plan, implementers }, report) {
    for (const { implementer: owner } of implementers) {
      for (const row of owner.rows) {
        if (!row.responsible) continue;
        const named = namedImplementers(row.responsible, plan.implementers);
        const others = named.filter((implementer) => implementer !== owner);
        if (others.length === 0) continue;
        const otherPartner = others.some((implementer) => implementer.role === "partner");
        if (!otherPartner && named.includes(owner)) continue;
        const list = others.map((implementer) => implementer.name).join(", ");
        report({
          implementer: owner,
          row,
          message: `Rea ${rowName(row)} vastutaja „${row.responsible}“ nimetab ${list}, kuid ajakava on ${owner.name} oma.`,
          messageEn: `The responsible party "${row.responsible}" of row ${rowNameEn(row)} names ${list}, but the schedule is ${owner.name}'s.`,
          expected: owner.name,
          actual: row.responsible,
        });
      }
    }
  },
};

/** The implementers a responsible-party cell names, by name or alias, party by party. */
export function namedImplementers(responsible: string, implementers: Implementer[]): Implementer[] {
  const parties = responsible
    .split(/\s*(?:,|;|\/|\s+ja\s+|\s+and\s+)\s*/i)
    .map((party) => party.trim().toLocaleLowerCase("et"))
    .filter((party) => party !== "");
  const named: Implementer[] = [];
  for (const implementer of implementers) {
    const names = [implementer.name, ...implementer.aliases].map((name) => name.toLocaleLowerCase("et"));
    if (parties.some((party) => names.includes(party)) && !named.includes(implementer)) named.push(implementer);
  }
  return named;
}
